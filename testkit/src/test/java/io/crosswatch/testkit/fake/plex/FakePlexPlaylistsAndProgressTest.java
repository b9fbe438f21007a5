package io.crosswatch.testkit.fake.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakePlexPlaylistsAndProgressTest {
  private static final String URI =
      "server://" + FakePlex.MACHINE_ID + "/com.plexapp.plugins.library/library/metadata/";

  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexCalls server = new PlexCalls(plex.serverUrl());
  private final PlexSection movies = plex.catalogue().addMovieSection("Movies");
  private final List<PlexTitle> titles = plex.catalogue().generateMovies(movies, 4);

  @AfterEach
  void stop() {
    plex.close();
  }

  private String key(int i) {
    return titles.get(i).ratingKey();
  }

  @Test
  void createsAddsMovesAndRemovesPlaylistEntries() {
    JsonNode created =
        PlexCalls.container(
            server.send(
                "POST",
                "/playlists?type=video&title=Road%20trip&smart=0&uri="
                    + URI
                    + key(0)
                    + ","
                    + key(1)));
    String id = created.at("/Metadata/0/ratingKey").asString();
    server.send("PUT", "/playlists/" + id + "/items?uri=" + URI + key(2));
    PlexPlaylists.Playlist p = plex.user().playlists().titled("Road trip").orElseThrow();
    long first = p.entries().get(0).playlistItemId();
    long third = p.entries().get(2).playlistItemId();

    HttpResponse<String> moved =
        server.send("PUT", "/playlists/" + id + "/items/" + first + "/move?after=" + third);
    server.send("DELETE", "/playlists/" + id + "/items/" + p.entries().get(0).playlistItemId());
    JsonNode items = PlexCalls.container(server.get("/playlists/" + id + "/items"));
    JsonNode listed = PlexCalls.container(server.get("/playlists?playlistType=video"));

    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(p.titles()).containsExactly(titles.get(2), titles.get(0));
    assertThat(items.at("/Metadata/0/ratingKey").asString()).isEqualTo(key(2));
    assertThat(items.at("/Metadata/0/playlistItemID").isNumber()).isTrue();
    assertThat(listed.at("/Metadata/0/title").asString()).isEqualTo("Road trip");
    assertThat(listed.at("/Metadata/0/smart").asBoolean()).isFalse();
    assertThat(listed.at("/Metadata/0/leafCount").asInt()).isEqualTo(2);
  }

  @Test
  void smartPlaylistsAreReadButRefuseEdits() {
    PlexPlaylists.Playlist smart =
        plex.user().playlists().create("Unwatched", true, List.of(titles.get(0)), time.instant());

    HttpResponse<String> add =
        server.send("PUT", "/playlists/" + smart.ratingKey() + "/items?uri=" + URI + key(1));
    JsonNode items = PlexCalls.container(server.get("/playlists/" + smart.ratingKey() + "/items"));

    assertThat(add.statusCode()).isEqualTo(400);
    assertThat(items.get("Metadata")).hasSize(1);
    assertThat(PlexCalls.container(server.get("/playlists")).at("/Metadata/0/smart").asBoolean())
        .isTrue();
  }

  @Test
  void aStoppedTimelineSetsTheViewOffsetAndNinetyPercentCountsAsWatched() {
    server.send(
        "GET",
        "/:/timeline?ratingKey="
            + key(0)
            + "&key=/library/metadata/"
            + key(0)
            + "&identifier=com.plexapp.plugins.library&time=1800000&state=stopped&duration=7200000");
    server.send(
        "GET",
        "/:/timeline?ratingKey="
            + key(1)
            + "&key=/library/metadata/"
            + key(1)
            + "&identifier=com.plexapp.plugins.library&time=7000000&state=stopped&duration=7200000");
    JsonNode entry = PlexCalls.container(server.get("/library/metadata/" + key(0)));

    assertThat(plex.user().state(titles.get(0)).viewOffset()).isEqualTo(1_800_000L);
    assertThat(entry.at("/Metadata/0/viewOffset").asLong()).isEqualTo(1_800_000L);
    assertThat(entry.at("/Metadata/0/duration").asLong()).isEqualTo(7_200_000L);
    assertThat(plex.user().state(titles.get(1)).viewOffset()).isZero();
    assertThat(plex.user().state(titles.get(1)).viewCount()).isEqualTo(1);
  }

  @Test
  void markingUnplayedClearsTheResumePoint() {
    plex.user().stopAt(titles.get(0), 600_000L, Instant.parse("2025-01-01T00:00:00Z"));

    server.send("GET", "/:/unscrobble?key=" + key(0) + "&identifier=com.plexapp.plugins.library");

    assertThat(plex.user().state(titles.get(0)).viewOffset()).isZero();
  }
}
