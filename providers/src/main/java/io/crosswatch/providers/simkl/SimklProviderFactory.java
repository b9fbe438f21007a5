package io.crosswatch.providers.simkl;

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
 * Builds {@code SIMKL} providers from the {@code simkl} config block (keys {@code client_id},
 * {@code access_token}, {@code base_url} and {@code timeout} in seconds). A token saved by {@code
 * cw auth simkl} (in the state dir's {@code secrets}) takes precedence over the block's {@code
 * access_token}.
 */
public final class SimklProviderFactory implements ProviderFactory {
  /** SIMKL's limits per token: 10 GETs per second, 1 POST per second. */
  static final RatePolicy SIMKL_LIMITS =
      RatePolicy.of(Duration.ofSeconds(1), 10, Duration.ofSeconds(1));

  @Override
  public String name() {
    return "SIMKL";
  }

  @Override
  public int listOrder() {
    return 40;
  }

  @Override
  public Set<Feature> features() {
    return SimklProvider.FEATURES;
  }

  /** A sink: SIMKL's scrobble API. */
  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public Optional<SignIn> signIn() {
    return Optional.of(new SimklSignIn());
  }

  @Override
  public Set<IdKind> idKinds() {
    return Set.copyOf(SimklItems.SIMKL_KINDS);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return SimklSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    SimklSettings configured = SimklSettings.from(context.settings());
    // A token saved by cw auth simkl comes first; the config block's is the fallback.
    SavedSignIn.Lookup token = SavedSignIn.accessTokenOr(context, configured.accessToken());
    SimklSettings settings = configured.withAccessToken(token.accessToken());
    String version = version();
    HttpApiClient.Builder client =
        client(context.name() + ":" + context.instance(), settings)
            .secrets(List.of(configured.accessToken()))
            .retry(RetryPolicy.defaults())
            .clock(context.clock())
            .sleeper(context.sleeper())
            .random(context.random())
            .log(context.log(), context.debugHttp());
    return new SimklProvider(
        context.instance(),
        settings,
        token.problem(),
        new SimklApi(client.build(), version),
        SnapshotStore.forInstance(context, settings.baseUrl().toString()));
  }

  /**
   * A client builder with SIMKL's headers, limits and timeout (and the access token, when the
   * settings hold one).
   */
  static HttpApiClient.Builder client(String label, SimklSettings settings) {
    HttpApiClient.Builder b =
        HttpApiClient.builder(label, settings.baseUrl())
            .defaultHeader("Content-Type", "application/json")
            .defaultHeader("User-Agent", "crosswatch/" + version())
            .defaultHeader("simkl-api-key", settings.clientId())
            .secrets(List.of(settings.clientId(), settings.accessToken()))
            .rate(SIMKL_LIMITS)
            .timeout(settings.timeout());
    if (!settings.accessToken().isEmpty()) {
      b.defaultHeader("Authorization", "Bearer " + settings.accessToken());
    }
    return b;
  }

  /** The version of this build, from the jar manifest; {@code 0.1} when run from classes. */
  static String version() {
    String v = SimklProviderFactory.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "0.1" : v;
  }
}
