package io.crosswatch.testkit.fake.mdblist;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeMdblistServerTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeMdblistServer mdb =
      FakeMdblistServer.builder().clock(time).quota(3, 3).build().start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    mdb.close();
  }

  private HttpResponse<String> get(String pathAndQuery) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(mdb.baseUrl() + pathAndQuery))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesAWrongKey() {
    assertThat(get("/user?apikey=nope").statusCode()).isEqualTo(401);
  }

  @Test
  void reportsTheDailyQuotaAndAnswers429OnceSpentUntilTheNextDay() {
    String key = "?apikey=" + FakeMdblistServer.API_KEY;
    HttpResponse<String> first = get("/user" + key);
    assertThat(first.headers().firstValue("X-RateLimit-Limit")).contains("3");
    assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    assertThat(first.headers().firstValue("X-RateLimit-Reset"))
        .contains(Long.toString(time.instant().plus(Duration.ofDays(1)).getEpochSecond()));
    get("/user" + key);
    get("/user" + key);

    HttpResponse<String> spent = get("/user" + key);
    assertThat(spent.statusCode()).isEqualTo(429);
    assertThat(spent.headers().firstValue("Retry-After")).contains("86400");

    time.advance(Duration.ofDays(1));
    assertThat(get("/user" + key).statusCode()).isEqualTo(200);
  }

  @Test
  void lastActivitiesMoveWithEveryChangeRemovalsOnlyTheJournal() {
    MdblistTitle movie = mdb.catalogue().generateMovies(1).get(0);
    MdblistTitle show = mdb.catalogue().generateShow(1);
    MdblistUser user = mdb.user();
    assertThat(user.activity("watchlisted_at")).isNull();

    user.list(movie, time.instant());
    Instant listed = user.activity("watchlisted_at");
    user.play(show, 1, 2, time.instant());
    Instant episode = user.activity("episode_watched_at");
    user.unlist(movie);

    assertThat(listed).isNotNull();
    assertThat(episode).isAfter(listed);
    assertThat(user.activity("watchlisted_at")).isEqualTo(listed);
    assertThat(user.activity("watched_at")).isNull();
    assertThat(user.activity(MdblistUser.JOURNAL)).isAfter(episode);
    String body = get("/sync/last_activities?apikey=" + FakeMdblistServer.API_KEY).body();
    assertThat(body)
        .contains(
            "\"watchlisted_at\":\"" + listed + "\"",
            "\"episode_watched_at\":\"" + episode + "\"",
            "\"watched_at\":null",
            "\"journal_at\":\"" + user.activity(MdblistUser.JOURNAL) + "\"",
            "\"server_time\":");
  }

  @Test
  void countsTheRequestsRefusedForASpentQuota() {
    String key = "?apikey=" + FakeMdblistServer.API_KEY;
    for (int i = 0; i < 5; i++) {
      get("/sync/last_activities" + key);
    }

    assertThat(mdb.rateLimited()).isEqualTo(2);
  }

  @Test
  void pagesByLimitAndOffsetCappingTheLimit() {
    FakeMdblistServer capped = FakeMdblistServer.builder().clock(time).pageCap(2).build().start();
    try {
      capped.catalogue().generateMovies(5).forEach(m -> capped.user().list(m, time.instant()));
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              capped.baseUrl()
                                  + "/watchlist/items?limit=100&offset=2&apikey="
                                  + FakeMdblistServer.API_KEY))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).contains("\"Movie 3\"", "\"Movie 4\"", "\"has_more\":true");
      assertThat(r.body()).doesNotContain("\"Movie 5\"");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      capped.close();
    }
  }

  @Test
  void aListCanComeBackEmptyOnceAsAFlakyServiceDoes() {
    FakeMdblistServer roomy = FakeMdblistServer.builder().clock(time).build().start();
    try {
      MdblistTitle movie = roomy.catalogue().generateMovies(1).get(0);
      roomy.user().list(movie, time.instant());
      roomy.user().rate(movie, 8, time.instant());
      roomy.faults().emptyListOnce("/watchlist/items");
      String key = "?apikey=" + FakeMdblistServer.API_KEY;

      String empty = send(roomy, "/watchlist/items" + key);
      String again = send(roomy, "/watchlist/items" + key);
      String ratings = send(roomy, "/sync/ratings" + key);

      assertThat(empty).doesNotContain(movie.title());
      assertThat(again).contains(movie.title());
      assertThat(ratings).contains(movie.title());
    } finally {
      roomy.close();
    }
  }

  private static String send(FakeMdblistServer server, String pathAndQuery) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
