package io.crosswatch.providers.plex;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Signs a user in to Plex with a PIN, as {@code cw auth plex} does: {@link #start()} asks plex.tv
 * for a PIN, the user opens {@link Pin#authUrl()} and approves it, and {@link #await} polls until
 * plex.tv hands out the account token (to be stored as {@code plex.account_token}, with the same
 * {@code client_id}).
 *
 * <pre>{@code
 * PlexPinLogin login = PlexPinLogin.create(plexTvUrl, clientId, clock, sleeper);
 * PlexPinLogin.Pin pin = login.start();
 * System.out.println("Open " + pin.authUrl());
 * String token = login.await(pin, Duration.ofSeconds(2), Duration.ofMinutes(10));
 * }</pre>
 */
public final class PlexPinLogin {
  /** Where users approve a PIN. */
  public static final String AUTH_APP_URL = "https://app.plex.tv/auth";

  /**
   * A PIN waiting for approval.
   *
   * @param id the PIN's id, used to poll
   * @param code the code the user approves
   * @param authUrl the page where the user approves it
   * @param expiresAt when plex.tv forgets it, or {@code null} when not said
   */
  public record Pin(long id, String code, String authUrl, Instant expiresAt) {
    public Pin {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(authUrl, "authUrl");
    }

    @Override
    public String toString() {
      return "Pin[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
  }

  private final PlexApi plexTv;
  private final String clientId;
  private final Clock clock;
  private final Sleeper sleeper;

  private PlexPinLogin(PlexApi plexTv, String clientId, Clock clock, Sleeper sleeper) {
    this.plexTv = plexTv;
    this.clientId = clientId;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A login against {@code plexTvUrl} for the device {@code clientId}. */
  public static PlexPinLogin create(URI plexTvUrl, String clientId, Clock clock, Sleeper sleeper) {
    return create(plexTvUrl, clientId, clock, sleeper, DiagnosticLog.silent(), false);
  }

  /** A login that also writes {@code debug_http} lines (without secrets) to {@code log}. */
  public static PlexPinLogin create(
      URI plexTvUrl,
      String clientId,
      Clock clock,
      Sleeper sleeper,
      DiagnosticLog log,
      boolean debugHttp) {
    Objects.requireNonNull(plexTvUrl, "plexTvUrl");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank; see newClientId()");
    }
    HttpApiClient client =
        PlexProviderFactory.clientBuilder("PLEX:auth", plexTvUrl, clientId, List.of())
            .retry(RetryPolicy.defaults())
            .clock(Objects.requireNonNull(clock, "clock"))
            .sleeper(Objects.requireNonNull(sleeper, "sleeper"))
            .log(Objects.requireNonNull(log, "log"), debugHttp)
            .build();
    return new PlexPinLogin(
        new PlexApi(client, "plex.tv", "try again later"), clientId, clock, sleeper);
  }

  /** A fresh device id for {@code plex.client_id}; keep it, plex.tv lists one device per id. */
  public static String newClientId() {
    return "crosswatch-" + UUID.randomUUID();
  }

  /** Asks plex.tv for a new strong PIN ({@code POST /api/v2/pins?strong=true}). */
  public Pin start() throws ProviderException {
    JsonNode pin =
        plexTv.call(
            ApiRequest.post("/api/v2/pins", null).withQuery("strong", "true").withClientRetries());
    Long id = PlexEntries.whole(pin.get("id"));
    String code = PlexEntries.text(pin, "code");
    if (id == null || code == null || code.isBlank()) {
      throw new ProviderException(
          Kind.UNAVAILABLE, "plex.tv POST /api/v2/pins: answer lacks id or code", true, null);
    }
    return new Pin(id, code, authUrl(code), expiry(pin));
  }

  /**
   * Polls once ({@code GET /api/v2/pins/{id}}): the account token once the user approved.
   *
   * @throws ProviderException kind AUTH when plex.tv no longer knows the PIN (it expired)
   */
  public Optional<String> check(Pin pin) throws ProviderException {
    Objects.requireNonNull(pin, "pin");
    HttpAnswer answer = plexTv.send(ApiRequest.get("/api/v2/pins/" + pin.id()));
    if (answer.status() == 404) {
      throw ProviderException.permanent(
          Kind.AUTH, "plex.tv: the PIN expired or is unknown; start the sign-in again");
    }
    if (!answer.isSuccess()) {
      throw plexTv.failure(answer);
    }
    String token = PlexEntries.text(plexTv.json(answer), "authToken");
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
  }

  /** Polls every {@code interval} until approved; fails after {@code timeout} or on expiry. */
  public String await(Pin pin, Duration interval, Duration timeout) throws ProviderException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Optional<String> token = check(pin);
      if (token.isPresent()) {
        return token.get();
      }
      if (!clock.instant().plus(interval).isBefore(deadline)) {
        throw ProviderException.permanent(
            Kind.AUTH,
            "plex.tv: the PIN was not approved within " + timeout.toSeconds() + " s; try again");
      }
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(Kind.AUTH, "plex sign-in interrupted", false, null, e);
      }
    }
  }

  private String authUrl(String code) {
    return AUTH_APP_URL
        + "#?clientID="
        + encode(clientId)
        + "&code="
        + encode(code)
        + "&context%5Bdevice%5D%5Bproduct%5D="
        + encode(PlexProviderFactory.PRODUCT);
  }

  private static Instant expiry(JsonNode pin) {
    String at = PlexEntries.text(pin, "expiresAt");
    try {
      return at == null ? null : Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
