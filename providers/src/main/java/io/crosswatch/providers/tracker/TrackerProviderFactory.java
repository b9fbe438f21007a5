package io.crosswatch.providers.tracker;

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

/** Creates {@code TRACKER} providers: the local tracker database, by default in the state dir. */
public final class TrackerProviderFactory implements ProviderFactory {
  /** The provider name used in pairs. */
  public static final String NAME = "TRACKER";

  private static final Set<String> KNOWN_KEYS = Set.of("path", "instances");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int listOrder() {
    return 20;
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
          ConfigIssue.error(path, "must be an object, e.g. {} or {\"path\": \"tracker.db\"}"));
    }
    List<ConfigIssue> issues = new ArrayList<>();
    JsonNode file = settings.get("path");
    if (file != null && !file.isNull() && !file.isString()) {
      issues.add(ConfigIssue.error(path + ".path", "must be a string (the database file)"));
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
    JsonNode file = context.settings().get("path");
    String configured = file == null || file.isNull() ? null : file.asString();
    return new TrackerProvider(
        context.instance(),
        TrackerExport.databasePath(configured, context.configDir(), context.stateDir()),
        context.clock());
  }
}
