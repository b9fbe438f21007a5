package io.crosswatch.providers.file;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one {@code FILE} instance, parsed once.
 *
 * @param path the JSON file as configured (relative to the config file's folder)
 */
record FileSettings(String path) {
  private static final Set<String> KNOWN_KEYS = Set.of("path", "instances");

  /** The problems of a settings object: {@code path} is required; other keys are warned about. */
  static List<ConfigIssue> validate(JsonNode settings, String at) {
    if (settings == null || !settings.isObject()) {
      return List.of(
          ConfigIssue.error(at, "must be an object such as {\"path\": \"library.json\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file == null || file.isNull()) {
      issues.add(
          ConfigIssue.error(
              at + ".path", "is required: the JSON file to use, e.g. \"library.json\""));
    } else if (!file.isString() || file.stringValue().isBlank()) {
      issues.add(ConfigIssue.error(at + ".path", "must be a non-empty string"));
    }
    for (String key : settings.propertyNames()) {
      if (!KNOWN_KEYS.contains(key)) {
        issues.add(ConfigIssue.warning(at + "." + key, "unknown key, ignored"));
      }
    }
    return issues;
  }

  /** The settings of an object that {@link #validate} accepted. */
  static FileSettings from(JsonNode settings) {
    return new FileSettings(settings.path("path").asString());
  }
}
