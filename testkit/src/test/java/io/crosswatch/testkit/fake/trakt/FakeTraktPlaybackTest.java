package io.crosswatch.testkit.fake.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeTraktPlaybackTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final TraktCalls calls = new TraktCalls(trakt.baseUrl());
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(3);
  private final TraktTitle show = trakt.catalogue().generateShow(1, 1, 3);

  @AfterEach
  void stop() {
    trakt.close();
  }

  private HttpResponse<String> pause(String json) {
    time.advance(Duration.ofSeconds(1));
    return calls.post("/scrobble/pause", json);
  }

  @Test
  void aPausedScrobbleCreatesOrReplacesTheResumePointInPercent() {
    String movie = "{\"movie\":{\"ids\":{\"trakt\":" + movies.get(0).trakt() + "}},\"progress\":";

    HttpResponse<String> first = pause(movie + "25.5}");
    HttpResponse<String> second = pause(movie + "40}");
    HttpResponse<String> episode =
        pause(
            "{\"show\":{\"ids\":{\"trakt\":"
                + show.trakt()
                + "}},\"episode\":{\"season\":1,\"number\":2},\"progress\":10}");
    JsonNode all = TraktCalls.json(calls.get("/sync/playback"));
    JsonNode onlyMovies = TraktCalls.json(calls.get("/sync/playback/movies"));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(TraktCalls.json(second).get("action").asString()).isEqualTo("pause");
    assertThat(episode.statusCode()).isEqualTo(201);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("type").asString()).isEqualTo("episode");
    assertThat(all.get(0).at("/show/ids/trakt").asLong()).isEqualTo(show.trakt());
    assertThat(all.get(0).at("/episode/number").asInt()).isEqualTo(2);
    assertThat(onlyMovies).hasSize(1);
    assertThat(onlyMovies.get(0).get("progress").asDouble()).isEqualTo(40.0);
    assertThat(onlyMovies.get(0).get("paused_at").asString()).endsWith("Z");
    assertThat(trakt.user().lastActivity("movies.paused_at")).isNotNull();
  }

  @Test
  void deleteRemovesOneResumePointAndAnUnknownIdIs404() {
    TraktPlayback.Paused p = trakt.user().pause(movies.get(1), 50, time.instant());

    time.advance(Duration.ofSeconds(1));
    HttpResponse<String> deleted = calls.delete("/sync/playback/" + p.id());
    time.advance(Duration.ofSeconds(1));
    HttpResponse<String> again = calls.delete("/sync/playback/" + p.id());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(trakt.user().playback().all()).isEmpty();
  }

  @Test
  void pausedScrobblesArePacedLikeOtherWrites() {
    String movie =
        "{\"movie\":{\"ids\":{\"trakt\":" + movies.get(0).trakt() + "}},\"progress\":30}";

    HttpResponse<String> first = pause(movie);
    HttpResponse<String> tooSoon = calls.post("/scrobble/pause", movie);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
  }

  @Test
  void refusesAProgressOutsideZeroToHundredAndUnknownTitles() {
    assertThat(
            pause(
                    "{\"movie\":{\"ids\":{\"trakt\":"
                        + movies.get(0).trakt()
                        + "}},\"progress\":120}")
                .statusCode())
        .isEqualTo(422);
    assertThat(pause("{\"movie\":{\"ids\":{\"trakt\":999999}},\"progress\":20}").statusCode())
        .isEqualTo(404);
  }
}
