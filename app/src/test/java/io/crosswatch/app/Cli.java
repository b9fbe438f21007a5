package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Runs {@code cw} in-process with captured streams, a fixed clock and the build's providers. */
final class Cli {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T06:15:00Z"), ZoneOffset.UTC);

  /** What one invocation produced. */
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return run(Map.of(), ProviderRegistry::load, args);
  }

  static Result run(Map<String, String> env, Supplier<ProviderRegistry> registry, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            CLOCK,
            new SplittableRandom(7),
            registry,
            false);
    int code = main.execute(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A command line whose arguments can be parsed without running anything. */
  static Main main() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new Main(
        sink, sink, Map.of(), CLOCK, new SplittableRandom(7), ProviderRegistry::load, false);
  }
}
