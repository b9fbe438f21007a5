package io.crosswatch.providers.tracker;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderCommand;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.local.LocalProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Creates {@code TRACKER} providers: the local tracker database, by default in the state dir. */
public final class TrackerProviderFactory implements ProviderFactory {
  /** The provider name used in pairs. */
  public static final String NAME = "TRACKER";

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
    return TrackerSettings.validate(settings, path);
  }

  /** Scrobbled plays can be written to the tracker's history. */
  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public List<ProviderCommand> commands() {
    return List.of(new TrackerExportCommand());
  }

  @Override
  public String commandsDescription() {
    return "Works with the local tracker database.";
  }

  @Override
  public Provider create(ProviderContext context) {
    TrackerSettings settings = TrackerSettings.from(context.settings());
    return new TrackerProvider(
        context.instance(),
        settings.database(context.configDir(), context.stateDir()),
        context.clock());
  }
}
