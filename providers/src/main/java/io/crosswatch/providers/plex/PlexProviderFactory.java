package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.auth.SavedSignIn;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RatePolicy;
import io.crosswatch.providers.http.RetryPolicy;
import io.crosswatch.providers.http.TrustingTls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@code PLEX} providers from the {@code plex} config block (CrossWatch's keys: {@code
 * server_url}, {@code account_token}, {@code pms_token}, {@code client_id}, {@code account_id},
 * {@code machine_id}, {@code timeout}, {@code verify_ssl}, {@code max_retries}, per-feature {@code
 * history}/{@code ratings} {@code libraries}, the {@code watchlist_*} tuning keys, plus {@code
 * discover_url} and {@code plex_tv_url}). History and ratings live on the server, the watchlist on
 * Plex Discover.
 */
public final class PlexProviderFactory implements ProviderFactory {
  /** {@code X-Plex-Product} of every call. */
  static final String PRODUCT = "crosswatch";

  /** {@code X-Plex-Version} of every call. */
  static final String VERSION = "0.1.0";

  /** The extra of a stored sign-in that holds the device's {@code X-Plex-Client-Identifier}. */
  public static final String CLIENT_ID_KEY = "client_id";

  /** How many single-item writes run at once. */
  static final int WRITE_CONCURRENCY = 4;

  @Override
  public String name() {
    return "PLEX";
  }

  @Override
  public int listOrder() {
    return 60;
  }

  @Override
  public Set<Feature> features() {
    return PlexProvider.FEATURES;
  }

  /** A Plex server reports plays (webhooks, or its notification websocket watched). */
  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SOURCE);
  }

  @Override
  public Optional<SignIn> signIn() {
    return Optional.of(new PlexSignIn());
  }

  @Override
  public Set<IdKind> idKinds() {
    return PlexProvider.ID_KINDS;
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return PlexSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    String label = context.name() + ":" + context.instance();
    PlexSettings s = signedIn(PlexSettings.from(context.settings()), context, label);
    List<String> secrets = List.of(s.accountToken(), s.pmsToken());
    PlexServer server = null;
    if (s.hasServer()) {
      HttpApiClient.Builder b =
          configured(clientBuilder(label, s.serverUrl(), s.clientId(), secrets), s, context);
      if (!s.serverToken().isEmpty()) {
        b.defaultHeader("X-Plex-Token", s.serverToken());
      }
      if (!s.verifySsl()) {
        b.http(TrustingTls.trustingClient(Duration.ofSeconds(10)));
        context
            .log()
            .debug(label + ": verify_ssl is false; the server's certificate is not checked");
      }
      PlexApi api =
          new PlexApi(
              b.build(),
              "the Plex server",
              "check plex.account_token (or pms_token), or sign in again with cw auth plex");
      server = new PlexServer(api, label, context.log());
    }
    PlexApi discover = account(label, s.discoverUrl(), s, context, secrets, "Plex Discover");
    PlexApi plexTv = account(label, s.plexTvUrl(), s, context, secrets, "plex.tv");
    PlexPlaybackSource source =
        new PlexPlaybackSource(
            context.instance(),
            server,
            s.notificationsUrl(),
            s.serverToken(),
            context.clock(),
            context.sleeper(),
            context.log());
    return new PlexProvider(
        context.instance(),
        context.settingsPath(),
        s,
        server,
        new PlexWatchlist(
            discover,
            PlexDiscoverIds.load(
                context.stateDir(),
                context.instance(),
                s.discoverUrl().toString(),
                context.log(),
                label),
            s.watchlistPageSize(),
            s.guidPriority()),
        discover,
        plexTv,
        PlexPlayDates.load(
            context.stateDir(),
            context.instance(),
            s.hasServer() ? s.serverUrl().toString() : "",
            context.log(),
            label),
        context.clock(),
        source);
  }

  /**
   * The settings with the account token and client id that {@code cw auth plex} stored, when there
   * are any: the store comes before the config. A damaged token file is warned about (by name) and
   * the config's keys are used.
   */
  private static PlexSettings signedIn(PlexSettings s, ProviderContext context, String label) {
    return SavedSignIn.find(context, label, "account_token")
        .map(t -> s.withAccount(t.accessToken(), t.extras().get(CLIENT_ID_KEY)))
        .orElse(s);
  }

  /** A client of plex.tv or Discover, always with the account token; writes paced as set. */
  private PlexApi account(
      String label,
      URI base,
      PlexSettings s,
      ProviderContext context,
      List<String> secrets,
      String service) {
    HttpApiClient.Builder b =
        configured(clientBuilder(label, base, s.clientId(), secrets), s, context)
            .rate(RatePolicy.of(s.watchlistWriteDelay(), 0, Duration.ZERO));
    if (!s.accountToken().isEmpty()) {
      b.defaultHeader("X-Plex-Token", s.accountToken());
    }
    return new PlexApi(
        b.build(), service, "sign in again with cw auth plex to renew plex.account_token");
  }

  private HttpApiClient.Builder configured(
      HttpApiClient.Builder b, PlexSettings s, ProviderContext context) {
    RetryPolicy defaults = RetryPolicy.defaults();
    return b.retry(
            new RetryPolicy(
                s.maxRetries() + 1,
                defaults.baseDelay(),
                defaults.maxDelay(),
                defaults.jitter(),
                defaults.maxRetryAfter()))
        .timeout(s.timeout())
        .clock(context.clock())
        .sleeper(context.sleeper())
        .random(context.random())
        .log(context.log(), context.debugHttp());
  }

  /** A client builder with the headers every Plex call carries (the token is added by callers). */
  static HttpApiClient.Builder clientBuilder(
      String label, URI base, String clientId, List<String> secrets) {
    HttpApiClient.Builder b =
        HttpApiClient.builder(label, base)
            .defaultHeader("Accept", "application/json")
            .defaultHeader("X-Plex-Product", PRODUCT)
            .defaultHeader("X-Plex-Version", VERSION)
            .secrets(secrets);
    if (clientId != null && !clientId.isBlank()) {
      b.defaultHeader("X-Plex-Client-Identifier", clientId);
    }
    return b;
  }
}
