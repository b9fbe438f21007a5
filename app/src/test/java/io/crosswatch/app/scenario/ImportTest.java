package io.crosswatch.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An export file as a pair's source: Letterboxd titles (no ids) are resolved through the fake
 * Trakt's fuzzy search by the exact-title-and-year rule; an IMDb export goes into the tracker.
 */
class ImportTest {
  @TempDir Path dir;
  private final FakeTraktServer trakt = FakeTraktServer.builder().build().start();

  @AfterEach
  void stop() {
    trakt.close();
  }

  @Test
  void letterboxdTitlesAreResolvedThroughTraktsSearchAndTheRestReportedUnresolved() {
    trakt.catalogue().addMovie("Alien", 1979, 1L, "tt0078748", 348L);
    trakt.catalogue().addMovie("Aliens", 1986, 2L, "tt0090605", 679L);
    trakt.catalogue().addMovie("Solaris", 1972, 3L, "tt0069293", 593L);
    trakt.catalogue().addMovie("Solaris", 1972, 4L, "tt9999999", 9999L);
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "watchlist.csv",
        "\uFEFFDate,Name,Year,Letterboxd URI\r\n"
            + "2024-03-01,Alien,1979,https://boxd.it/a\r\n"
            + "2024-03-02,Solaris,1972,https://boxd.it/s\r\n"
            + "2024-03-03,Heat,1995,https://boxd.it/h\r\n");
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
            + " \"imports\": {\"path\": \"watchlist.csv\", \"format\": \"letterboxd\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"lb\", \"source\": \"IMPORT\", \"target\": \"TRAKT\","
            + " \"features\": {\"watchlist\": true}}]}\n");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(trakt.user().watchlist())
        .singleElement()
        .satisfies(e -> assertThat(e.title().imdb()).isEqualTo("tt0078748"));
    assertThat(r.warnings("watchlist"))
        .contains("Solaris (1972) cannot be matched (ambiguous_title)")
        .contains("Heat (1995) cannot be matched (not_found)");
    JsonNode feature = r.feature("watchlist");
    assertThat(feature.get("unresolved").asInt()).isEqualTo(2);
    assertThat(trakt.count("GET /search/movie")).isEqualTo(3);
  }

  @Test
  void aTitleAndYearAskedByTwoPlaysAndThreeFeaturesIsSearchedOnce() throws IOException {
    trakt.catalogue().addMovie("Alien", 1979, 1L, "tt0078748", 348L);
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    Files.createDirectories(ws.path("export"));
    ws.write(
        "export/diary.csv",
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
            + "2024-03-01,Alien,1979,https://boxd.it/a1,,,,2024-03-01\n"
            + "2024-04-01,Alien,1979,https://boxd.it/a2,,Yes,,2024-04-01\n");
    ws.write(
        "export/ratings.csv",
        "Date,Name,Year,Letterboxd URI,Rating\n2024-03-01,Alien,1979,https://boxd.it/a,4.5\n");
    ws.write(
        "export/watchlist.csv",
        "Date,Name,Year,Letterboxd URI\n2024-02-01,Alien,1979,https://boxd.it/a\n");
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
            + " \"imports\": {\"path\": \"export\", \"format\": \"letterboxd\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"lb\", \"source\": \"IMPORT\", \"target\": \"TRAKT\","
            + " \"features\": {\"watchlist\": true, \"ratings\": true,"
            + " \"history\": {\"enable\": true, \"rewatches\": true}}}]}\n");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.applied("history", "target", "add")).isEqualTo(2);
    assertThat(r.applied("ratings", "target", "add")).isEqualTo(1);
    assertThat(r.applied("watchlist", "target", "add")).isEqualTo(1);
    assertThat(trakt.count("GET /search/movie")).isEqualTo(1);
  }

  @Test
  void letterboxdTitlesAreResolvedThroughSimklsSearchWhoseFuzzyResultsDoNotConfuseThem() {
    try (FakeSimklServer simkl = FakeSimklServer.builder().build().start()) {
      List<SimklTitle> movies = simkl.catalogue().generateMovies(12); // Movie 1 … Movie 12
      Workspace ws = new Workspace(dir, Clock.systemUTC());
      ws.write(
          "watchlist.csv",
          "Date,Name,Year,Letterboxd URI\n"
              + "2024-03-01,Movie 1,"
              + movies.get(0).year()
              + ",https://boxd.it/1\n"
              + "2024-03-02,Movie 2,1899,https://boxd.it/2\n");
      ws.write(
          "config.json",
          "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
              + " \"imports\": {\"path\": \"watchlist.csv\", \"format\": \"letterboxd\"},\n"
              + " \"simkl\": {\"client_id\": \""
              + FakeSimklServer.CLIENT_ID
              + "\", \"access_token\": \""
              + FakeSimklServer.ACCESS_TOKEN
              + "\", \"base_url\": \""
              + simkl.baseUrl()
              + "\"},\n"
              + " \"pairs\": [{\"id\": \"lb\", \"source\": \"IMPORT\", \"target\": \"SIMKL\","
              + " \"features\": {\"watchlist\": true}}]}\n");

      CliRun r = ws.run();

      assertThat(r.code()).as(r.toString()).isEqualTo(3);
      assertThat(simkl.user().entries())
          .singleElement()
          .satisfies(e -> assertThat(e.title()).isEqualTo(movies.get(0)));
      assertThat(r.warnings("watchlist")).contains("Movie 2 (1899) cannot be matched (not_found)");
    }
  }

  @Test
  void anImdbRatingsExportGoesIntoTheTrackerAndAnotherRunChangesNothing() {
    Workspace ws = new Workspace(dir);
    ws.write(
        "ratings.csv",
        "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,"
            + "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"
            + "tt0133093,9,2024-03-05,The Matrix,The Matrix,url,movie,8.7,136,1999,"
            + "\"Action, Sci-Fi\",1,1999-03-31,\n"
            + "tt0000002,11,2024-03-05,Too high,x,url,movie,1,1,1999,,1,,\n");
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\"},"
            + " \"imports\": {\"path\": \"ratings.csv\", \"format\": \"imdb\"}, \"tracker\": {},"
            + " \"pairs\": [{\"id\": \"imdb\", \"source\": \"IMPORT\", \"target\": \"TRACKER\","
            + " \"features\": {\"ratings\": true}}]}");

    CliRun first = ws.run();
    CliRun second = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("ratings", "target", "add")).isEqualTo(1);
    assertThat(first.err()).contains("ratings.csv line 3: Your Rating \"11\" is not a rating 1–10");
    assertThat(second.nonZeroPlanned()).isEmpty();
  }
}
