package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RatePolicy;
import io.crosswatch.providers.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@code TRAKT} providers from the {@code trakt} config block (CrossWatch's keys {@code
 * client_id}, {@code client_secret}, {@code access_token}, {@code refresh_token}, {@code
 * expires_at}, {@code base_url}, plus {@code timeout} in seconds). Tokens saved by {@code cw auth
 * trakt} or by a refresh (in the state dir's {@code secrets}) take precedence over the block's.
 */
public final class TraktProviderFactory implements ProviderFactory {
  /** Trakt's documented limits: 1 write per second, 1000 GETs per 5 minutes, per user. */
  static final RatePolicy TRAKT_LIMITS =
      RatePolicy.of(Duration.ofSeconds(1), 1000, Duration.ofMinutes(5));

  private static final String USER_AGENT = "crosswatch/0.1";

  @Override
  public String name() {
    return "TRAKT";
  }

  @Override
  public int listOrder() {
    return 30;
  }

  @Override
  public Set<Feature> features() {
    return TraktProvider.FEATURES;
  }

  /** Trakt takes scrobbles ({@code /scrobble/start|pause|stop}). */
  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public Optional<SignIn> signIn() {
    return Optional.of(new TraktSignIn());
  }

  @Override
  public Set<IdKind> idKinds() {
    return Set.copyOf(TraktItems.TRAKT_KINDS);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return TraktSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    TraktSettings settings = TraktSettings.from(context.settings());
    HttpApiClient client =
        client(context.name() + ":" + context.instance(), settings)
            .retry(RetryPolicy.defaults())
            .clock(context.clock())
            .sleeper(context.sleeper())
            .random(context.random())
            .log(context.log(), context.debugHttp())
            .build();
    TraktTokens tokens =
        new TraktTokens(
            context.instance(),
            settings,
            new TokenStore(context.stateDir()),
            client,
            context.clock(),
            context.log());
    SnapshotStore cache = SnapshotStore.forInstance(context, settings.baseUrl().toString());
    return new TraktProvider(
        context.instance(),
        settings,
        new TraktApi(client, tokens),
        cache,
        context.clock(),
        context.log());
  }

  /**
   * A client builder with Trakt's headers, limits and timeout; the access token is added per
   * request, since a refresh replaces it.
   */
  static HttpApiClient.Builder client(String label, TraktSettings settings) {
    return HttpApiClient.builder(label, settings.baseUrl())
        .defaultHeader("Content-Type", "application/json")
        .defaultHeader("User-Agent", USER_AGENT)
        .defaultHeader("trakt-api-key", settings.clientId())
        .defaultHeader("trakt-api-version", "2")
        .secrets(
            List.of(
                settings.clientId(),
                settings.clientSecret(),
                settings.accessToken(),
                settings.refreshToken()))
        .rate(TRAKT_LIMITS)
        .timeout(settings.timeout());
  }
}
