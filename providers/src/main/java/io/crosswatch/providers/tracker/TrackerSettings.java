package io.crosswatch.providers.tracker;

import io.crosswatch.core.provider.ConfigIssue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one {@code TRACKER} instance, parsed once.
 *
 * @param path the database file as configured, or {@code null} for the state dir's default
 */
record TrackerSettings(String path) {
  private static final Set<String> KNOWN_KEYS = Set.of("path", "instances");

  /** The problems of a settings object: {@code path}, when given, is a string. */
  static List<ConfigIssue> validate(JsonNode settings, String at) {
    if (settings == null || !settings.isObject()) {
      return List.of(
          ConfigIssue.error(at, "must be an object, e.g. {} or {\"path\": \"tracker.db\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file != null && !file.isNull() && !file.isString()) {
      issues.add(ConfigIssue.error(at + ".path", "must be a string (the database file)"));
    }
    for (String key : settings.propertyNames()) {
      if (!KNOWN_KEYS.contains(key)) {
        issues.add(ConfigIssue.warning(at + "." + key, "unknown key, ignored"));
      }
    }
    return issues;
  }

  /** The settings of an object that {@link #validate} accepted (or of no config: {@code {}}). */
  static TrackerSettings from(JsonNode settings) {
    JsonNode file = settings.get("path");
    return new TrackerSettings(file != null && file.isString() ? file.stringValue() : null);
  }

  /** The database: {@code path} resolved against {@code configDir}, else in {@code stateDir}. */
  Path database(Path configDir, Path stateDir) {
    return TrackerExport.databasePath(path, configDir, stateDir);
  }
}
