package io.crosswatch.core.config;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The {@code scheduling} block: when {@code cw serve} runs the enabled pairs by itself.
 *
 * @param timezone the zone slots are computed in; {@code null} means the system's
 * @param jitterSeconds each slot is delayed by a random 0..jitter seconds
 */
public record ScheduleSettings(
    boolean enabled,
    ScheduleMode mode,
    int everyNHours,
    LocalTime dailyTime,
    int customIntervalMinutes,
    ZoneId timezone,
    int jitterSeconds,
    WebhookSettings webhooks) {
  /** No schedule. */
  public static final ScheduleSettings DEFAULTS =
      new ScheduleSettings(
          false,
          ScheduleMode.DISABLED,
          2,
          LocalTime.of(3, 30),
          60,
          null,
          0,
          WebhookSettings.DEFAULTS);

  /** Whether scheduled runs happen at all: enabled and a mode other than {@code disabled}. */
  public boolean active() {
    return enabled && mode != ScheduleMode.DISABLED;
  }
}
