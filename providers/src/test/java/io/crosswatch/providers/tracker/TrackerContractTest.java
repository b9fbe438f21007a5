package io.crosswatch.providers.tracker;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against a tracker database in a temporary folder. */
class TrackerContractTest extends ProviderContract {

  @Override
  protected ProviderFactory factory() {
    return new TrackerProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("path", dir.resolve("tracker.db").toString());
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return List.of(
        Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093")),
        Item.movie("Heat", 1995, Ids.of(IdKind.TMDB, 949)));
  }

  @Override
  protected List<String> secrets() {
    return List.of();
  }
}
