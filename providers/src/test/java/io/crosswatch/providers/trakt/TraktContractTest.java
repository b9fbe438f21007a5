package io.crosswatch.providers.trakt;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against the fake Trakt API. */
class TraktContractTest extends ProviderContract {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<Item> titles =
      trakt.catalogue().generateMovies(3).stream()
          .map(t -> Item.movie(t.title(), t.year(), Ids.of(IdKind.TRAKT, t.trakt())))
          .toList();

  @AfterEach
  void stop() {
    trakt.close();
  }

  @Override
  protected ProviderFactory factory() {
    return new TraktProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("client_secret", "contract-client-secret");
    settings.put("access_token", FakeTraktServer.ACCESS_TOKEN);
    settings.put("refresh_token", FakeTraktServer.REFRESH_TOKEN);
    settings.put("base_url", trakt.baseUrl());
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return titles;
  }

  @Override
  protected List<String> secrets() {
    return List.of(
        "contract-client-secret", FakeTraktServer.ACCESS_TOKEN, FakeTraktServer.REFRESH_TOKEN);
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
