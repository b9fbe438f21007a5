package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.events.JsonlRunEvents;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.events.RunLogPruner;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.PresetChanges;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunRequest;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.SummaryJson;
import io.crosswatch.core.run.Totals;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateException;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The work of {@code cw run} and {@code cw plan}: config, state dir, lock, store, event log,
 * orchestrator, output.
 */
final class RunFlow {
  private final CliContext ctx;
  private final Hooks hooks;

  /**
   * What a command adds to a run: checks of the loaded config, fixed changes instead of planning,
   * another listener, work after the run. Every method has a do-nothing default.
   */
  interface Hooks {
    Hooks NONE = new Hooks() {};

    /** Checks the loaded config (from {@code file}) before anything is written; may throw. */
    default void configLoaded(Config config, Path file) {}

    /**
     * The fixed changes to apply instead of planning, or {@code null} to plan; called with the
     * state lock held, before the run's event log is opened (a failure here writes nothing).
     */
    default PresetChanges preset(Config config, StateStore store) {
      return null;
    }

    /** The listener of the run, given the console reporter. */
    default RunListener listener(RunListener reporter) {
      return reporter;
    }

    /** Called with the summary of a run that finished. */
    default void finished(RunSummary summary) {}
  }

  RunFlow(CliContext ctx) {
    this(ctx, Hooks.NONE);
  }

  RunFlow(CliContext ctx, Hooks hooks) {
    this.ctx = ctx;
    this.hooks = hooks;
  }

  /**
   * Runs and returns the exit code. Config and usage problems end with exit 2 and nothing on
   * stdout; any other failure ends with exit 1 and, with {@code --json}, a minimal summary.
   */
  int run(RunOptions options, boolean dryRun, boolean listPlanned) {
    Instant started = ctx.clock().instant();
    String runId = RunIds.next(ctx.clock(), ctx.random());
    PrintStream human = options.json ? ctx.err() : ctx.out();
    try {
      Path configFile = Configs.configPath(ctx, options.config);
      Config config = Configs.load(ctx, configFile).config();
      checkPairIds(config, options.pairs);
      hooks.configLoaded(config, configFile);
      Path stateDir =
          Configs.createStateDir(Configs.stateDir(ctx, options.stateDir, config.runtime()));
      RunRequest request =
          new RunRequest(runId, Set.copyOf(options.pairs), Set.copyOf(options.features), dryRun);
      RunSummary summary = execute(config, stateDir, request, human, listPlanned);
      hooks.finished(summary);
      if (options.json) {
        ctx.out().println(SummaryJson.toJson(summary));
      }
      return summary.exitCode();
    } catch (CommandFailure e) {
      if (e.exitCode() == ExitCodes.USAGE) {
        throw e;
      }
      return failed(e, options.json, runId, started, dryRun);
    } catch (RuntimeException e) {
      return failed(e, options.json, runId, started, dryRun);
    }
  }

  private int failed(
      RuntimeException e, boolean json, String runId, Instant started, boolean dryRun) {
    reportFailure(e);
    if (json) {
      ctx.out().println(SummaryJson.toJson(failedSummary(runId, started, dryRun)));
    }
    return ExitCodes.FAILED;
  }

  @SuppressWarnings("try") // the lock is held for the duration of the block
  private RunSummary execute(
      Config config, Path stateDir, RunRequest request, PrintStream human, boolean listPlanned) {
    try (StateLock lock = StateLock.acquire(stateDir, request.runId());
        StateStore store = SqliteStateStore.open(stateDir)) {
      PresetChanges preset = hooks.preset(config, store);
      return execute(config, stateDir, request, human, listPlanned, store, preset);
    }
  }

  private RunSummary execute(
      Config config,
      Path stateDir,
      RunRequest request,
      PrintStream human,
      boolean listPlanned,
      StateStore store,
      PresetChanges preset) {
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, request.runId(), ctx.clock())) {
      // Every run writes a log, `cw plan` included, so every run keeps the folder bounded.
      RunLogPruner.onDisk().prune(events.file(), config.runtime().keepRunLogs());
      // runtime.debug_mods lists every planned change, as `cw plan` does.
      boolean list = listPlanned || config.runtime().debugMods();
      ConsoleReporter reporter = new ConsoleReporter(human, ctx.interactive(), list);
      reporter.runStarted(request.runId(), request.dryRun());
      RunSummary summary;
      try {
        Orchestrator orchestrator =
            orchestrator(ctx, config, stateDir, store, events, hooks.listener(reporter));
        if (preset != null) {
          orchestrator.withPreset(preset);
        }
        summary = orchestrator.run(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the run was interrupted", e);
      }
      reporter.runFinished(summary);
      return summary;
    }
  }

  /**
   * The orchestrator every command uses: the config pointed at {@code stateDir}, the context's
   * providers, clock and a random generator seeded from the context's.
   */
  static Orchestrator orchestrator(
      CliContext ctx,
      Config config,
      Path stateDir,
      StateStore store,
      RunEvents events,
      RunListener listener) {
    return new Orchestrator(
        Configs.withStateDir(config, stateDir),
        ctx.registry(),
        store,
        stateDir,
        events,
        listener,
        ctx.clock(),
        Sleeper.SYSTEM,
        new SplittableRandom(ctx.random().nextLong()));
  }

  /** Unknown {@code --pair} ids are a usage error naming the pairs the config has. */
  static void checkPairIds(Config config, List<String> requested) {
    Set<String> known =
        config.pairs().stream()
            .map(PairSettings::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> unknown = requested.stream().filter(id -> !known.contains(id)).distinct().toList();
    if (!unknown.isEmpty()) {
      throw CommandFailure.usage(
          "unknown pair "
              + unknown.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "))
              + " (--pair); known pairs: "
              + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
  }

  private void reportFailure(RuntimeException e) {
    boolean expected =
        e instanceof CommandFailure
            || e instanceof StateException
            || e instanceof UncheckedIOException;
    ctx.err().println((expected ? "" : "error: ") + Errors.oneLine(e));
    if (ctx.debug()) {
      e.printStackTrace(ctx.err());
    }
  }

  /** The smallest summary document for a run that failed before it could produce one. */
  private RunSummary failedSummary(String runId, Instant started, boolean dryRun) {
    Instant now = ctx.clock().instant();
    return new RunSummary(
        runId,
        started,
        now,
        Math.max(0, Duration.between(started, now).toMillis()),
        dryRun,
        ExitCodes.FAILED,
        List.of(),
        Totals.ZERO,
        Map.of());
  }
}
