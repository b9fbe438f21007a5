package io.crosswatch.core.run;

import io.crosswatch.core.apply.Applier;
import io.crosswatch.core.apply.RetryPolicy;
import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.InstanceRef;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Runs the enabled pairs of a config: health, snapshot, plan, guard, apply, summarize. Knows no
 * provider by name.
 *
 * <p>Exit codes: 0 when every planned change was applied, 3 when the run finished but items were
 * unresolved or blocked, 1 when a pair or feature failed. Pairs that are disabled, or whose
 * provider this build lacks, are listed as {@code skipped} and do not change the exit code.
 */
public final class Orchestrator {
  /**
   * Features in apply order: history first, because some trackers drop watched titles from the
   * watchlist when a play is added; progress last, so that it sees the plays this run wrote (a
   * title finished since is not given a resume point).
   */
  static final List<Feature> FEATURE_ORDER =
      List.of(
          Feature.HISTORY, Feature.WATCHLIST, Feature.RATINGS, Feature.PLAYLISTS, Feature.PROGRESS);

  private final Config config;
  private final ProviderRegistry providers;
  private final StateStore store;
  private final Path stateDir;
  private final RunEvents events;
  private final RunListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private BooleanSupplier stopRequested = () -> false;
  private PresetChanges preset;

  public Orchestrator(
      Config config,
      ProviderRegistry providers,
      StateStore store,
      Path stateDir,
      RunEvents events,
      RunListener listener,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.store = Objects.requireNonNull(store, "store");
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.events = Objects.requireNonNull(events, "events");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Replaces the retry policy (tests use short delays). */
  public Orchestrator withRetryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Lets a long-running host stop a run early: once {@code stopRequested} answers true, no further
   * chunk is written and no further pair is started; what was applied is committed as usual.
   */
  public Orchestrator withStopSignal(BooleanSupplier stopRequested) {
    this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
    return this;
  }

  /**
   * Makes runs apply these fixed changes instead of planning (only the pairs and features they
   * cover run).
   */
  public Orchestrator withPreset(PresetChanges changes) {
    this.preset = Objects.requireNonNull(changes, "changes");
    return this;
  }

  /** Runs the request and returns its summary; provider failures end up in the summary. */
  public RunSummary run(RunRequest request) throws InterruptedException {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    events.emit(
        "run:start",
        fields(
            "run_id",
            request.runId(),
            "dry_run",
            request.dryRun(),
            "config",
            config.file().toString()));
    if (!request.dryRun()) {
      store.runStarted(request.runId(), started, false, request.trigger());
      store.pruneTombstones(started.minus(Duration.ofDays(config.sync().tombstoneTtlDays())));
    }
    List<PairSummary> pairs = new ArrayList<>();
    Map<String, ApiUsage> api;
    try (ProviderSession session =
        new ProviderSession(
            config,
            providers,
            stateDir,
            clock,
            sleeper,
            new SplittableRandom(random.nextLong()),
            diagnostics(),
            events)) {
      RunContext context =
          new RunContext(
              request.runId(),
              request.dryRun(),
              config,
              store,
              session,
              new Applier(sleeper, random, retryPolicy, stopRequested),
              events,
              listener,
              clock,
              preset);
      List<PairSettings> chosen = new ArrayList<>();
      for (PairSettings pair : config.pairs()) {
        boolean requested = request.pairIds().isEmpty() || request.pairIds().contains(pair.id());
        if (requested && (preset == null || coversAny(pair))) {
          chosen.add(pair);
        }
      }
      session.connectAll(instancesUsedBy(chosen));
      for (PairSettings pair : chosen) {
        if (stopRequested.getAsBoolean()) {
          break; // shutting down: pairs not started are left to the next run
        }
        pairs.add(new PairRun(context, pair, selected(request)).run());
      }
      if (!request.dryRun()) {
        session.settleAll(listener);
      }
      api = session.apiUsage();
    }
    Instant finished = clock.instant();
    RunSummary summary =
        new RunSummary(
            request.runId(),
            started,
            finished,
            (System.nanoTime() - startNanos) / 1_000_000,
            request.dryRun(),
            exitCode(pairs),
            pairs,
            totals(pairs),
            api);
    events.emit(
        "run:done",
        fields(
            "run_id",
            request.runId(),
            "exit_code",
            summary.exitCode(),
            "added",
            summary.totals().added(),
            "removed",
            summary.totals().removed(),
            "updated",
            summary.totals().updated(),
            "unresolved",
            summary.totals().unresolved(),
            "blocked",
            summary.totals().blocked(),
            "duration_ms",
            summary.durationMs()));
    if (!request.dryRun()) {
      store.runFinished(request.runId(), finished, summary.exitCode(), SummaryJson.toJson(summary));
    }
    return summary;
  }

  /** The provider instances (name, instance) that enabled pairs use, this build's only. */
  private List<InstanceRef> instancesUsedBy(List<PairSettings> pairs) {
    List<InstanceRef> used = new ArrayList<>();
    for (PairSettings pair : pairs) {
      if (!pair.enabled()) {
        continue;
      }
      for (InstanceRef side : pair.sides()) {
        if (providers.factory(side.provider()).isPresent()) {
          used.add(side);
        }
      }
    }
    return used;
  }

  /** Whether the preset holds changes for any feature of the pair. */
  private boolean coversAny(PairSettings pair) {
    for (Feature f : FEATURE_ORDER) {
      if (preset.covers(pair.id(), f)) {
        return true;
      }
    }
    return false;
  }

  private static List<Feature> selected(RunRequest request) {
    List<Feature> features = new ArrayList<>();
    for (Feature f : FEATURE_ORDER) {
      if (request.features().isEmpty() || request.features().contains(f)) {
        features.add(f);
      }
    }
    return features;
  }

  /** Health of every provider instance used by an enabled pair, by {@code NAME:instance}. */
  public Map<String, HealthReport> health() throws InterruptedException {
    Map<String, HealthReport> result = new LinkedHashMap<>();
    try (ProviderSession session =
        new ProviderSession(
            config,
            providers,
            stateDir,
            clock,
            sleeper,
            new SplittableRandom(random.nextLong()),
            diagnostics(),
            events)) {
      session.connectAll(instancesUsedBy(config.pairs()));
      for (PairSettings pair : config.pairs()) {
        if (!pair.enabled()) {
          continue;
        }
        for (InstanceRef side : pair.sides()) {
          ProviderSession.Connection c = session.connect(side.provider(), side.instance());
          result.put(
              c.label(),
              c.health() != null ? c.health() : HealthReport.down(c.failure(), Duration.ZERO));
        }
      }
    }
    return result;
  }

  private DiagnosticLog diagnostics() {
    boolean debug = config.runtime().debug() || config.runtime().debugHttp();
    return new DiagnosticLog() {
      @Override
      public void debug(String message) {
        if (debug) {
          listener.debug(KnownSecrets.mask(message));
        }
      }

      @Override
      public void warn(String message) {
        listener.warning(KnownSecrets.mask(message));
      }
    };
  }

  static int exitCode(List<PairSummary> pairs) {
    boolean incomplete = false;
    for (PairSummary p : pairs) {
      if (p.status() == Status.FAILED) {
        return 1;
      }
      for (FeatureSummary f : p.features()) {
        if (f.status() == Status.FAILED) {
          return 1;
        }
        incomplete |= f.unresolved() > 0 || f.blocked() > 0;
      }
    }
    return incomplete ? 3 : 0;
  }

  private static Totals totals(List<PairSummary> pairs) {
    int added = 0;
    int removed = 0;
    int updated = 0;
    int unresolved = 0;
    int blocked = 0;
    for (PairSummary p : pairs) {
      for (FeatureSummary f : p.features()) {
        OpCounts s = f.applied().source();
        OpCounts t = f.applied().target();
        added += s.add() + t.add();
        removed += s.remove() + t.remove();
        updated += s.update() + t.update();
        unresolved += f.unresolved();
        blocked += f.blocked();
      }
    }
    return new Totals(added, removed, updated, unresolved, blocked);
  }

  /** An event field map from alternating keys and values, in order. */
  private static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
