package io.crosswatch.server.schedule;

import io.crosswatch.core.config.ScheduleSettings;
import io.crosswatch.server.runs.RunBusyException;
import io.crosswatch.server.runs.RunStart;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs when their slot comes. {@link #tick()} does the work against the injected clock
 * (tests call it directly); {@link #start()} calls it every second on a background thread.
 *
 * <p>A slot that comes while a run holds the state lock is skipped and logged. Slots missed while
 * the service was down are not replayed: after a start, the first slot is the next one to come.
 * Each slot is delayed by a random 0..{@code jitter_seconds}.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final Supplier<ScheduleSettings> settings;
  private final Clock clock;
  private final ZoneId systemZone;
  private final RandomGenerator random;
  private final RunLauncher launcher;
  private final AtomicLong skipped = new AtomicLong();
  private ScheduledExecutorService ticker;
  private ScheduleSettings current;
  private Instant due;
  // current and due as last planned, for readers that must not wait for a tick (page requests)
  private volatile Planned planned;

  /**
   * @param settings the schedule as configured now (read on every tick, so edits apply at once)
   */
  public Scheduler(
      Supplier<ScheduleSettings> settings,
      Clock clock,
      ZoneId systemZone,
      RandomGenerator random,
      RunLauncher launcher) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.systemZone = Objects.requireNonNull(systemZone, "systemZone");
    this.random = Objects.requireNonNull(random, "random");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  /** Checks the clock: starts the run of a slot that has come, and plans the next slot. */
  public synchronized void tick() {
    Instant now = clock.instant();
    ScheduleSettings s = settings.get();
    if (!s.equals(current)) {
      current = s;
      due = plan(now);
      planned = new Planned(current, due);
    }
    if (due == null || now.isBefore(due)) {
      return;
    }
    Instant slot = due;
    due = plan(now);
    planned = new Planned(current, due);
    try {
      String runId = launcher.start(new RunStart(List.of(), List.of(), false, "schedule"));
      LOG.info("scheduled run {} started (slot {})", runId, slot);
    } catch (RunBusyException e) {
      skipped.incrementAndGet();
      LOG.warn(
          "scheduled run of {} skipped: run {} holds the state lock; next slot {}",
          slot,
          Objects.requireNonNullElse(e.runningRunId(), "(unnamed)"),
          due);
    } catch (RuntimeException e) {
      LOG.warn("scheduled run of {} could not start: {}; next slot {}", slot, e.getMessage(), due);
    }
  }

  private Instant plan(Instant now) {
    Optional<Instant> slot = Slots.next(current, now, systemZone);
    if (slot.isEmpty()) {
      return null;
    }
    int jitter = current.jitterSeconds();
    return jitter == 0 ? slot.get() : slot.get().plusSeconds(random.nextInt(jitter + 1));
  }

  /** When the next scheduled run starts; empty when no schedule is active. */
  public Optional<Instant> nextRunAt() {
    ScheduleSettings s = settings.get();
    Planned p = planned;
    if (p != null && s.equals(p.settings())) {
      return Optional.ofNullable(p.due()); // without waiting for a tick that is starting a run
    }
    synchronized (this) {
      if (!s.equals(current)) {
        current = s;
        due = plan(clock.instant());
        planned = new Planned(current, due);
      }
      return Optional.ofNullable(due);
    }
  }

  /** The settings a slot was planned with, and that slot (null when none). */
  private record Planned(ScheduleSettings settings, Instant due) {}

  /** {@code {"enabled", "mode", "next_run_at"}} as {@code GET /api/schedule} answers. */
  public Map<String, Object> status() {
    Optional<Instant> next = nextRunAt();
    ScheduleSettings s;
    synchronized (this) {
      s = current;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", s.active());
    m.put("mode", s.mode().key());
    m.put("next_run_at", next.map(Instant::toString).orElse(null));
    return m;
  }

  /** Slots skipped because a run held the state lock, since the service started. */
  public long skippedSlots() {
    return skipped.get();
  }

  /** Ticks every second on a background thread until closed. */
  public synchronized void start() {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "crosswatch-scheduler");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleWithFixedDelay(this::safeTick, 0, 1, TimeUnit.SECONDS);
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("the scheduler failed a check: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
