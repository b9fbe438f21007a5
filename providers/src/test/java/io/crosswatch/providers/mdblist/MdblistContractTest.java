package io.crosswatch.providers.mdblist;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against the fake MDBList API. */
class MdblistContractTest extends ProviderContract {
  private final FakeTime time = FakeTime.standard();
  private final FakeMdblistServer mdblist = FakeMdblistServer.builder().clock(time).build().start();
  private final List<Item> titles =
      mdblist.catalogue().generateMovies(3).stream()
          .map(t -> Item.movie(t.title(), t.year(), Ids.of(IdKind.TMDB, t.tmdb())))
          .toList();

  @AfterEach
  void stop() {
    mdblist.close();
  }

  @Override
  protected ProviderFactory factory() {
    return new MdblistProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("api_key", FakeMdblistServer.API_KEY);
    settings.put("base_url", mdblist.baseUrl());
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return titles;
  }

  @Override
  protected List<String> secrets() {
    return List.of(FakeMdblistServer.API_KEY);
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
