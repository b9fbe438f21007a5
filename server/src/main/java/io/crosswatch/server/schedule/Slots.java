package io.crosswatch.server.schedule;

import io.crosswatch.core.config.ScheduleSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When scheduled runs are due: a pure function of the settings, a time and a zone (no clock).
 *
 * <ul>
 *   <li>{@code hourly}: the start of every hour;
 *   <li>{@code every_n_hours}: local midnight and every n hours after it, starting again each day;
 *   <li>{@code daily_time}: once a day at {@code HH:MM} local time (a time skipped by a daylight
 *       saving change runs at the first moment after it);
 *   <li>{@code custom_interval}: local midnight and every n minutes after it, starting again each
 *       day; an interval longer than a day counts from 1970-01-01T00:00Z instead.
 * </ul>
 */
public final class Slots {
  private static final int MINUTES_PER_DAY = 24 * 60;

  private Slots() {}

  /**
   * The first slot strictly after {@code after}; empty when the schedule is off.
   *
   * @param systemZone the zone used when the settings name none
   */
  public static Optional<Instant> next(ScheduleSettings s, Instant after, ZoneId systemZone) {
    if (!s.active()) {
      return Optional.empty();
    }
    ZoneId zone = s.timezone() != null ? s.timezone() : systemZone;
    LocalDate today = after.atZone(zone).toLocalDate();
    return Optional.of(
        switch (s.mode()) {
          case HOURLY -> after.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
          case EVERY_N_HOURS -> daily(today, zone, after, s.everyNHours() * 60);
          case DAILY_TIME -> dailyAt(today, zone, after, s.dailyTime());
          case CUSTOM_INTERVAL ->
              s.customIntervalMinutes() > MINUTES_PER_DAY
                  ? fromEpoch(after, s.customIntervalMinutes())
                  : daily(today, zone, after, s.customIntervalMinutes());
          case DISABLED -> throw new IllegalStateException("an active schedule is not disabled");
        });
  }

  /** Local midnight and every {@code stepMinutes} after it, restarting at each midnight. */
  private static Instant daily(LocalDate today, ZoneId zone, Instant after, int stepMinutes) {
    for (LocalDate day = today.minusDays(1); ; day = day.plusDays(1)) {
      ZonedDateTime midnight = day.atStartOfDay(zone);
      ZonedDateTime nextMidnight = day.plusDays(1).atStartOfDay(zone);
      for (ZonedDateTime t = midnight;
          t.isBefore(nextMidnight);
          t =
              midnight.plusMinutes(
                  stepMinutes * (long) (minutesFrom(midnight, t) / stepMinutes + 1))) {
        if (t.toInstant().isAfter(after)) {
          return t.toInstant();
        }
      }
    }
  }

  private static long minutesFrom(ZonedDateTime start, ZonedDateTime t) {
    return Duration.between(start, t).toMinutes();
  }

  private static Instant dailyAt(LocalDate today, ZoneId zone, Instant after, LocalTime time) {
    for (LocalDate day = today.minusDays(1); ; day = day.plusDays(1)) {
      Instant t = ZonedDateTime.of(day, time, zone).toInstant();
      if (t.isAfter(after)) {
        return t;
      }
    }
  }

  private static Instant fromEpoch(Instant after, int minutes) {
    long step = minutes * 60L;
    long k = Math.floorDiv(after.getEpochSecond(), step) + 1;
    return Instant.ofEpochSecond(k * step);
  }
}
