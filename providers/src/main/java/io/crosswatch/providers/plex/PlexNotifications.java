package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.providers.http.Redactor;
import io.crosswatch.providers.playback.Backoff;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One connection round of Plex's notification websocket ({@code
 * /:/websockets/notifications?X-Plex-Token=…}): connects, feeds every {@code playing} notification
 * to {@link PlexPlaying}, and returns when the server closes the socket or it breaks, with the wait
 * before the next round. The token is only in the connection's address, which no message shows.
 */
final class PlexNotifications {
  static final String PATH = "/:/websockets/notifications";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String token;
  private final Redactor redactor;
  private final String label;
  private final PlexPlaying playing;
  private final Consumer<PlaybackEvent> events;
  private final Backoff backoff;
  private final DiagnosticLog log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * @param base the websocket's address without path ({@code ws://host:32400}); the path and token
   *     are added here
   */
  PlexNotifications(
      URI base,
      String token,
      String label,
      PlexPlaying playing,
      Consumer<PlaybackEvent> events,
      Backoff backoff,
      DiagnosticLog log) {
    this.base = base;
    this.token = token;
    this.redactor = Redactor.standard().withSecrets(Collections.singletonList(token));
    this.label = label;
    this.playing = playing;
    this.events = events;
    this.backoff = backoff;
    this.log = log;
  }

  /** The websocket address of a server address: {@code http} becomes {@code ws}, https wss. */
  static URI websocketBase(URI server) {
    String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
    String path = server.getRawPath() == null ? "" : server.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + server.getRawAuthority() + path);
  }

  /** Where messages say the websocket is: the address without the token. */
  String shownAddress() {
    return base + PATH;
  }

  /** Connects, listens until the socket ends, and returns the wait before reconnecting. */
  Duration round() throws InterruptedException {
    CompletableFuture<String> ended = new CompletableFuture<>();
    WebSocket socket;
    playing.connecting();
    try {
      socket =
          http.newWebSocketBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .buildAsync(address(), new Listener(ended))
              .get(CONNECT_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Duration wait = backoff.next();
      log.warn(
          label
              + ": cannot open the notification websocket "
              + shownAddress()
              + " ("
              + reason(e)
              + "); trying again in "
              + wait.toSeconds()
              + " s");
      return wait;
    }
    backoff.reset();
    log.debug(label + ": watching playbacks through " + shownAddress());
    try {
      playing.missedStops().forEach(events);
    } catch (ProviderException | RuntimeException e) {
      log.warn(label + ": could not check for playbacks that ended meanwhile: " + e.getMessage());
    }
    try {
      String why = ended.get();
      Duration wait = backoff.next();
      log.warn(
          label
              + ": the notification websocket closed ("
              + why
              + "); reconnecting in "
              + wait.toSeconds()
              + " s");
      return wait;
    } catch (ExecutionException e) {
      return backoff.next(); // never completed exceptionally; kept for the compiler
    } finally {
      socket.abort();
    }
  }

  private URI address() {
    return URI.create(
        base + PATH + "?X-Plex-Token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /** The cause's class and message, with the token cut out should a library quote the address. */
  private String reason(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    text = text.replace(address().toString(), shownAddress());
    return redactor.text(text);
  }

  private void handle(String text) {
    JsonNode message;
    try {
      message = PlexApi.MAPPER.readTree(text);
    } catch (JacksonException e) {
      log.debug(label + ": a notification that is not JSON was skipped");
      return;
    }
    JsonNode container = message.path("NotificationContainer");
    if (!container.path("type").asString("").equals("playing")) {
      return;
    }
    for (JsonNode n : container.path("PlaySessionStateNotification")) {
      try {
        playing.notification(n).ifPresent(events);
      } catch (ProviderException | RuntimeException e) {
        log.warn(label + ": a playback notification could not be resolved: " + e.getMessage());
      }
    }
  }

  /** Collects a message's fragments and hands whole ones on; completes {@code ended} at the end. */
  private final class Listener implements WebSocket.Listener {
    private final CompletableFuture<String> ended;
    private final StringBuilder partial = new StringBuilder();

    Listener(CompletableFuture<String> ended) {
      this.ended = ended;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String whole = partial.toString();
        partial.setLength(0);
        handle(whole);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      ended.complete("status " + statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ended.complete(error.getClass().getSimpleName());
    }
  }
}
