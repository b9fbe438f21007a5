package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** What every command gets from the process: streams, environment, time, randomness. */
final class CliContext {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Clock clock;
  private final RandomGenerator random;
  private final Supplier<ProviderRegistry> registrySupplier;
  private ProviderRegistry registry;
  private final boolean interactive;
  private final InputStream in;
  private final PasswordPrompt passwordPrompt;
  private volatile boolean debug;

  CliContext(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Clock clock,
      RandomGenerator random,
      Supplier<ProviderRegistry> registry,
      boolean interactive,
      InputStream in,
      PasswordPrompt passwordPrompt) {
    this.in = Objects.requireNonNull(in, "in");
    this.passwordPrompt = passwordPrompt;
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.registrySupplier = Objects.requireNonNull(registry, "registry");
    this.interactive = interactive;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Map<String, String> env() {
    return env;
  }

  Clock clock() {
    return clock;
  }

  RandomGenerator random() {
    return random;
  }

  /** The provider registry, loaded once per command. */
  synchronized ProviderRegistry registry() {
    if (registry == null) {
      registry = registrySupplier.get();
    }
    return registry;
  }

  /** Whether stdout is a real terminal outside CI, so that progress may be drawn. */
  boolean interactive() {
    return interactive;
  }

  /** Standard input (passwords given with {@code --password-stdin}). */
  InputStream in() {
    return in;
  }

  /** The terminal's password prompt, or {@code null} when there is no terminal. */
  PasswordPrompt passwordPrompt() {
    return passwordPrompt;
  }

  /** Whether {@code runtime.debug} of the loaded config is on (stack traces are then shown). */
  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    debug = on;
    if (on) {
      Logging.enableDebug();
    }
  }
}
