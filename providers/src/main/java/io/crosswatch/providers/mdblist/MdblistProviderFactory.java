package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.auth.SavedSignIn;
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
 * Builds {@code MDBLIST} providers from the {@code mdblist} config block (keys {@code api_key},
 * {@code base_url}, {@code timeout} in seconds and {@code full_refresh_days}). A key saved by
 * {@code cw auth mdblist} (in the state dir's {@code secrets}) takes precedence over the block's
 * {@code api_key}.
 */
public final class MdblistProviderFactory implements ProviderFactory {
  /**
   * Assumed pacing: MDBList documents a daily quota, not a rate; writes are spaced by a quarter
   * second to stay gentle.
   */
  static final RatePolicy MDBLIST_PACE = RatePolicy.of(Duration.ofMillis(250), 0, Duration.ZERO);

  @Override
  public String name() {
    return "MDBLIST";
  }

  @Override
  public int listOrder() {
    return 50;
  }

  @Override
  public Set<Feature> features() {
    return MdblistProvider.FEATURES;
  }

  /** A sink: MDBList's scrobble API. */
  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public Optional<SignIn> signIn() {
    return Optional.of(new MdblistSignIn());
  }

  @Override
  public Set<IdKind> idKinds() {
    return Set.copyOf(MdblistItems.KINDS);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return MdblistSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    MdblistSettings configured = MdblistSettings.from(context.settings());
    // A key saved by cw auth mdblist comes first; the config block's api_key is the fallback.
    SavedSignIn.Lookup key = SavedSignIn.accessTokenOr(context, configured.apiKey());
    MdblistSettings settings = configured.withApiKey(key.accessToken());
    HttpApiClient client =
        client(context.name() + ":" + context.instance(), settings)
            .secrets(List.of(configured.apiKey()))
            .retry(RetryPolicy.defaults())
            .clock(context.clock())
            .sleeper(context.sleeper())
            .random(context.random())
            .log(context.log(), context.debugHttp())
            .build();
    return new MdblistProvider(
        context.instance(),
        settings,
        key.problem(),
        new MdblistApi(client, settings.apiKey()),
        SnapshotStore.forInstance(context, settings.baseUrl().toString()),
        context.log());
  }

  /** A client builder with MDBList's headers, pacing and timeout; the key goes per request. */
  static HttpApiClient.Builder client(String label, MdblistSettings settings) {
    String version = MdblistProviderFactory.class.getPackage().getImplementationVersion();
    return HttpApiClient.builder(label, settings.baseUrl())
        .defaultHeader("Content-Type", "application/json")
        .defaultHeader("User-Agent", "crosswatch/" + (version == null ? "0.1" : version))
        .secrets(List.of(settings.apiKey()))
        .rate(MDBLIST_PACE)
        .timeout(settings.timeout());
  }
}
