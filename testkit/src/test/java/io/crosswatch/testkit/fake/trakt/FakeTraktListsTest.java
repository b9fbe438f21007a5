package io.crosswatch.testkit.fake.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeTraktListsTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final TraktCalls calls = new TraktCalls(trakt.baseUrl());
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(5);

  @AfterEach
  void stop() {
    trakt.close();
  }

  private HttpResponse<String> write(String path, String json) {
    time.advance(Duration.ofSeconds(1));
    return calls.post(path, json);
  }

  private static String movies(TraktTitle... titles) {
    StringBuilder b = new StringBuilder("{\"movies\":[");
    for (int i = 0; i < titles.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"ids\":{\"trakt\":")
          .append(titles[i].trakt())
          .append("}}");
    }
    return b.append("]}").toString();
  }

  @Test
  void createsListsAddsItemsAndReadsThemInRankOrder() {
    HttpResponse<String> created = write("/users/me/lists", "{\"name\":\"Road trip\"}");
    long id = TraktCalls.json(created).at("/ids/trakt").asLong();

    JsonNode added =
        TraktCalls.json(
            write("/users/me/lists/" + id + "/items", movies(movies.get(2), movies.get(0))));
    JsonNode items = TraktCalls.json(calls.get("/users/me/lists/" + id + "/items"));
    JsonNode lists = TraktCalls.json(calls.get("/users/me/lists"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(added.at("/added/movies").asInt()).isEqualTo(2);
    assertThat(added.at("/list/item_count").asInt()).isEqualTo(2);
    assertThat(items.get(0).at("/movie/ids/trakt").asLong()).isEqualTo(movies.get(2).trakt());
    assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(items.get(1).at("/movie/ids/trakt").asLong()).isEqualTo(movies.get(0).trakt());
    assertThat(lists.get(0).get("name").asString()).isEqualTo("Road trip");
    assertThat(lists.get(0).get("item_count").asInt()).isEqualTo(2);
    assertThat(trakt.user().lastActivity("lists.updated_at")).isNotNull();
  }

  @Test
  void removesItemsAndReordersByListItemIds() {
    TraktLists.PersonalList list = trakt.user().createList("Road trip", null);
    movies.subList(0, 3).forEach(m -> trakt.user().addToList(list, m));
    List<TraktLists.Entry> entries = list.entries();

    JsonNode removed =
        TraktCalls.json(
            write("/users/me/lists/" + list.slug() + "/items/remove", movies(movies.get(1))));
    HttpResponse<String> reordered =
        write(
            "/users/me/lists/" + list.traktId() + "/items/reorder",
            "{\"rank\":[" + entries.get(2).id() + "," + entries.get(0).id() + "]}");

    assertThat(removed.at("/deleted/movies").asInt()).isEqualTo(1);
    assertThat(TraktCalls.json(reordered).get("updated").asInt()).isEqualTo(2);
    assertThat(list.titles()).containsExactly(movies.get(2), movies.get(0));
  }

  @Test
  void aFreeAccountOverItsListOrItemCapGets420WithTheLimitAndNothingChanges() {
    trakt.user().lists().setLimits(1, 2);
    TraktLists.PersonalList list = trakt.user().createList("Road trip", null);
    trakt.user().addToList(list, movies.get(0));

    HttpResponse<String> secondList = write("/users/me/lists", "{\"name\":\"Another\"}");
    HttpResponse<String> tooMany =
        write("/users/me/lists/" + list.traktId() + "/items", movies(movies.get(1), movies.get(2)));

    assertThat(secondList.statusCode()).isEqualTo(420);
    assertThat(secondList.headers().firstValue("X-Account-Limit")).contains("1");
    assertThat(tooMany.statusCode()).isEqualTo(420);
    assertThat(tooMany.headers().firstValue("X-Account-Limit")).contains("2");
    assertThat(list.titles()).containsExactly(movies.get(0));
    assertThat(trakt.user().lists().all()).hasSize(1);
    JsonNode settings = TraktCalls.json(calls.get("/users/settings"));
    assertThat(settings.at("/limits/list/count").asInt()).isEqualTo(1);
    assertThat(settings.at("/limits/list/item_count").asInt()).isEqualTo(2);
  }

  @Test
  void unknownListsAnswer404() {
    assertThat(calls.get("/users/me/lists/nope/items").statusCode()).isEqualTo(404);
  }
}
