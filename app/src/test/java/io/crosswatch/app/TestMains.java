package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.InputStream;
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

  /** As {@link #of}, reading standard input (e.g. {@code --password-stdin}) from {@code in}. */
  public static Main withInput(
      PrintStream out,
      PrintStream err,
      Clock clock,
      Supplier<ProviderRegistry> registry,
      InputStream in) {
    return withInput(out, err, clock, registry, in, Map.of());
  }

  /** As {@link #withInput}, with {@code env} as the process environment. */
  public static Main withInput(
      PrintStream out,
      PrintStream err,
      Clock clock,
      Supplier<ProviderRegistry> registry,
      InputStream in,
      Map<String, String> env) {
    return new Main(
        out,
        err,
        Objects.requireNonNull(env, "env"),
        clock,
        new SplittableRandom(),
        Objects.requireNonNull(registry, "registry"),
        false,
        Objects.requireNonNull(in, "in"),
        null);
  }
}
