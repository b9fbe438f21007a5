package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.apply.Sleeper;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Builds {@code JELLYFIN} providers (Jellyfin 10.9 or later) from the {@code jellyfin} config
 * block: {@code server}, {@code access_token}, {@code user_id}, {@code username}, {@code
 * device_id}, {@code watchlist} ({@code mode}: {@code favorites} or {@code playlist}, {@code
 * playlist_name}, {@code libraries}), {@code history}/{@code ratings} ({@code libraries}), {@code
 * verify_ssl}, {@code timeout} (seconds) and {@code concurrency} (writes in flight, default 4).
 */
public final class JellyfinProviderFactory extends MediaBrowserProviderFactory {

  /** The factory {@link java.util.ServiceLoader} uses: real sleeping and randomness. */
  public JellyfinProviderFactory() {
    this(Sleeper.SYSTEM, SplittableRandom::new);
  }

  JellyfinProviderFactory(Sleeper sleeper, Supplier<RandomGenerator> random) {
    super(Dialect.JELLYFIN, sleeper, random);
  }
}
