package io.crosswatch.core.config;

/** When scheduled runs come, as {@code scheduling.mode} spells it. */
public enum ScheduleMode {
  /** No scheduled runs. */
  DISABLED("disabled"),
  /** At the start of every hour. */
  HOURLY("hourly"),
  /** Every {@code every_n_hours} hours, counted from midnight in the schedule's time zone. */
  EVERY_N_HOURS("every_n_hours"),
  /** Once a day at {@code daily_time}. */
  DAILY_TIME("daily_time"),
  /** Every {@code custom_interval_minutes} minutes, counted from midnight. */
  CUSTOM_INTERVAL("custom_interval");

  private final String key;

  ScheduleMode(String key) {
    this.key = key;
  }

  /** The config spelling. */
  public String key() {
    return key;
  }
}
