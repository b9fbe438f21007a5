package io.crosswatch.providers.simkl;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against the fake SIMKL API. */
class SimklContractTest extends ProviderContract {
  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<Item> titles =
      simkl.catalogue().generateMovies(3).stream()
          .map(t -> Item.movie(t.title(), t.year(), Ids.of(IdKind.SIMKL, t.simkl())))
          .toList();

  @AfterEach
  void stop() {
    simkl.close();
  }

  @Override
  protected ProviderFactory factory() {
    return new SimklProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeSimklServer.CLIENT_ID);
    settings.put("access_token", FakeSimklServer.ACCESS_TOKEN);
    settings.put("base_url", simkl.baseUrl());
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return titles;
  }

  @Override
  protected List<String> secrets() {
    return List.of(FakeSimklServer.ACCESS_TOKEN);
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
