package io.crosswatch.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.ScheduleMode;
import io.crosswatch.core.config.ScheduleSettings;
import io.crosswatch.core.config.WebhookSettings;
import io.crosswatch.server.runs.RunBusyException;
import io.crosswatch.server.runs.RunStart;
import io.crosswatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:15:00Z"));
  private final List<RunStart> started = new ArrayList<>();
  private final AtomicReference<String> busyWith = new AtomicReference<>();
  private final AtomicReference<ScheduleSettings> settings = new AtomicReference<>(hourly(0));

  private static ScheduleSettings hourly(int jitter) {
    return new ScheduleSettings(
        true, ScheduleMode.HOURLY, 1, LocalTime.NOON, 60, null, jitter, WebhookSettings.DEFAULTS);
  }

  private final Scheduler scheduler =
      new Scheduler(
          settings::get,
          clock,
          ZoneOffset.UTC,
          new SplittableRandom(7),
          start -> {
            if (busyWith.get() != null) {
              throw new RunBusyException("lock held", busyWith.get());
            }
            started.add(start);
            return "run-" + started.size();
          });

  @Test
  void aRunStartsWhenItsSlotComesAndNotBefore() {
    scheduler.tick();
    assertThat(scheduler.nextRunAt()).contains(Instant.parse("2026-03-01T11:00:00Z"));

    clock.set(Instant.parse("2026-03-01T10:59:59Z"));
    scheduler.tick();
    assertThat(started).isEmpty();

    clock.set(Instant.parse("2026-03-01T11:00:00Z"));
    scheduler.tick();
    assertThat(started).containsExactly(new RunStart(List.of(), List.of(), false, "schedule"));
    assertThat(scheduler.nextRunAt()).contains(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void aSlotThatComesDuringARunIsSkippedAndTheNextOneStillRuns() {
    scheduler.tick();
    busyWith.set("cli-run");
    clock.set(Instant.parse("2026-03-01T11:00:01Z"));
    scheduler.tick();

    assertThat(started).isEmpty();
    assertThat(scheduler.skippedSlots()).isEqualTo(1);
    assertThat(scheduler.nextRunAt()).contains(Instant.parse("2026-03-01T12:00:00Z"));

    busyWith.set(null);
    clock.set(Instant.parse("2026-03-01T11:30:00Z"));
    scheduler.tick();
    assertThat(started).as("the skipped slot is not replayed").isEmpty();
    clock.set(Instant.parse("2026-03-01T12:00:00Z"));
    scheduler.tick();
    assertThat(started).hasSize(1);
  }

  @Test
  void slotsMissedWhileAsleepAreNotReplayed() {
    scheduler.tick();
    clock.advance(Duration.ofHours(5));
    scheduler.tick();
    scheduler.tick();

    assertThat(started).as("one run for the whole gap").hasSize(1);
    assertThat(scheduler.nextRunAt()).contains(Instant.parse("2026-03-01T16:00:00Z"));
  }

  @Test
  void jitterDelaysTheSlotByAtMostJitterSeconds() {
    settings.set(hourly(120));
    scheduler.tick();

    Instant due = scheduler.nextRunAt().orElseThrow();
    assertThat(due)
        .isBetween(Instant.parse("2026-03-01T11:00:00Z"), Instant.parse("2026-03-01T11:02:00Z"));
    clock.set(due.minusSeconds(1));
    scheduler.tick();
    assertThat(started).isEmpty();
    clock.set(due);
    scheduler.tick();
    assertThat(started).hasSize(1);
  }

  @Test
  void anEditedScheduleAppliesAtOnce() {
    scheduler.tick();
    settings.set(ScheduleSettings.DEFAULTS);

    assertThat(scheduler.nextRunAt()).isEmpty();
    assertThat(scheduler.status())
        .containsEntry("enabled", false)
        .containsEntry("mode", "disabled")
        .containsEntry("next_run_at", null);
  }
}
