package io.crosswatch.providers.importer;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one {@code IMPORT} instance, parsed once.
 *
 * @param path the export file, folder or ZIP as configured (relative to the config file's folder)
 * @param format the service whose export it is
 */
record ImportSettings(String path, ImportFormat format) {
  private static final Set<String> KNOWN_KEYS = Set.of("path", "format", "instances");

  /** The problems of a settings object: {@code path} and {@code format} are required. */
  static List<ConfigIssue> validate(JsonNode settings, String at) {
    if (settings == null || !settings.isObject()) {
      return List.of(
          ConfigIssue.error(
              at, "must be an object such as {\"path\": \"ratings.csv\", \"format\": \"imdb\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file == null || !file.isString() || file.stringValue().isBlank()) {
      issues.add(
          ConfigIssue.error(
              at + ".path", "is required: the export file, folder or ZIP, e.g. \"ratings.csv\""));
    }
    JsonNode format = settings.get("format");
    if (format == null
        || !format.isString()
        || ImportFormat.fromKey(format.stringValue()).isEmpty()) {
      issues.add(
          ConfigIssue.error(
              at + ".format",
              "must be one of "
                  + Arrays.stream(ImportFormat.values())
                      .map(f -> "\"" + f.key() + "\"")
                      .collect(Collectors.joining(", "))
                  + (format == null ? "" : ", got " + format)));
    }
    for (String key : settings.propertyNames()) {
      if (!KNOWN_KEYS.contains(key)) {
        issues.add(ConfigIssue.warning(at + "." + key, "unknown key, ignored"));
      }
    }
    return issues;
  }

  /** The settings of an object that {@link #validate} accepted. */
  static ImportSettings from(JsonNode settings) {
    return new ImportSettings(
        settings.path("path").asString(),
        ImportFormat.fromKey(settings.path("format").asString()).orElseThrow());
  }
}
