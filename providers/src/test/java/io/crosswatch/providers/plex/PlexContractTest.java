package io.crosswatch.providers.plex;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.testkit.contract.ProviderContract;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The provider contract, against the fake Plex server, Discover and plex.tv. */
class PlexContractTest extends ProviderContract {
  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexSection movies = plex.catalogue().addMovieSection("Movies");
  private final List<Item> titles =
      plex.catalogue().generateMovies(movies, 3).stream()
          .map(
              t ->
                  Item.movie(
                      t.title(),
                      t.year(),
                      Ids.of(IdKind.IMDB, t.externalGuids().get(0).substring("imdb://".length()))))
          .toList();

  @AfterEach
  void stop() {
    plex.close();
  }

  @Override
  protected ProviderFactory factory() {
    return new PlexProviderFactory();
  }

  @Override
  protected ObjectNode settings(Path dir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("server_url", plex.serverUrl().toString());
    settings.put("discover_url", plex.discoverUrl().toString());
    settings.put("plex_tv_url", plex.plexTvUrl().toString());
    settings.put("account_token", FakePlex.TOKEN);
    settings.put("client_id", "crosswatch-contract-device");
    return settings;
  }

  @Override
  protected List<Item> titles() {
    return titles;
  }

  @Override
  protected List<String> secrets() {
    return List.of(FakePlex.TOKEN);
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
