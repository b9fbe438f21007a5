package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Creates {@code IMPORT} providers (config block {@code imports}: {@code path}, {@code format}):
 * read-only sources over another service's export files.
 */
public final class ImportProviderFactory implements ProviderFactory {
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
    return ImportSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    ImportSettings settings = ImportSettings.from(context.settings());
    return new ImportProvider(
        context.instance(), context.resolve(settings.path()), settings.format(), context.log());
  }
}
