package io.crosswatch.providers.plex;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.providers.playback.Backoff;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WatchLoop;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Plex Media Server as a scrobbling source: the webhooks it posts (Plex Pass), and for servers
 * without them its notification websocket, reconnected with a growing wait (1 s doubling up to a
 * minute) whenever it closes or cannot be opened. An episode's show ids come from one lookup of the
 * show on the server, kept for later reports.
 */
final class PlexPlaybackSource implements PlaybackSource {
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final String instance;
  private final String label;
  private final PlexServer server;
  private final URI notifications;
  private final String token;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DiagnosticLog log;
  private final ShowIdsLookup shows;

  /**
   * @param server the server, {@code null} when none is configured (webhooks are still read)
   * @param notifications the address the websocket is reached at (http or https)
   */
  PlexPlaybackSource(
      String instance,
      PlexServer server,
      URI notifications,
      String token,
      Clock clock,
      Sleeper sleeper,
      DiagnosticLog log) {
    this.instance = instance;
    this.label = "PLEX:" + instance;
    this.server = server;
    this.notifications = notifications;
    this.token = token;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
    this.shows =
        server == null
            ? ShowIdsLookup.NONE
            : new ShowIdsLookup(
                key ->
                    PlexPlaying.metadata(server.api(), key)
                        .map(PlexGuids::ids)
                        .orElse(io.crosswatch.core.model.Ids.empty()),
                label,
                log);
  }

  @Override
  public List<PlaybackEvent> parseWebhook(String contentType, byte[] body)
      throws MalformedWebhookException {
    Objects.requireNonNull(body, "body");
    return new PlexWebhook(instance, clock, shows).parse(contentType, body);
  }

  /**
   * Watches the server's notification websocket. Without a configured server there is nothing to
   * watch: a warning says so and the handle does nothing.
   */
  @Override
  public AutoCloseable watch(Consumer<PlaybackEvent> events) {
    Objects.requireNonNull(events, "events");
    if (server == null || notifications == null) {
      log.warn(label + ": plex.server_url is not set, so there is no server to watch");
      return () -> {};
    }
    PlexNotifications socket =
        new PlexNotifications(
            PlexNotifications.websocketBase(notifications),
            token,
            label,
            new PlexPlaying(server.api(), instance, clock, shows),
            events,
            new Backoff(FIRST_BACKOFF, MAX_BACKOFF),
            log);
    return WatchLoop.start("watch-" + label, socket::round, sleeper);
  }
}
