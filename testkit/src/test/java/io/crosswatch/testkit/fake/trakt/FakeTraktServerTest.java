package io.crosswatch.testkit.fake.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeTraktServerTest {
  private final FakeTime time = FakeTime.standard();
  private FakeTraktServer trakt = start(FakeTraktServer.builder().clock(time));
  private TraktCalls calls = new TraktCalls(trakt.baseUrl());
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(30);

  private static FakeTraktServer start(FakeTraktServer.Builder builder) {
    return builder.build().start();
  }

  @AfterEach
  void stop() {
    trakt.close();
  }

  private void restart(FakeTraktServer.Builder builder) {
    trakt.close();
    trakt = start(builder.clock(time));
    calls = new TraktCalls(trakt.baseUrl());
    trakt.catalogue().generateMovies(30);
  }

  private HttpResponse<String> postWrite(String path, String json) {
    time.advance(Duration.ofSeconds(1));
    return calls.post(path, json);
  }

  @Test
  void refusesCallsWithoutTheApiKeyOrVersionAndUnknownTokens() {
    calls.headers.remove("trakt-api-key");
    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(403);

    calls.headers.put("trakt-api-key", FakeTraktServer.CLIENT_ID);
    calls.headers.put("trakt-api-version", "1");
    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(403);

    calls.headers.put("trakt-api-version", "2");
    calls.headers.put("Authorization", "Bearer nope");
    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(401);

    calls.headers.put("Authorization", "Bearer " + FakeTraktServer.ACCESS_TOKEN);
    trakt.revokeToken(FakeTraktServer.ACCESS_TOKEN);
    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(401);
  }

  @Test
  void watchlistAddAnswersAddedExistingAndNotFound() {
    String body =
        "{\"movies\":[{\"ids\":{\"imdb\":\"tt1000001\"}},{\"ids\":{\"tmdb\":5002}},"
            + "{\"ids\":{\"imdb\":\"tt9999999\"}}]}";

    JsonNode first = TraktCalls.json(postWrite("/sync/watchlist", body));
    JsonNode second = TraktCalls.json(postWrite("/sync/watchlist", body));

    assertThat(first.at("/added/movies").asInt()).isEqualTo(2);
    assertThat(first.at("/existing/movies").asInt()).isZero();
    assertThat(first.at("/not_found/movies/0/ids/imdb").asString()).isEqualTo("tt9999999");
    assertThat(first.at("/list/item_count").asInt()).isEqualTo(2);
    assertThat(second.at("/added/movies").asInt()).isZero();
    assertThat(second.at("/existing/movies").asInt()).isEqualTo(2);
    assertThat(trakt.user().watchlist())
        .extracting(e -> e.title().trakt())
        .containsExactly(1001L, 1002L);
  }

  @Test
  void watchlistReadsInTraktsShape() {
    trakt.user().addToWatchlist(movies.get(0), Instant.parse("2026-01-02T03:04:05Z"));

    JsonNode row = TraktCalls.json(calls.get("/sync/watchlist")).get(0);

    assertThat(row.get("rank").asInt()).isEqualTo(1);
    assertThat(row.get("listed_at").asString()).isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(row.get("type").asString()).isEqualTo("movie");
    assertThat(row.at("/movie/title").asString()).isEqualTo("Movie 1");
    assertThat(row.at("/movie/ids/trakt").asLong()).isEqualTo(1001);
    assertThat(row.at("/movie/ids/imdb").asString()).isEqualTo("tt1000001");
  }

  @Test
  void answers420WithTheLimitWhenTheWatchlistWouldOverflow() {
    trakt.user().setWatchlistLimit(2);
    trakt.user().addToWatchlist(movies.get(0), time.instant());

    HttpResponse<String> r =
        postWrite(
            "/sync/watchlist",
            "{\"movies\":[{\"ids\":{\"trakt\":1002}},{\"ids\":{\"trakt\":1003}}]}");

    assertThat(r.statusCode()).isEqualTo(420);
    assertThat(r.headers().firstValue("X-Account-Limit")).contains("2");
    assertThat(trakt.user().watchlist()).hasSize(1);
    assertThat(
            TraktCalls.json(calls.get("/users/settings"))
                .at("/limits/watchlist/item_count")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void historyIsAlwaysPaginatedAndCapsTheLimitAt100() {
    for (int i = 0; i < 250; i++) {
      trakt
          .user()
          .addPlay(movies.get(i % 30), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i));
    }

    HttpResponse<String> first = calls.get("/sync/history");
    HttpResponse<String> big = calls.get("/sync/history?page=3&limit=1000");

    assertThat(TraktCalls.json(first).size()).isEqualTo(10);
    assertThat(first.headers().firstValue("X-Pagination-Page-Count")).contains("25");
    assertThat(first.headers().firstValue("X-Pagination-Item-Count")).contains("250");
    assertThat(TraktCalls.json(first).get(0).get("watched_at").asString())
        .isEqualTo("2025-01-01T00:04:09.000Z");
    assertThat(big.headers().firstValue("X-Pagination-Limit")).contains("100");
    assertThat(big.headers().firstValue("X-Pagination-Page")).contains("3");
    assertThat(TraktCalls.json(big).size()).isEqualTo(50);
  }

  @Test
  void historyNeverDeduplicatesPlays() {
    String body =
        "{\"movies\":[{\"ids\":{\"trakt\":1001},\"watched_at\":\"2025-05-05T10:00:00Z\"}]}";

    postWrite("/sync/history", body);
    JsonNode second = TraktCalls.json(postWrite("/sync/history", body));

    assertThat(second.at("/added/movies").asInt()).isEqualTo(1);
    assertThat(trakt.user().plays()).hasSize(2);
    assertThat(trakt.user().plays().get(0).id()).isNotEqualTo(trakt.user().plays().get(1).id());
  }

  @Test
  void aPlayTakesTheTitleOffTheWatchlist() {
    trakt.user().addToWatchlist(movies.get(0), time.instant());
    trakt.user().addToWatchlist(movies.get(1), time.instant());

    postWrite("/sync/history", "{\"movies\":[{\"ids\":{\"imdb\":\"tt1000001\"}}]}");

    assertThat(trakt.user().watchlist()).extracting(e -> e.title().trakt()).containsExactly(1002L);
  }

  @Test
  void historyTakesNestedShowsAndReportsMissingEpisodes() {
    trakt.catalogue().generateShow(1, 2, 3);
    String body =
        "{\"shows\":[{\"ids\":{\"tvdb\":300001},\"seasons\":[{\"number\":1,\"episodes\":"
            + "[{\"number\":2,\"watched_at\":\"2025-02-02T00:00:00Z\"},{\"number\":9}]}]}],"
            + "\"episodes\":[{\"ids\":{\"tvdb\":20010203}}]}";

    JsonNode r = TraktCalls.json(postWrite("/sync/history", body));

    assertThat(r.at("/added/episodes").asInt()).isEqualTo(2);
    assertThat(r.at("/not_found/shows/0/seasons/0/episodes/0/number").asInt()).isEqualTo(9);
    JsonNode rows = TraktCalls.json(calls.get("/sync/history/episodes"));
    assertThat(rows.get(1).at("/episode/season").asInt()).isEqualTo(1);
    assertThat(rows.get(1).at("/episode/number").asInt()).isEqualTo(2);
    assertThat(rows.get(1).at("/show/ids/tvdb").asLong()).isEqualTo(300001);
  }

  @Test
  void historyRemoveTakesPlayIdsOrItems() {
    TraktUser.Play a = trakt.user().addPlay(movies.get(0), time.instant());
    trakt.user().addPlay(movies.get(1), time.instant());
    trakt.user().addPlay(movies.get(1), time.instant().plusSeconds(5));

    JsonNode r =
        TraktCalls.json(
            postWrite(
                "/sync/history/remove",
                "{\"ids\":[" + a.id() + ",424242],\"movies\":[{\"ids\":{\"trakt\":1002}}]}"));

    assertThat(r.at("/deleted/movies").asInt()).isEqualTo(3);
    assertThat(r.at("/not_found/ids/0").asLong()).isEqualTo(424242);
    assertThat(trakt.user().plays()).isEmpty();
  }

  @Test
  void ratingsRoundTrip() {
    JsonNode added =
        TraktCalls.json(
            postWrite(
                "/sync/ratings",
                "{\"movies\":[{\"ids\":{\"trakt\":1001},\"rating\":8,"
                    + "\"rated_at\":\"2025-03-03T00:00:00Z\"},{\"ids\":{\"trakt\":1002},\"rating\":11}]}"));
    JsonNode rows = TraktCalls.json(calls.get("/sync/ratings"));
    JsonNode removed =
        TraktCalls.json(
            postWrite("/sync/ratings/remove", "{\"movies\":[{\"ids\":{\"trakt\":1001}}]}"));

    assertThat(added.at("/added/movies").asInt()).isEqualTo(1);
    assertThat(added.at("/not_found/movies").size()).isEqualTo(1);
    assertThat(rows.get(0).get("rating").asInt()).isEqualTo(8);
    assertThat(rows.get(0).get("rated_at").asString()).isEqualTo("2025-03-03T00:00:00.000Z");
    assertThat(removed.at("/deleted/movies").asInt()).isEqualTo(1);
    assertThat(trakt.user().ratings()).isEmpty();
  }

  @Test
  void lastActivitiesMoveOnEveryChangeOfAGroupOnly() {
    JsonNode before = TraktCalls.json(calls.get("/sync/last_activities"));

    postWrite("/sync/history", "{\"movies\":[{\"ids\":{\"trakt\":1001}}]}");
    JsonNode after = TraktCalls.json(calls.get("/sync/last_activities"));
    trakt.user().addPlay(movies.get(1), time.instant());
    JsonNode again = TraktCalls.json(calls.get("/sync/last_activities"));

    assertThat(after.at("/movies/watched_at")).isNotEqualTo(before.at("/movies/watched_at"));
    assertThat(after.at("/movies/rated_at")).isEqualTo(before.at("/movies/rated_at"));
    assertThat(after.at("/episodes/watched_at")).isEqualTo(before.at("/episodes/watched_at"));
    assertThat(again.at("/movies/watched_at").asString())
        .isGreaterThan(after.at("/movies/watched_at").asString());
  }

  @Test
  void rateLimitsWritesPerSecondWithRetryAfter() {
    String body = "{\"movies\":[{\"ids\":{\"trakt\":1001}}]}";

    assertThat(calls.post("/sync/watchlist", body).statusCode()).isEqualTo(201);
    time.advance(Duration.ofMillis(300));
    HttpResponse<String> limited = calls.post("/sync/watchlist", body);
    time.advance(Duration.ofMillis(700));
    HttpResponse<String> later = calls.post("/sync/watchlist", body);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    assertThat(limited.headers().firstValue("X-Ratelimit").orElseThrow())
        .contains("\"name\":\"AUTHED_API_POST_LIMIT\"");
    assertThat(later.statusCode()).isEqualTo(201);
  }

  @Test
  void rateLimitsGetsPerWindowWhenConfiguredShort() {
    restart(FakeTraktServer.builder().getLimit(3, Duration.ofSeconds(10)));

    for (int i = 0; i < 3; i++) {
      assertThat(calls.get("/sync/ratings").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = calls.get("/sync/ratings");
    time.advance(Duration.ofSeconds(10));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("10");
    assertThat(calls.get("/sync/ratings").statusCode()).isEqualTo(200);
  }

  @Test
  void injectsFailuresRateLimitsAndEmptyLists() {
    trakt.user().addToWatchlist(movies.get(0), time.instant());
    trakt.faults().failNext(2, 503);
    trakt.faults().rateLimitNext(1, 30);
    trakt.faults().emptyListOnce("/sync/watchlist");

    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(503);
    assertThat(calls.get("/sync/watchlist").statusCode()).isEqualTo(503);
    HttpResponse<String> limited = calls.get("/sync/watchlist");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
    assertThat(TraktCalls.json(calls.get("/sync/watchlist")).size()).isZero();
    assertThat(TraktCalls.json(calls.get("/sync/watchlist")).size()).isEqualTo(1);
  }

  @Test
  void delaysTheNextRequests() {
    trakt.faults().delayNext(1, Duration.ofMillis(150));

    long start = System.nanoTime();
    calls.get("/users/settings");
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMs).isGreaterThanOrEqualTo(150);
  }

  @Test
  void logsAndCountsRequests() {
    calls.get("/sync/history?page=2");
    calls.get("/sync/history");
    calls.get("/nope");

    assertThat(trakt.count("GET /sync/history")).isEqualTo(2);
    assertThat(trakt.requests()).extracting(r -> r.status()).containsExactly(200, 200, 404);
    assertThat(trakt.requests().get(0).request().param("page")).contains("2");
  }

  @Test
  void canSendIdsAsStrings() {
    restart(FakeTraktServer.builder().stringIds(true));
    trakt.user().addToWatchlist(trakt.catalogue().all().get(0), time.instant());

    JsonNode ids = TraktCalls.json(calls.get("/sync/watchlist")).get(0).at("/movie/ids");

    assertThat(ids.get("trakt").isString()).isTrue();
    assertThat(ids.get("trakt").asString()).isEqualTo("1001");
  }
}
