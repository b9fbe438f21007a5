package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.apply.Sleeper;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Builds {@code EMBY} providers from the {@code emby} config block, with the same keys as {@link
 * JellyfinProviderFactory}; {@code server} may end with {@code /emby}, else the prefix is probed.
 */
public final class EmbyProviderFactory extends MediaBrowserProviderFactory {

  /** The factory {@link java.util.ServiceLoader} uses: real sleeping and randomness. */
  public EmbyProviderFactory() {
    this(Sleeper.SYSTEM, SplittableRandom::new);
  }

  EmbyProviderFactory(Sleeper sleeper, Supplier<RandomGenerator> random) {
    super(Dialect.EMBY, sleeper, random);
  }
}
