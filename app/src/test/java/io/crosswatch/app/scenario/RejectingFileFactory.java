package io.crosswatch.app.scenario;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.providers.file.FileProviderFactory;
import io.crosswatch.testkit.FlakyProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code FILE} provider, except that instance {@code b} rejects writes of chosen movies
 * permanently (as a service refusing an item as invalid would; a FILE document itself never does).
 * Remembers every {@code b} it created, one per run.
 */
final class RejectingFileFactory implements ProviderFactory {
  private final FileProviderFactory files = new FileProviderFactory();
  private final Set<String> rejected = new HashSet<>();
  private final List<FlakyProvider> targets = new ArrayList<>();

  /** Writes of movie {@code n} to {@code FILE:b} fail permanently from now on. */
  RejectingFileFactory reject(int n) {
    rejected.add(key(n));
    return this;
  }

  /** Writes of every movie go through again. */
  RejectingFileFactory acceptAll() {
    rejected.clear();
    return this;
  }

  /** A registry holding only this factory, for {@link Workspace#providers}. */
  ProviderRegistry registry() {
    return ProviderRegistry.of(this);
  }

  /** The {@code FILE:b} of the latest run. */
  FlakyProvider latestTarget() {
    return targets.get(targets.size() - 1);
  }

  private static String key(int n) {
    Ids ids = Ids.of(Map.of(IdKind.IMDB, Docs.imdb(n), IdKind.TMDB, n));
    return ItemKeys.titleKey(Item.movie(Docs.title(n), 2000 + n % 20, ids));
  }

  @Override
  public String name() {
    return files.name();
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return files.validate(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) throws ProviderException {
    Provider file = files.create(context);
    if (!context.instance().equals("b")) {
      return file;
    }
    FlakyProvider target = new FlakyProvider(file).failItems(Set.copyOf(rejected));
    targets.add(target);
    return target;
  }
}
