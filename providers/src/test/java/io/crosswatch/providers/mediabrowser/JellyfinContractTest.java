package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against the fake Jellyfin server. */
class JellyfinContractTest extends ProviderContract {
  private final FakeTime time = FakeTime.standard();
  private final FakeMediaBrowserServer server =
      FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(time).build().start();
  private final List<Item> titles =
      server.library().generateMovies(3).stream()
          .map(
              m -> Item.movie(m.name(), m.year(), Ids.of(IdKind.TMDB, m.providerIds().get("Tmdb"))))
          .toList();

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected ProviderFactory factory() {
    return new JellyfinProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("server", server.baseUrl());
    settings.put("access_token", FakeMediaBrowserServer.ACCESS_TOKEN);
    settings.put("user_id", server.user().id());
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return titles;
  }

  @Override
  protected List<String> secrets() {
    return List.of(FakeMediaBrowserServer.ACCESS_TOKEN);
  }

  @Override
  protected Clock clock() {
    return time;
  }

  @Override
  protected Sleeper sleeper() {
    return time.sleeper();
  }
}
