package io.crosswatch.providers.mdblist;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RatePolicy;
import io.crosswatch.providers.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@code MDBLIST} providers from the {@code mdblist} config block (keys {@code api_key},
 * {@code base_url}, and {@code timeout} in seconds).
 */
public final class MdblistProviderFactory implements ProviderFactory {
  /**
   * Assumed pacing: MDBList documents a daily quota, not a rate; writes are spaced by a quarter
   * second to stay gentle.
   */
  static final RatePolicy MDBLIST_PACE = RatePolicy.of(Duration.ofMillis(250), 0, Duration.ZERO);

  private final Sleeper sleeper;
  private final Supplier<RandomGenerator> random;

  /** The factory {@link java.util.ServiceLoader} uses: real sleeping and randomness. */
  public MdblistProviderFactory() {
    this(Sleeper.SYSTEM, SplittableRandom::new);
  }

  MdblistProviderFactory(Sleeper sleeper, Supplier<RandomGenerator> random) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public String name() {
    return "MDBLIST";
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return MdblistSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    MdblistSettings settings = MdblistSettings.from(context.settings());
    String version = MdblistProviderFactory.class.getPackage().getImplementationVersion();
    HttpApiClient client =
        HttpApiClient.builder(context.name() + ":" + context.instance(), settings.baseUrl())
            .defaultHeader("Content-Type", "application/json")
            .defaultHeader("User-Agent", "crosswatch/" + (version == null ? "0.1" : version))
            .secrets(List.of(settings.apiKey()))
            .rate(MDBLIST_PACE)
            .retry(RetryPolicy.defaults())
            .timeout(settings.timeout())
            .clock(context.clock())
            .sleeper(sleeper)
            .random(random.get())
            .log(context.log(), context.debugHttp())
            .build();
    return new MdblistProvider(
        context.instance(), settings, new MdblistApi(client, settings.apiKey()));
  }
}
