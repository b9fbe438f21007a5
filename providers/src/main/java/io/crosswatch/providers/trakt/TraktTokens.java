package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tokens of one Trakt instance: read from the {@link TokenStore} first, else from the config
 * block; refreshed shortly before they expire and once after a 401. Refresh tokens work once, so a
 * new pair is saved before its access token is used, and a refused refresh keeps what is stored.
 * Called from the run thread; synchronized for safety.
 */
final class TraktTokens {
  /** Tokens expiring within this margin are refreshed before use. */
  static final Duration REFRESH_MARGIN = Duration.ofHours(1);

  static final String PROVIDER = "TRAKT";

  private final String instance;
  private final TraktSettings settings;
  private final TokenStore store;
  private final HttpApiClient client;
  private final Clock clock;
  private final DiagnosticLog log;
  private Tokens current;
  private boolean refreshedAfter401;
  private boolean warned;

  TraktTokens(
      String instance,
      TraktSettings settings,
      TokenStore store,
      HttpApiClient client,
      Clock clock,
      DiagnosticLog log) {
    this.instance = instance;
    this.settings = settings;
    this.store = store;
    this.client = client;
    this.clock = clock;
    this.log = log;
  }

  /** The tokens in use: the stored ones, else the config block's. */
  synchronized Tokens current() throws ProviderException {
    if (current == null) {
      Tokens fromConfig =
          Tokens.of(settings.accessToken(), settings.refreshToken(), settings.expiresAt());
      try {
        current = store.loadOr(PROVIDER, instance, fromConfig);
      } catch (TokenStoreException e) {
        throw ProviderException.permanent(Kind.AUTH, label() + ": " + e.getMessage());
      }
      knowSecrets(current);
    }
    return current;
  }

  /** The access token to send now, refreshed first when it is missing or about to expire. */
  synchronized String accessToken() throws ProviderException {
    Tokens t = current();
    boolean due = !t.hasAccessToken() || t.expiresWithin(clock.instant(), REFRESH_MARGIN);
    if (due && canRefresh(t)) {
      try {
        refresh(t);
      } catch (ProviderException e) {
        if (!t.hasAccessToken() || t.expiredAt(clock.instant())) {
          throw e;
        }
        // The current token still works for a while: this run goes on, the user is told.
        warnOnce(
            e.getMessage()
                + " (the current access token works until "
                + Instant.ofEpochSecond(t.expiresAt())
                + ")");
      }
    }
    return current.accessToken();
  }

  /**
   * Called after a 401: refreshes once per instance. True when there is a new access token to retry
   * with; false when refreshing is not possible or was done already.
   *
   * @throws ProviderException (AUTH) when Trakt refused the refresh; the stored tokens are kept
   */
  synchronized boolean refreshAfterUnauthorized() throws ProviderException {
    Tokens t = current();
    if (refreshedAfter401 || !canRefresh(t)) {
      return false;
    }
    refreshedAfter401 = true;
    refresh(t);
    return true;
  }

  /** What to tell a user whose token does not work. */
  String advice() {
    return "run `cw auth trakt"
        + ("default".equals(instance) ? "" : " --instance " + instance)
        + "` to authorize crosswatch again";
  }

  private boolean canRefresh(Tokens t) {
    return t.hasRefreshToken() && !settings.clientSecret().isEmpty();
  }

  private void refresh(Tokens old) throws ProviderException {
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    body.put("refresh_token", old.refreshToken());
    body.put("client_id", settings.clientId());
    body.put("client_secret", settings.clientSecret());
    body.put("redirect_uri", "urn:ietf:wg:oauth:2.0:oob");
    body.put("grant_type", "refresh_token");
    HttpAnswer answer =
        client.send(ApiRequest.post("/oauth/token", body.toString()).withClientRetries());
    if (answer.status() == 400 || answer.status() == 401) {
      throw ProviderException.permanent(
          Kind.AUTH,
          answer.describe()
              + ": Trakt refused the refresh token; the stored tokens are kept; "
              + advice());
    }
    if (!answer.isSuccess()) {
      throw TraktApi.failureOf(answer, client);
    }
    Optional<Tokens> fresh =
        parse(answer).flatMap(b -> TraktTokenAnswer.parse(b, clock.instant(), old.extras()));
    if (fresh.isEmpty()) {
      throw new ProviderException(
          Kind.AUTH,
          answer.describe()
              + ": the token answer lacks access_token, refresh_token or "
              + "expires_in; the old refresh token may be used up; "
              + advice(),
          false,
          null);
    }
    try {
      // Saved before the new access token is used: the old refresh token no longer works.
      store.save(PROVIDER, instance, fresh.get());
    } catch (TokenStoreException e) {
      throw ProviderException.permanent(
          Kind.AUTH,
          label()
              + ": Trakt issued new tokens, but they could not be saved ("
              + e.getMessage()
              + "); the old refresh token is used up: fix the state dir, then "
              + advice());
    }
    current = fresh.get();
    knowSecrets(current);
    log.debug(
        label()
            + ": access token refreshed; it expires at "
            + Instant.ofEpochSecond(current.expiresAt()));
  }

  /** Lets the client mask these tokens wherever it would print them. */
  private void knowSecrets(Tokens tokens) {
    client.addSecrets(java.util.Arrays.asList(tokens.accessToken(), tokens.refreshToken()));
  }

  private static Optional<JsonNode> parse(HttpAnswer answer) {
    try {
      return Optional.of(TraktApi.MAPPER.readTree(answer.body()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      log.warn(message);
    }
  }

  private String label() {
    return PROVIDER + ":" + instance;
  }
}
