package io.crosswatch.core.run;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.state.StateStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Runs the enabled pairs of a config: health, snapshot, plan, guard, apply, summarize. Knows no
 * provider by name.
 */
public final class Orchestrator {
  private final Config config;
  private final ProviderRegistry providers;
  private final StateStore store;
  private final RunEvents events;
  private final RunListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public Orchestrator(
      Config config,
      ProviderRegistry providers,
      StateStore store,
      RunEvents events,
      RunListener listener,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.store = Objects.requireNonNull(store, "store");
    this.events = Objects.requireNonNull(events, "events");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Runs the request and returns its summary; never throws for provider failures. */
  public RunSummary run(RunRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Health of every provider instance used by an enabled pair, by {@code NAME:instance}. */
  public Map<String, HealthReport> health() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
