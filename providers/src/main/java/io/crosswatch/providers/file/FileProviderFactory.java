package io.crosswatch.providers.file;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.providers.local.LocalProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Creates {@code FILE} providers: a JSON document of normalized items on local disk. */
public final class FileProviderFactory implements ProviderFactory {
  /** The provider name used in pairs. */
  public static final String NAME = "FILE";

  private static final Set<String> KNOWN_KEYS = Set.of("path", "instances");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int listOrder() {
    return 10;
  }

  @Override
  public Set<Feature> features() {
    return LocalProvider.FEATURES;
  }

  @Override
  public Set<IdKind> idKinds() {
    return EnumSet.allOf(IdKind.class);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    if (settings == null || !settings.isObject()) {
      return List.of(
          ConfigIssue.error(path, "must be an object such as {\"path\": \"library.json\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file == null || file.isNull()) {
      issues.add(
          ConfigIssue.error(
              path + ".path", "is required: the JSON file to use, e.g. \"library.json\""));
    } else if (!file.isString() || file.stringValue().isBlank()) {
      issues.add(ConfigIssue.error(path + ".path", "must be a non-empty string"));
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
    return new FileProvider(context.instance(), context.resolve(file), context.clock());
  }
}
