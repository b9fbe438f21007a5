package io.crosswatch.server.runs;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.events.JsonlRunEvents;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.events.RunLogPruner;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunIds;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunRequest;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.SummaryJson;
import io.crosswatch.core.run.Totals;
import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateException;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.ConfigSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and follows the service's runs: the same orchestrator as {@code cw run}, in this process,
 * one run at a time, holding the same state lock as command-line runs.
 *
 * <p>Use from page handlers: {@link #start} to run now (it answers the run id at once; the run goes
 * on in the background), {@link #runningRunId} for a running run (a CLI run included), {@link
 * #recentRuns}, {@link #summaryJson} for a finished run's summary and {@link #eventLog} with {@link
 * #isActive} to follow its events.
 */
public final class RunService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
  private static final int KEPT_DRY_RUNS = 50;
  private static final Comparator<RunRecord> NEWEST_FIRST =
      Comparator.comparing(RunRecord::startedAt).reversed();

  private final ConfigSource configs;
  private final Clock clock;
  private final SplittableRandom random;
  private final List<RunObserver> observers;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "crosswatch-run");
            t.setDaemon(false);
            return t;
          });
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<String, RunRecord> dryRuns = new LinkedHashMap<>();
  private final Map<String, String> dryRunSummaries = new LinkedHashMap<>();
  // dryRuns' records, newest first, for readers that must not wait for the lock (status polls)
  private volatile List<RunRecord> dryRunsNewestFirst = List.of();
  private final RunHistory history;
  private final LockFileWatch lockFile;
  private volatile String current;

  public RunService(
      ConfigSource configs, Clock clock, SplittableRandom random, List<RunObserver> observers) {
    this.configs = configs;
    this.clock = clock;
    this.random = random;
    this.observers = List.copyOf(observers);
    this.history = new RunHistory(configs.stateDir());
    this.lockFile = new LockFileWatch(configs.stateDir());
  }

  /**
   * Starts a run in the background and returns its id once it holds the state lock.
   *
   * @throws RunBusyException when a run (this service's or a command line's) holds the lock
   * @throws ApiProblem 400 for an unknown pair or feature, 409 when the config is invalid, 503 when
   *     the service is shutting down
   */
  public synchronized String start(RunStart start) {
    if (stopping.get()) {
      throw new ApiProblem(503, "crosswatch is shutting down; no new runs are started");
    }
    if (current != null) {
      throw new RunBusyException("run " + current + " is going on", current);
    }
    Config config = configs.load();
    Set<Feature> features = features(start.features());
    checkPairs(config, start.pairs());
    String runId;
    synchronized (random) {
      runId = RunIds.next(clock, random);
    }
    Path stateDir = configs.stateDir();
    StateLock lock;
    try {
      lock = StateLock.acquire(stateDir, runId);
    } catch (StateException e) {
      String holder = StateLock.runningRunId(stateDir).orElse(null);
      throw new RunBusyException(e.getMessage(), holder);
    }
    JsonlRunEvents log;
    try {
      log = JsonlRunEvents.open(stateDir, runId, clock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    current = runId;
    RunRequest request =
        new RunRequest(runId, Set.copyOf(start.pairs()), features, start.dryRun(), start.trigger());
    observers.forEach(o -> safely(() -> o.started(runId, start)));
    worker.execute(() -> execute(config, request, start, lock, log));
    return runId;
  }

  @SuppressWarnings("try") // the lock is held for the duration of the block
  private void execute(
      Config config, RunRequest request, RunStart start, StateLock lock, JsonlRunEvents log) {
    Instant began = clock.instant();
    RunSummary summary = null;
    try (lock;
        log;
        StateStore store = SqliteStateStore.open(configs.stateDir())) {
      RunLogPruner.onDisk().prune(log.file(), config.runtime().keepRunLogs());
      RunEvents events = tee(request.runId(), log);
      Orchestrator orchestrator;
      synchronized (random) {
        orchestrator =
            new Orchestrator(
                config,
                configs.registry(),
                store,
                configs.stateDir(),
                events,
                new RunListener() {},
                clock,
                Sleeper.SYSTEM,
                random.split());
      }
      summary = orchestrator.withStopSignal(stopping::get).run(request);
      if (summary.dryRun()) {
        keepDryRun(summary, start.trigger());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("run {} was interrupted", request.runId());
    } catch (RuntimeException | Error e) {
      LOG.error("run {} failed with an unexpected error: {}", request.runId(), e.toString(), e);
    } finally {
      if (summary == null) {
        summary = failed(request, began);
        recordFailure(request, summary);
      }
      current = null;
      RunSummary done = summary;
      observers.forEach(o -> safely(() -> o.finished(request.runId(), start, done)));
    }
  }

  private RunEvents tee(String runId, RunEvents log) {
    return (event, fields) -> {
      log.emit(event, fields);
      observers.forEach(o -> safely(() -> o.event(runId, event, fields)));
    };
  }

  private RunSummary failed(RunRequest request, Instant began) {
    Instant now = clock.instant();
    return new RunSummary(
        request.runId(),
        began,
        now,
        Math.max(0, Duration.between(began, now).toMillis()),
        request.dryRun(),
        1,
        List.of(),
        Totals.ZERO,
        Map.of());
  }

  /** A run that threw still gets a finished record, so it does not look like it is going on. */
  private void recordFailure(RunRequest request, RunSummary summary) {
    if (request.dryRun()) {
      keepDryRun(summary, request.trigger());
      return;
    }
    try (StateStore store = SqliteStateStore.open(configs.stateDir())) {
      store.runFinished(request.runId(), summary.finishedAt(), 1, SummaryJson.toJson(summary));
    } catch (RuntimeException e) {
      LOG.warn("cannot record the failure of run {}: {}", request.runId(), e.toString());
    }
  }

  private synchronized void keepDryRun(RunSummary s, String trigger) {
    dryRuns.put(
        s.runId(),
        new RunRecord(s.runId(), s.startedAt(), s.finishedAt(), true, s.exitCode(), trigger));
    dryRunSummaries.put(s.runId(), SummaryJson.toJson(s));
    while (dryRuns.size() > KEPT_DRY_RUNS) {
      String oldest = dryRuns.keySet().iterator().next();
      dryRuns.remove(oldest);
      dryRunSummaries.remove(oldest);
    }
    dryRunsNewestFirst = dryRuns.values().stream().sorted(NEWEST_FIRST).toList();
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a run observer failed: {}", e.toString());
    }
  }

  private static Set<Feature> features(List<String> names) {
    Set<Feature> set = new LinkedHashSet<>();
    for (String name : names) {
      set.add(
          Feature.fromKey(name)
              .orElseThrow(
                  () ->
                      ApiProblem.badRequest(
                          "unknown feature \"" + name + "\"; use watchlist, history or ratings")));
    }
    return set;
  }

  private static void checkPairs(Config config, List<String> ids) {
    Set<String> known =
        config.pairs().stream()
            .map(PairSettings::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest(
          "unknown pair "
              + unknown.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "))
              + "; known pairs: "
              + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
  }

  /**
   * The run holding the state lock now: this service's, else a command line's (its lock file is
   * read again when it changed, and while it names a run, to see that run's process is alive);
   * empty when idle.
   */
  public Optional<String> runningRunId() {
    String mine = current;
    return mine != null ? Optional.of(mine) : lockFile.runningRunId();
  }

  /** Whether {@code runId} is going on now (here or on the command line). */
  public boolean isActive(String runId) {
    return runningRunId().filter(runId::equals).isPresent();
  }

  /**
   * The most recent runs, newest first, as {@code {"run_id", "started_at", "finished_at",
   * "exit_code", "dry_run", "trigger"}} maps: the state database's runs (CLI runs included) and
   * this service's dry runs.
   */
  public List<Map<String, Object>> recentRuns(int limit) {
    return recentRunRecords(limit).stream().map(RunRecordJson::of).toList();
  }

  /** The runs of {@link #recentRuns} as records. */
  public List<RunRecord> recentRunRecords(int limit) {
    List<RunRecord> stored = history.recent(limit);
    List<RunRecord> dry = dryRunsNewestFirst;
    if (dry.isEmpty()) {
      return stored;
    }
    List<RunRecord> all = new ArrayList<>(stored);
    all.addAll(dry);
    return all.stream().sorted(NEWEST_FIRST).limit(limit).toList();
  }

  /** The newest run (a running one included), as {@link #recentRuns} would list it first. */
  public Optional<RunRecord> lastRun() {
    List<RunRecord> stored = history.recent(1);
    List<RunRecord> dry = dryRunsNewestFirst;
    if (dry.isEmpty()) {
      return stored.stream().findFirst();
    }
    if (stored.isEmpty()) {
      return Optional.of(dry.get(0));
    }
    // as the stable sort of recentRuns: the stored run first when both started at once
    return Optional.of(
        NEWEST_FIRST.compare(dry.get(0), stored.get(0)) < 0 ? dry.get(0) : stored.get(0));
  }

  /** The {@code limit} most recent runs of the state database (no dry run of the service). */
  public List<RunRecord> storedRuns(int limit) {
    return history.recent(limit);
  }

  /** The {@code --json} summary document of a finished run, if there is one. */
  public Optional<String> summaryJson(String runId) {
    synchronized (this) {
      String dry = dryRunSummaries.get(runId);
      if (dry != null) {
        return Optional.of(dry);
      }
    }
    return history.summary(runId);
  }

  /** The JSONL event log of a run ({@code <state_dir>/logs/<run_id>.jsonl}); it may not exist. */
  public Path eventLog(String runId) {
    if (!runId.matches("[A-Za-z0-9._-]+")) {
      return configs.stateDir().resolve("logs").resolve("invalid-run-id.jsonl");
    }
    return configs.stateDir().resolve("logs").resolve(runId + ".jsonl");
  }

  /**
   * Stops taking work: no new run starts, and a running run writes no further chunk (the one in
   * flight is finished and committed). Then waits up to {@code timeout} for it to end.
   *
   * @return whether no run is going on any more
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    stopping.set(true);
    worker.shutdown();
    return worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether {@link #shutdown} was called. */
  public boolean stopping() {
    return stopping.get();
  }

  @Override
  public void close() {
    stopping.set(true);
    worker.shutdownNow();
    history.close();
  }
}
