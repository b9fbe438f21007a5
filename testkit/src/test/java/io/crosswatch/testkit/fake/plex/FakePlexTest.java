package io.crosswatch.testkit.fake.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakePlexTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private FakePlex plex = FakePlex.builder().clock(time).build().start();
  private PlexCalls server = new PlexCalls(plex.serverUrl());
  private final PlexSection movies = plex.catalogue().addMovieSection("Movies");
  private final List<PlexTitle> titles = plex.catalogue().generateMovies(movies, 5);

  @AfterEach
  void stop() {
    plex.close();
  }

  @Test
  void identityNeedsNoTokenButTheLibraryDoes() {
    server.headers.remove("X-Plex-Token");

    assertThat(PlexCalls.container(server.get("/identity")).path("machineIdentifier").asString())
        .isEqualTo(FakePlex.MACHINE_ID);
    assertThat(server.get("/library/sections").statusCode()).isEqualTo(401);

    server.headers.put("X-Plex-Token", "nope");
    assertThat(server.get("/library/sections").statusCode()).isEqualTo(401);
    server.headers.remove("X-Plex-Token");
    assertThat(server.get("/library/sections?X-Plex-Token=" + FakePlex.TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void answersXmlUnlessAskedForJson() {
    server.headers.remove("Accept");

    HttpResponse<String> r = server.get("/library/sections");

    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(r.body()).contains("<MediaContainer");
  }

  @Test
  void pagesFollowTheContainerHeadersAndReportTheTotal() {
    server.headers.put("X-Plex-Container-Start", "2");
    server.headers.put("X-Plex-Container-Size", "2");

    HttpResponse<String> r = server.get("/library/sections/1/all?type=1&includeGuids=1");
    JsonNode c = PlexCalls.container(r);

    assertThat(c.path("totalSize").asInt()).isEqualTo(5);
    assertThat(c.path("size").asInt()).isEqualTo(2);
    assertThat(c.path("Metadata").get(0).path("title").asString()).isEqualTo("Movie 3");
    assertThat(c.path("Metadata").get(0).path("Guid").get(0).path("id").asString())
        .isEqualTo("imdb://tt1000003");
    assertThat(r.headers().firstValue("X-Plex-Container-Total-Size")).contains("5");
  }

  @Test
  void guidChildrenComeOnlyWithIncludeGuids() {
    JsonNode first =
        PlexCalls.container(server.get("/library/sections/1/all?type=1")).path("Metadata").get(0);

    assertThat(first.has("Guid")).isFalse();
    assertThat(first.path("guid").asString()).startsWith("plex://movie/");
  }

  @Test
  void scrobbleUnscrobbleAndRateChangeTheCallersViewStateOnly() {
    PlexUser other = plex.addUser("other", "other-token");
    String key = titles.get(0).ratingKey();
    time.advance(Duration.ofMinutes(1));

    assertThat(
            server
                .get("/:/scrobble?key=" + key + "&identifier=com.plexapp.plugins.library")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .send("PUT", "/:/scrobble?key=" + key + "&identifier=com.plexapp.plugins.library")
                .statusCode())
        .isEqualTo(200);
    assertThat(plex.user().state(titles.get(0)).viewCount()).isEqualTo(2);
    assertThat(plex.user().state(titles.get(0)).lastViewedAt()).isEqualTo(time.instant());
    assertThat(other.state(titles.get(0)).viewCount()).isZero();

    server.get("/:/unscrobble?key=" + key + "&identifier=com.plexapp.plugins.library");
    assertThat(plex.user().state(titles.get(0)).viewCount()).isZero();

    server.send("PUT", "/:/rate?key=" + key + "&identifier=com.plexapp.plugins.library&rating=7");
    assertThat(plex.user().state(titles.get(0)).userRating()).isEqualTo(7.0);
    server.send("PUT", "/:/rate?key=" + key + "&identifier=com.plexapp.plugins.library&rating=-1");
    assertThat(plex.user().state(titles.get(0)).userRating()).isNull();
    assertThat(
            server
                .send(
                    "PUT",
                    "/:/rate?key=" + key + "&identifier=com.plexapp.plugins.library&rating=11")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void unknownKeysAndSectionsAnswer404() {
    assertThat(
            server
                .get("/:/scrobble?key=999999&identifier=com.plexapp.plugins.library")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.get("/library/sections/42/all").statusCode()).isEqualTo(404);
    assertThat(server.get("/library/metadata/999999").statusCode()).isEqualTo(404);
    assertThat(server.get("/:/scrobble?key=" + titles.get(0).ratingKey()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void scrobblingAShowMarksEveryEpisode() {
    PlexSection shows = plex.catalogue().addShowSection("TV");
    PlexTitle show = plex.catalogue().generateShow(shows, 2, 2);

    server.get("/:/scrobble?key=" + show.ratingKey() + "&identifier=com.plexapp.plugins.library");

    assertThat(plex.catalogue().episodes(show))
        .hasSize(4)
        .allMatch(e -> plex.user().state(e).viewCount() == 1);
  }

  @Test
  void discoverListsMatchesAndChangesTheWatchlist() {
    PlexCalls discover = new PlexCalls(plex.discoverUrl());
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);

    JsonNode match =
        PlexCalls.container(discover.get("/library/metadata/matches?type=1&guid=imdb://tt1000006"));
    assertThat(match.path("Metadata").get(0).path("ratingKey").asString())
        .isEqualTo(wanted.discoverKey());
    assertThat(discover.get("/library/metadata/matches?type=2&guid=imdb://tt1000006").statusCode())
        .isEqualTo(404);

    assertThat(
            discover
                .send("PUT", "/actions/addToWatchlist?ratingKey=" + wanted.discoverKey())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            discover
                .send("PUT", "/actions/addToWatchlist?ratingKey=" + wanted.discoverKey())
                .statusCode())
        .isEqualTo(200);
    JsonNode list =
        PlexCalls.container(discover.get("/library/sections/watchlist/all?includeGuids=1"));
    assertThat(list.path("totalSize").asInt()).isEqualTo(1);
    assertThat(list.path("Metadata").get(0).has("Guid")).isFalse();
    JsonNode details =
        PlexCalls.container(discover.get("/library/metadata/" + wanted.discoverKey()));
    assertThat(details.path("Metadata").get(0).path("Guid").size()).isEqualTo(2);

    discover.send("PUT", "/actions/removeFromWatchlist?ratingKey=" + wanted.discoverKey());
    assertThat(plex.user().watchlist()).isEmpty();
    assertThat(discover.send("PUT", "/actions/addToWatchlist?ratingKey=ffff").statusCode())
        .isEqualTo(404);
  }

  @Test
  void plexTvAndDiscoverAnswer429WhenCalledTooFast() {
    plex.close();
    plex = FakePlex.builder().clock(time).accountMinInterval(Duration.ofSeconds(3)).build().start();
    PlexCalls plexTv = new PlexCalls(plex.plexTvUrl());

    assertThat(plexTv.get("/api/v2/user").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = plexTv.get("/api/v2/user");
    time.advance(Duration.ofSeconds(3));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    assertThat(plexTv.get("/api/v2/user").statusCode()).isEqualTo(200);
  }

  @Test
  void pinsNeedAClientIdAndHandOutTheTokenOnceApproved() {
    PlexCalls plexTv = new PlexCalls(plex.plexTvUrl());
    plexTv.headers.remove("X-Plex-Token");

    JsonNode pin = PlexJson.MAPPER.readTree(plexTv.send("POST", "/api/v2/pins?strong=true").body());
    long id = pin.path("id").asLong();
    assertThat(pin.path("authToken").isNull()).isTrue();
    assertThat(plex.approvePin(id, "granted")).isTrue();
    assertThat(
            PlexJson.MAPPER
                .readTree(plexTv.get("/api/v2/pins/" + id).body())
                .path("authToken")
                .asString())
        .isEqualTo("granted");

    plexTv.headers.remove("X-Plex-Client-Identifier");
    assertThat(plexTv.send("POST", "/api/v2/pins").statusCode()).isEqualTo(400);
    assertThat(plexTv.get("/api/v2/pins/1").statusCode()).isEqualTo(404);
  }

  @Test
  void faultsAndLogsAreKeptPerServer() {
    plex.faults().failNext(1, 503);

    assertThat(server.get("/library/sections").statusCode()).isEqualTo(503);
    assertThat(
            new PlexCalls(plex.discoverUrl()).get("/library/sections/watchlist/all").statusCode())
        .isEqualTo(200);
    assertThat(plex.count("GET /library/sections")).isEqualTo(1);
    assertThat(plex.discoverCount("GET /library/sections/watchlist/all")).isEqualTo(1);
    assertThat(plex.plexTvRequests()).isEmpty();
  }

  @Test
  void legacyTitlesHaveAgentGuidsAndNoGuidChildren() {
    PlexSection shows = plex.catalogue().addShowSection("TV");
    PlexTitle show = plex.catalogue().generateLegacyShow(shows, 1, 1);
    PlexTitle episode = plex.catalogue().episode(show, 1, 1).orElseThrow();

    assertThat(episode.guid()).isEqualTo("com.plexapp.agents.thetvdb://300001/1/1?lang=en");
    assertThat(episode.externalGuids()).isEmpty();
    assertThat(episode.discoverKey()).isNull();
    assertThat(plex.catalogue().byDiscoverKey(titles.get(0).discoverKey())).contains(titles.get(0));
    plex.user().play(episode, T0);
    JsonNode e =
        PlexCalls.container(server.get("/library/sections/2/all?type=4&includeGuids=1"))
            .path("Metadata")
            .get(0);
    assertThat(e.path("grandparentGuid").asString()).isEqualTo(show.guid());
    assertThat(e.path("lastViewedAt").asLong()).isEqualTo(T0.getEpochSecond());
  }
}
