package io.crosswatch.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.ScheduleMode;
import io.crosswatch.core.config.ScheduleSettings;
import io.crosswatch.core.config.WebhookSettings;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  private static ScheduleSettings schedule(ScheduleMode mode, ZoneId zone) {
    return new ScheduleSettings(
        true, mode, 6, LocalTime.of(3, 30), 45, zone, 0, WebhookSettings.DEFAULTS);
  }

  private static Instant next(ScheduleSettings s, String after) {
    return Slots.next(s, Instant.parse(after), UTC).orElseThrow();
  }

  @Test
  void disabledOrModeDisabledHasNoSlot() {
    ScheduleSettings off =
        new ScheduleSettings(
            false, ScheduleMode.HOURLY, 6, LocalTime.NOON, 45, null, 0, WebhookSettings.DEFAULTS);
    assertThat(Slots.next(off, Instant.EPOCH, UTC)).isEmpty();
    assertThat(Slots.next(schedule(ScheduleMode.DISABLED, null), Instant.EPOCH, UTC)).isEmpty();
  }

  @Test
  void hourlyIsTheNextFullHourOfTheZone() {
    assertThat(next(schedule(ScheduleMode.HOURLY, null), "2026-03-01T10:15:00Z"))
        .isEqualTo("2026-03-01T11:00:00Z");
    assertThat(next(schedule(ScheduleMode.HOURLY, null), "2026-03-01T11:00:00Z"))
        .as("strictly after")
        .isEqualTo("2026-03-01T12:00:00Z");
    // Kolkata is UTC+05:30: its full hours are at half past in UTC.
    assertThat(next(schedule(ScheduleMode.HOURLY, KOLKATA), "2026-03-01T10:15:00Z"))
        .isEqualTo("2026-03-01T10:30:00Z");
  }

  @Test
  void everyNHoursCountsFromLocalMidnight() {
    ScheduleSettings s = schedule(ScheduleMode.EVERY_N_HOURS, AMSTERDAM); // every 6 h, UTC+1
    assertThat(next(s, "2026-03-01T10:15:00Z")).isEqualTo("2026-03-01T11:00:00Z"); // 12:00 local
    assertThat(next(s, "2026-03-01T17:00:00Z")).isEqualTo("2026-03-01T23:00:00Z"); // 00:00 local
    assertThat(next(schedule(ScheduleMode.EVERY_N_HOURS, null), "2026-03-01T19:00:00Z"))
        .isEqualTo("2026-03-02T00:00:00Z");
  }

  @Test
  void dailyTimeIsTheWallClockTimeOfTheZoneAcrossDaylightSaving() {
    ScheduleSettings s = schedule(ScheduleMode.DAILY_TIME, AMSTERDAM); // 03:30 local
    assertThat(next(s, "2026-03-01T10:00:00Z")).isEqualTo("2026-03-02T02:30:00Z"); // winter, UTC+1
    assertThat(next(s, "2026-07-01T00:00:00Z")).isEqualTo("2026-07-01T01:30:00Z"); // summer, UTC+2
    assertThat(next(s, "2026-03-01T02:29:59Z")).isEqualTo("2026-03-01T02:30:00Z");
    // 2026-03-29 02:00-03:00 does not exist in Amsterdam; 03:30 does (UTC+2 by then).
    assertThat(next(s, "2026-03-28T12:00:00Z")).isEqualTo("2026-03-29T01:30:00Z");
    assertThat(next(schedule(ScheduleMode.DAILY_TIME, null), "2026-03-01T10:00:00Z"))
        .isEqualTo("2026-03-02T03:30:00Z");
  }

  @Test
  void customIntervalCountsMinutesFromLocalMidnight() {
    ScheduleSettings s = schedule(ScheduleMode.CUSTOM_INTERVAL, null); // every 45 min
    assertThat(next(s, "2026-03-01T00:50:00Z")).isEqualTo("2026-03-01T01:30:00Z");
    // 23:15 is the last slot of a day (31 * 45 min); the next one is midnight.
    assertThat(next(s, "2026-03-01T23:15:00Z")).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(next(schedule(ScheduleMode.CUSTOM_INTERVAL, KOLKATA), "2026-03-01T00:50:00Z"))
        .as("local midnight is 18:30 UTC; 06:20 local is followed by 06:45 local")
        .isEqualTo("2026-03-01T01:15:00Z");
  }

  @Test
  void aCustomIntervalLongerThanADayCountsFromTheEpoch() {
    ScheduleSettings s =
        new ScheduleSettings(
            true,
            ScheduleMode.CUSTOM_INTERVAL,
            1,
            LocalTime.NOON,
            2 * 24 * 60,
            AMSTERDAM,
            0,
            WebhookSettings.DEFAULTS);
    Instant slot = next(s, "2026-03-01T10:00:00Z");
    assertThat(slot.getEpochSecond() % (2 * 86_400)).isZero();
    assertThat(slot).isAfter("2026-03-01T10:00:00Z").isBeforeOrEqualTo("2026-03-03T10:00:00Z");
  }
}
