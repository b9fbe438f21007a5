package io.crosswatch.providers.file;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.providers.local.LocalProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Creates {@code FILE} providers: a JSON document of normalized items on local disk. */
public final class FileProviderFactory implements ProviderFactory {
  /** The provider name used in pairs. */
  public static final String NAME = "FILE";

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
    return FileSettings.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) {
    FileSettings settings = FileSettings.from(context.settings());
    return new FileProvider(
        context.instance(),
        context.resolve(settings.path()),
        context.clock(),
        SnapshotStore.file(context.stateDir(), NAME, context.instance()),
        context.log());
  }
}
