package io.crosswatch.testkit.fake.simkl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeSimklServerTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<SimklTitle> movies = simkl.catalogue().generateMovies(5);
  private final SimklTitle show = simkl.catalogue().generateShow(1, 2, 3);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, String> headers = new LinkedHashMap<>();

  FakeSimklServerTest() {
    headers.put("simkl-api-key", FakeSimklServer.CLIENT_ID);
    headers.put("Authorization", "Bearer " + FakeSimklServer.ACCESS_TOKEN);
    headers.put("Content-Type", "application/json");
  }

  @AfterEach
  void stop() {
    simkl.close();
  }

  private HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(simkl.baseUrl() + pathAndQuery)).GET());
  }

  private HttpResponse<String> post(String path, String json) {
    time.advance(Duration.ofSeconds(1));
    return send(
        HttpRequest.newBuilder(URI.create(simkl.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    headers.forEach(b::header);
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    return SimklJson.MAPPER.readTree(r.body());
  }

  @Test
  void refusesAWrongClientIdAndUnknownTokens() {
    headers.put("simkl-api-key", "nope");
    assertThat(get("/sync/activities").statusCode()).isEqualTo(401);
    assertThat(get("/sync/activities").body()).contains("client_id_failed");

    headers.put("simkl-api-key", FakeSimklServer.CLIENT_ID);
    headers.put("Authorization", "Bearer nope");
    assertThat(get("/sync/activities").body()).contains("user_token_failed");

    headers.remove("simkl-api-key");
    headers.put("Authorization", "Bearer " + FakeSimklServer.ACCESS_TOKEN);
    assertThat(get("/sync/activities?client_id=" + FakeSimklServer.CLIENT_ID).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anEmptyListIsNullAndIdsArriveAsStrings() {
    assertThat(get("/sync/all-items/movies/plantowatch").body()).isEqualTo("null");

    simkl.user().addToList(movies.get(0), "plantowatch", T0);
    JsonNode row = json(get("/sync/all-items/movies/plantowatch")).get("movies").get(0);

    assertThat(row.get("status").asString()).isEqualTo("plantowatch");
    assertThat(row.get("added_to_watchlist_at").asString()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(row.at("/movie/ids/simkl").isNumber()).isTrue();
    assertThat(row.at("/movie/ids/tmdb").isString()).isTrue();
    assertThat(row.get("user_rating").isNull()).isTrue();
  }

  @Test
  void episodeTimesComeOnlyWhenAskedFor() {
    simkl.user().watchEpisode(show, 1, 2, T0);

    JsonNode plain = json(get("/sync/all-items/shows?extended=full")).at("/shows/0/seasons/0");
    JsonNode timed =
        json(get("/sync/all-items/shows?extended=full&episode_watched_at=yes"))
            .at("/shows/0/seasons/0/episodes/0");

    assertThat(plain.at("/episodes/0/number").asInt()).isEqualTo(2);
    assertThat(plain.at("/episodes/0").has("watched_at")).isFalse();
    assertThat(timed.get("watched_at").asString()).isEqualTo("2025-06-01T12:00:00Z");
  }

  @Test
  void historyRemoveOfATitleDeletesItsWholeEntryRatingIncluded() {
    simkl.user().watchMovie(movies.get(0), T0);
    simkl.user().rate(movies.get(0), 8, T0);

    JsonNode answer =
        json(post("/sync/history/remove", "{\"movies\":[{\"ids\":{\"imdb\":\"tt1000001\"}}]}"));

    assertThat(answer.at("/deleted/movies").asInt()).isEqualTo(1);
    assertThat(simkl.user().entry(movies.get(0))).isEmpty();
  }

  @Test
  void historyRemoveOfEpisodesKeepsTheShow() {
    simkl.user().watchEpisode(show, 1, 1, T0);
    simkl.user().watchEpisode(show, 1, 2, T0);

    post(
        "/sync/history/remove",
        "{\"shows\":[{\"ids\":{\"tvdb\":\"300001\"},"
            + "\"seasons\":[{\"number\":1,\"episodes\":[{\"number\":1}]}]}]}");

    assertThat(simkl.user().entry(show).orElseThrow().episodes()).containsOnlyKeys("1:2");
  }

  @Test
  void addToListNeedsAPerItemTargetAndEchoesNotFound() {
    assertThat(post("/sync/add-to-list", "{\"movies\":[{\"ids\":{\"simkl\":1001}}]}").statusCode())
        .isEqualTo(400);

    JsonNode answer =
        json(
            post(
                "/sync/add-to-list",
                "{\"movies\":[{\"to\":\"plantowatch\",\"ids\":{\"simkl\":1001}},"
                    + "{\"to\":\"plantowatch\",\"ids\":{\"imdb\":\"tt9\"}}]}"));

    assertThat(answer.at("/added/movies/0/to").asString()).isEqualTo("plantowatch");
    assertThat(answer.at("/not_found/movies/0/ids/imdb").asString()).isEqualTo("tt9");
    assertThat(simkl.user().entry(movies.get(0)).orElseThrow().status()).isEqualTo("plantowatch");
  }

  @Test
  void ratingATitleOutsideTheLibraryFilesIt() {
    post("/sync/ratings", "{\"movies\":[{\"rating\":7,\"ids\":{\"simkl\":1002}}]}");

    assertThat(simkl.user().entry(movies.get(1)).orElseThrow().status()).isEqualTo("completed");
    assertThat(simkl.user().entry(movies.get(1)).orElseThrow().rating()).isEqualTo(7);
  }

  @Test
  void answers429WhenFasterThanTheLimits() {
    for (int i = 0; i < 10; i++) {
      assertThat(get("/sync/activities").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> eleventh = get("/sync/activities");
    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(eleventh.headers().firstValue("Retry-After")).contains("1");

    time.advance(Duration.ofSeconds(1));
    assertThat(get("/sync/activities").statusCode()).isEqualTo(200);
    assertThat(post("/sync/ratings/remove", "{}").statusCode()).isEqualTo(201);
    HttpResponse<String> second =
        send(
            HttpRequest.newBuilder(URI.create(simkl.baseUrl() + "/sync/ratings/remove"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(simkl.rateLimited()).isEqualTo(2);
  }

  @Test
  void injectedFaultsAndTheRequestLog() {
    simkl.faults().failNext(1, 503);
    simkl.faults().emptyListOnce("/sync/all-items");
    simkl.user().addToList(movies.get(0), "plantowatch", T0);

    assertThat(get("/sync/all-items/movies").statusCode()).isEqualTo(503);
    assertThat(get("/sync/all-items/movies").body()).isEqualTo("null");
    assertThat(get("/sync/all-items/movies").body()).contains("Movie 1");
    assertThat(simkl.count("GET /sync/all-items/movies")).isEqualTo(3);
  }

  @Test
  void aPausedScrobbleSavesAPlaybackThatIsListedDatedAndDeletedById() {
    String body =
        "{\"progress\": 40.5, \"movie\": {\"ids\": {\"imdb\": \"" + movies.get(0).imdb() + "\"}}}";
    HttpResponse<String> paused = post("/scrobble/pause", body);
    assertThat(paused.statusCode()).isEqualTo(201);
    assertThat(json(paused).get("action").asString()).isEqualTo("pause");

    JsonNode rows = json(get("/sync/playback"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("type").asString()).isEqualTo("movie");
    assertThat(rows.get(0).get("progress").asDouble()).isEqualTo(40.5);
    assertThat(rows.get(0).at("/movie/ids/simkl").asLong()).isEqualTo(movies.get(0).simkl());
    assertThat(rows.get(0).has("runtime")).isFalse();
    assertThat(json(get("/sync/playback/episodes"))).isEmpty();
    assertThat(json(get("/sync/activities")).at("/movies/playback").isString()).isTrue();

    long id = rows.get(0).get("id").asLong();
    assertThat(send(delete("/sync/playback/" + id)).statusCode()).isEqualTo(204);
    assertThat(send(delete("/sync/playback/" + id)).statusCode()).isEqualTo(404);
    assertThat(json(get("/sync/playback"))).isEmpty();
  }

  @Test
  void aStopAtEightyPercentIsAWatchOnceAndBelowItAPausedPlayback() {
    String episode =
        "{\"progress\": %s, \"show\": {\"ids\": {\"tvdb\": \""
            + show.tvdb()
            + "\"}}, \"episode\": {\"season\": 2, \"number\": %d}}";

    HttpResponse<String> done = post("/scrobble/stop", String.format(episode, "85", 1));
    HttpResponse<String> again = post("/scrobble/stop", String.format(episode, "85", 1));
    HttpResponse<String> halfway = post("/scrobble/stop", String.format(episode, "50", 2));

    assertThat(done.statusCode()).isEqualTo(201);
    assertThat(json(done).get("action").asString()).isEqualTo("scrobble");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(simkl.user().entry(show).orElseThrow().episodes()).containsOnlyKeys("2:1");
    assertThat(json(halfway).get("action").asString()).isEqualTo("pause");
    assertThat(simkl.user().playback().of(show, 2, 2).orElseThrow().progress()).isEqualTo(50.0);
    assertThat(post("/scrobble/start", String.format(episode, "1", 9)).statusCode()).isEqualTo(404);
  }

  @Test
  void aTitlesRuntimeIsAnsweredInMinutes() {
    simkl.catalogue().setRuntime(movies.get(1), 142);

    assertThat(json(get("/movies/" + movies.get(1).simkl())).get("runtime").asInt()).isEqualTo(142);
    assertThat(json(get("/tv/" + show.simkl())).get("runtime").asInt())
        .isEqualTo(simkl.catalogue().runtime(show));
    assertThat(get("/movies/999999").statusCode()).isEqualTo(404);
  }

  private HttpRequest.Builder delete(String path) {
    time.advance(Duration.ofSeconds(1));
    return HttpRequest.newBuilder(URI.create(simkl.baseUrl() + path)).DELETE();
  }
}
