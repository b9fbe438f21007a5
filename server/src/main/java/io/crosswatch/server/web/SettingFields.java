package io.crosswatch.server.web;

import java.util.List;

/** The inputs of the runtime, sync and scheduling sections, with the defaults shown as hints. */
final class SettingFields {
  private SettingFields() {}

  /** One setting: its path, label, how it is entered and the value used when it is left out. */
  record Setting(
      String path,
      String label,
      FormField.Kind kind,
      String fallback,
      boolean numeric,
      List<String> options) {
    static Setting number(String path, String label, String fallback) {
      return new Setting(path, label, FormField.Kind.TEXT, fallback, true, List.of());
    }

    static Setting text(String path, String label, String fallback) {
      return new Setting(path, label, FormField.Kind.TEXT, fallback, false, List.of());
    }

    static Setting check(String path, String label) {
      return new Setting(path, label, FormField.Kind.CHECK, "false", false, List.of());
    }

    static Setting choice(String path, String label, String fallback, List<String> options) {
      return new Setting(path, label, FormField.Kind.SELECT, fallback, false, options);
    }
  }

  /** A section: its block path, title, a one-line hint and its settings. */
  record Section(String path, String title, String hint, List<Setting> settings) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section(
              "runtime",
              "Runtime",
              "How runs read and write. Empty fields use the default shown.",
              List.of(
                  Setting.number("runtime.apply_chunk_size", "Chunk size", "100"),
                  Setting.number("runtime.apply_chunk_pause_ms", "Pause between chunks (ms)", "50"),
                  Setting.number("runtime.snapshot_ttl_sec", "Snapshot cache (s)", "300"),
                  Setting.number("runtime.suspect_min_prev", "Suspect snapshot: min. items", "20"),
                  Setting.number(
                      "runtime.suspect_shrink_ratio", "Suspect snapshot: shrink ratio", "0.10"),
                  Setting.text("runtime.state_dir", "State dir", ""),
                  Setting.check("runtime.debug", "Debug"),
                  Setting.check("runtime.debug_http", "Log HTTP calls"),
                  Setting.check("runtime.debug_mods", "Log planning decisions"))),
          new Section(
              "sync",
              "Sync",
              "Removal rules and guards.",
              List.of(
                  Setting.choice(
                      "sync.one_way_remove_mode",
                      "One-way removals",
                      "source_deletes",
                      List.of("source_deletes", "mirror")),
                  Setting.number("sync.tombstone_ttl_days", "Tombstones kept (days)", "30"),
                  Setting.number("sync.max_remove_ratio", "Max. share removed per run", "0.5"),
                  Setting.number(
                      "sync.history_match_window_sec", "History match window (s)", "60"))),
          new Section(
              "scheduling",
              "Schedule",
              "When the service runs every enabled pair on its own.",
              List.of(
                  Setting.check("scheduling.enabled", "Run on a schedule"),
                  Setting.choice(
                      "scheduling.mode",
                      "Mode",
                      "disabled",
                      List.of(
                          "disabled", "hourly", "every_n_hours", "daily_time", "custom_interval")),
                  Setting.number("scheduling.every_n_hours", "Every N hours", "2"),
                  Setting.text("scheduling.daily_time", "Daily at (HH:MM)", "03:30"),
                  Setting.number(
                      "scheduling.custom_interval_minutes", "Custom interval (minutes)", "60"),
                  Setting.text("scheduling.timezone", "Time zone (IANA)", "system"),
                  Setting.number("scheduling.jitter_seconds", "Jitter (s)", "0"))),
          new Section(
              "scheduling.webhooks",
              "Notifications",
              "URLs called with a POST when a scheduled or manual run starts, succeeds or fails.",
              List.of(
                  Setting.check("scheduling.webhooks.enabled", "Send notifications"),
                  Setting.text("scheduling.webhooks.start_url", "Start URL", ""),
                  Setting.text("scheduling.webhooks.success_url", "Success URL", ""),
                  Setting.text("scheduling.webhooks.failure_url", "Failure URL", ""),
                  Setting.number("scheduling.webhooks.timeout_seconds", "Timeout (s)", "10"))),
          new Section(
              "scrobble",
              "Live scrobbling",
              "cw serve sends plays to the sinks as they happen. Sources and sinks are below;"
                  + " print the webhook URLs with cw web webhooks.",
              List.of(Setting.check("scrobble.enabled", "Scrobble"))));
}
