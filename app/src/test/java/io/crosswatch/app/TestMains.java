package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Builds a {@link Main} over chosen provider factories, for tests outside this package. */
public final class TestMains {
  private TestMains() {}

  /**
   * A non-interactive command line using {@code registry} instead of the class path's; randomness
   * is unseeded, as in {@link Main#Main(PrintStream, PrintStream, Map, Clock)}, so that two runs at
   * one instant still get distinct run ids.
   */
  public static Main of(
      PrintStream out, PrintStream err, Clock clock, Supplier<ProviderRegistry> registry) {
    return new Main(
        out,
        err,
        Map.of(),
        clock,
        new SplittableRandom(),
        Objects.requireNonNull(registry, "registry"),
        false);
  }
}
