package io.crosswatch.testkit.fake.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeMediaBrowserPlaylistsAndProgressTest {
  private static final String JELLYFIN_AUTH =
      "MediaBrowser Client=\"t\", Device=\"t\", DeviceId=\"d1\", Version=\"1\", Token=\""
          + FakeMediaBrowserServer.ACCESS_TOKEN
          + "\"";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeMediaBrowserServer server;
  private List<MbItem> movies;

  @AfterEach
  void stop() {
    server.close();
  }

  private void start(ServerDialect dialect) {
    server = FakeMediaBrowserServer.builder(dialect).build().start();
    movies = server.library().generateMovies(4);
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(5))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (server.dialect() == ServerDialect.JELLYFIN) {
      b.header("Authorization", JELLYFIN_AUTH);
    } else {
      b.header("X-Emby-Token", FakeMediaBrowserServer.ACCESS_TOKEN);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    return MbJson.MAPPER.readTree(r.body());
  }

  private String uid() {
    return server.user().id();
  }

  @Test
  void jellyfinCreatesAddsMovesAndRemovesPlaylistEntriesByTheirItemIds() {
    start(ServerDialect.JELLYFIN);
    String create =
        "{\"Name\":\"Road trip\",\"Ids\":[\""
            + movies.get(0).id()
            + "\"],\"UserId\":\""
            + uid()
            + "\",\"MediaType\":\"Video\"}";

    String id = json(send("POST", "/Playlists", create)).get("Id").asString();
    send(
        "POST",
        "/Playlists/"
            + id
            + "/Items?ids="
            + movies.get(1).id()
            + ","
            + movies.get(2).id()
            + "&userId="
            + uid(),
        null);
    HttpResponse<String> moved =
        send("POST", "/Playlists/" + id + "/Items/" + movies.get(2).id() + "/Move/0", null);
    send("DELETE", "/Playlists/" + id + "/Items?entryIds=" + movies.get(0).id(), null);
    JsonNode items = json(send("GET", "/Playlists/" + id + "/Items?userId=" + uid(), null));
    JsonNode listed =
        json(
            send(
                "GET",
                "/Items?userId=" + uid() + "&Recursive=true&IncludeItemTypes=Playlist",
                null));

    assertThat(moved.statusCode()).isEqualTo(204);
    assertThat(items.get("Items"))
        .extracting(i -> i.get("Id").asString())
        .containsExactly(movies.get(2).id(), movies.get(1).id());
    assertThat(items.at("/Items/0/PlaylistItemId").asString()).isEqualTo(movies.get(2).id());
    assertThat(listed.at("/Items/0/Name").asString()).isEqualTo("Road trip");
  }

  @Test
  void embyGivesEachEntryItsOwnIdForRemovingAndMoving() {
    start(ServerDialect.EMBY);
    String id =
        json(send(
                "POST",
                "/Playlists?Name=Road%20trip&Ids="
                    + movies.get(0).id()
                    + ","
                    + movies.get(1).id()
                    + "&MediaType=Video&UserId="
                    + uid(),
                null))
            .get("Id")
            .asString();
    JsonNode before = json(send("GET", "/Playlists/" + id + "/Items?UserId=" + uid(), null));
    String firstEntry = before.at("/Items/0/PlaylistItemId").asString();
    String secondEntry = before.at("/Items/1/PlaylistItemId").asString();

    send("POST", "/Playlists/" + id + "/Items/" + secondEntry + "/Move/0", null);
    send("DELETE", "/Playlists/" + id + "/Items?EntryIds=" + firstEntry, null);

    assertThat(firstEntry).isNotEqualTo(movies.get(0).id());
    assertThat(server.user().playlistNamed("Road trip").orElseThrow().itemIds())
        .containsExactly(movies.get(1).id());
  }

  @Test
  void resumePositionsAreTicksWithTheRunTimeAndResumableItemsCanBeFiltered() {
    start(ServerDialect.JELLYFIN);
    server
        .user()
        .setPosition(movies.get(1), 36_000_000_000L, Instant.parse("2025-03-01T10:00:00Z"));

    JsonNode resumable =
        json(send("GET", "/Items?userId=" + uid() + "&Recursive=true&Filters=IsResumable", null));

    assertThat(resumable.get("Items")).hasSize(1);
    JsonNode item = resumable.at("/Items/0");
    assertThat(item.get("RunTimeTicks").asLong()).isEqualTo(72_000_000_000L);
    assertThat(item.at("/UserData/PlaybackPositionTicks").asLong()).isEqualTo(36_000_000_000L);
    assertThat(item.at("/UserData/PlayedPercentage").asDouble()).isEqualTo(50.0);
    assertThat(item.at("/UserData/LastPlayedDate").asString()).startsWith("2025-03-01T10:00:00");
  }

  @Test
  void userDataWritesSetOrClearThePositionAndMarkingPlayedClearsIt() {
    start(ServerDialect.JELLYFIN);
    MbItem movie = movies.get(0);

    send(
        "POST",
        "/UserItems/" + movie.id() + "/UserData?userId=" + uid(),
        "{\"PlaybackPositionTicks\":6000000000}");
    long set = server.user().userData(movie).playbackPositionTicks();
    server.user().markPlayed(movie, Instant.parse("2025-03-02T00:00:00Z"));

    assertThat(set).isEqualTo(6_000_000_000L);
    assertThat(server.user().userData(movie).playbackPositionTicks()).isZero();
  }

  @Test
  void embyWritesThePositionThroughTheUserScopedPath() {
    start(ServerDialect.EMBY);
    MbItem movie = movies.get(0);

    HttpResponse<String> r =
        send(
            "POST",
            "/Users/" + uid() + "/Items/" + movie.id() + "/UserData",
            "{\"PlaybackPositionTicks\":1200000000}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(server.user().userData(movie).playbackPositionTicks()).isEqualTo(1_200_000_000L);
  }
}
