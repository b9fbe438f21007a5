package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Creates {@code IMPORT} providers (config block {@code imports}: {@code path}, {@code format}):
 * read-only sources over another service's export files.
 */
public final class ImportProviderFactory implements ProviderFactory {
  private static final Set<String> KNOWN_KEYS = Set.of("path", "format", "instances");

  @Override
  public String name() {
    return ImportProvider.NAME;
  }

  /** Its block is {@code imports}: one export per instance. */
  @Override
  public String blockKey() {
    return "imports";
  }

  @Override
  public int listOrder() {
    return 900;
  }

  @Override
  public Set<Feature> features() {
    return ImportProvider.FEATURES;
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    if (settings == null || !settings.isObject()) {
      return List.of(
          ConfigIssue.error(
              path, "must be an object such as {\"path\": \"ratings.csv\", \"format\": \"imdb\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file == null || !file.isString() || file.stringValue().isBlank()) {
      issues.add(
          ConfigIssue.error(
              path + ".path", "is required: the export file, folder or ZIP, e.g. \"ratings.csv\""));
    }
    JsonNode format = settings.get("format");
    if (format == null
        || !format.isString()
        || ImportFormat.fromKey(format.stringValue()).isEmpty()) {
      issues.add(
          ConfigIssue.error(
              path + ".format",
              "must be one of "
                  + Arrays.stream(ImportFormat.values())
                      .map(f -> "\"" + f.key() + "\"")
                      .collect(Collectors.joining(", "))
                  + (format == null ? "" : ", got " + format)));
    }
    for (String key : settings.propertyNames()) {
      if (!KNOWN_KEYS.contains(key)) {
        issues.add(ConfigIssue.warning(path + "." + key, "unknown key, ignored"));
      }
    }
    return issues;
  }

  @Override
  public Provider create(ProviderContext context) {
    String file = context.settings().path("path").asString();
    ImportFormat format =
        ImportFormat.fromKey(context.settings().path("format").asString()).orElseThrow();
    return new ImportProvider(
        context.instance(), context.resolve(file), context.settingsPath(), format, context.log());
  }
}
