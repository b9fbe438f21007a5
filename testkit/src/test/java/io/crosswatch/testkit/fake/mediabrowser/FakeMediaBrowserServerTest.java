package io.crosswatch.testkit.fake.mediabrowser;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeMediaBrowserServerTest {
  private static final String JELLYFIN_AUTH =
      "MediaBrowser Client=\"t\", Device=\"t\", DeviceId=\"d1\", Version=\"1\", Token=\""
          + FakeMediaBrowserServer.ACCESS_TOKEN
          + "\"";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeMediaBrowserServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private FakeMediaBrowserServer start(ServerDialect dialect) {
    server = FakeMediaBrowserServer.builder(dialect).pageCap(3).build().start();
    server.library().generateMovies(4);
    server.library().generateSeries(1, 1, 2);
    return server;
  }

  private HttpResponse<String> get(String pathAndQuery, String header, String value) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(5));
    if (header != null) {
      b.header(header, value);
    }
    try {
      return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
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

  private HttpResponse<String> jellyfinItems(String query) {
    return get(
        "/Items?userId=" + server.user().id() + "&Recursive=true&" + query,
        "Authorization",
        JELLYFIN_AUTH);
  }

  @Test
  void pagesAreCappedAndCountTheWholeResult() {
    start(ServerDialect.JELLYFIN);

    JsonNode page = json(jellyfinItems("IncludeItemTypes=Movie&StartIndex=3&Limit=100"));

    assertThat(page.get("TotalRecordCount").asInt()).isEqualTo(4);
    assertThat(page.get("Items")).hasSize(1);
  }

  @Test
  void misspeltItemTypesAreIgnoredAndEverythingComesBack() {
    start(ServerDialect.JELLYFIN);

    JsonNode page = json(jellyfinItems("IncludeItemTypes=Movies"));

    assertThat(page.get("TotalRecordCount").asInt()).isEqualTo(7);
  }

  @Test
  void providerIdsComeOnlyWhenAskedFor() {
    start(ServerDialect.JELLYFIN);

    JsonNode without = json(jellyfinItems("IncludeItemTypes=Movie")).get("Items").get(0);
    JsonNode with =
        json(jellyfinItems("IncludeItemTypes=Movie&Fields=ProviderIds")).get("Items").get(0);

    assertThat(without.has("ProviderIds")).isFalse();
    assertThat(with.get("ProviderIds").get("Imdb").asString()).isEqualTo("tt1000001");
  }

  @Test
  void jellyfinIgnoresAnyProviderIdEqualsButEmbyHonoursIt() {
    start(ServerDialect.JELLYFIN);
    JsonNode jf = json(jellyfinItems("IncludeItemTypes=Movie&AnyProviderIdEquals=imdb.tt1000002"));
    server.close();
    start(ServerDialect.EMBY);
    JsonNode emby =
        json(
            get(
                "/emby/Users/"
                    + server.user().id()
                    + "/Items?Recursive=true&IncludeItemTypes=Movie"
                    + "&AnyProviderIdEquals=imdb.tt1000002",
                "X-Emby-Token",
                FakeMediaBrowserServer.ACCESS_TOKEN));

    assertThat(jf.get("TotalRecordCount").asInt()).isEqualTo(4);
    assertThat(emby.get("TotalRecordCount").asInt()).isEqualTo(1);
  }

  @Test
  void jellyfinRefusesTheLegacyTokenHeader() {
    start(ServerDialect.JELLYFIN);

    HttpResponse<String> r =
        get("/System/Info", "X-Emby-Token", FakeMediaBrowserServer.ACCESS_TOKEN);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(get("/System/Info/Public", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void eachUserHasTheirOwnData() {
    start(ServerDialect.EMBY);
    MbItem movie = server.library().items().get(0);
    MbUser bob = server.addUser("bob", "pw");

    server.user().markPlayed(movie, Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(server.user().userData(movie).played()).isTrue();
    assertThat(bob.userData(movie)).isEqualTo(MbUserData.NONE);
  }

  @Test
  void markingPlayedAtAnOlderDateMovesTheDateBackAsServersDo() {
    start(ServerDialect.EMBY);
    MbItem movie = server.library().items().get(0);
    Instant later = Instant.parse("2025-01-02T00:00:00Z");

    server.user().markPlayed(movie, later);
    server.user().markPlayed(movie, later.minusSeconds(86400));

    assertThat(server.user().userData(movie).lastPlayedDate()).isEqualTo(later.minusSeconds(86400));
  }

  @Test
  void jellyfinsSavedSinceFilterSeesItemSavesButNotUserDataChanges() {
    FakeTime time = FakeTime.standard();
    server = FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(time).build().start();
    List<MbItem> movies = server.library().generateMovies(4);
    Instant added = time.instant();
    time.advance(Duration.ofHours(1));
    Instant since = time.instant();
    time.advance(Duration.ofHours(1));

    server.user().markPlayed(movies.get(0), time.instant());
    server.user().setFavorite(movies.get(1), true);
    server.user().rate(movies.get(2), 8.0);
    server.library().save(movies.get(3));

    JsonNode page = json(jellyfinItems("MinDateLastSavedForUser=" + since));
    assertThat(page.get("Items"))
        .extracting(i -> i.get("Name").asString())
        .containsExactly("Movie 4");
    assertThat(server.library().dateLastSaved(movies.get(0))).isEqualTo(added);
    assertThat(server.library().dateLastSaved(movies.get(3))).isEqualTo(time.instant());
  }

  @Test
  void jellyfinFailsTheBareSavedSinceFilterWith500() {
    start(ServerDialect.JELLYFIN);

    assertThat(jellyfinItems("MinDateLastSaved=2025-01-01T00:00:00Z").statusCode()).isEqualTo(500);
    assertThat(jellyfinItems("MinDateLastSavedForUser=yesterday").statusCode()).isEqualTo(400);
  }
}
