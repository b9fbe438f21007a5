package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code cw export} then an IMPORT of the written file: every item the format can carry comes back
 * with what the format holds (IMDb and Letterboxd keep days, not times; Letterboxd holds films).
 */
class ExportImportRoundTripTest {
  private static final Instant DAY = Instant.parse("2026-01-10T00:00:00Z");
  private static final String SHOW =
      "{\"type\": \"show\", \"title\": \"Show, The\", \"year\": 2008, \"ids\": {\"imdb\":"
          + " \"tt0903747\", \"tmdb\": 1396}, ";
  private static final String EPISODE =
      "{\"type\": \"episode\", \"title\": \"Pilot\", \"show\": {\"title\": \"Show, The\", \"year\":"
          + " 2008, \"ids\": {\"tvdb\": 81189}}, \"season\": 1, \"number\": 1, \"ids\": {\"tvdb\":"
          + " 349232}, ";

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.write(
        "a.json",
        Docs.doc()
            .with(
                "watchlist",
                listed(1, DAY),
                SHOW + "\"listed_at\": \"" + DAY.plusSeconds(86_400) + "\"}",
                EPISODE + "\"listed_at\": \"" + DAY + "\"}")
            .with(
                "history",
                played(5, DAY),
                played(5, DAY.plusSeconds(3 * 86_400)),
                EPISODE + "\"watched_at\": \"" + DAY + "\"}")
            .with(
                "ratings",
                rated(3, 7, DAY),
                SHOW + "\"rating\": 8, \"rated_at\": \"" + DAY + "\"}",
                rated(6, 10, DAY))
            .json());
  }

  /** Exports FILE:default's feature, imports the result through IMPORT into b.json. */
  private List<String> roundTrip(String feature, String format, String importFormat) {
    String file = "export-" + feature + (format.equals("json") ? ".json" : ".csv");
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},"
            + " \"file\": {\"path\": \"a.json\", \"instances\": {\"b\": {\"path\": \"b.json\"}}},"
            + " \"imports\": {\"path\": \""
            + file
            + "\", \"format\": \""
            + importFormat
            + "\"},"
            + " \"pairs\": [{\"id\": \"back\", \"source\": \"IMPORT\", \"target\": \"FILE\","
            + " \"target_instance\": \"b\", \"features\": {\""
            + feature
            + "\": {\"enable\": true, \"add\": true, \"rewatches\": true}}}]}");
    CliRun export =
        ws.cw(
            "export",
            "--config",
            ws.config().toString(),
            "--from",
            "FILE",
            "--feature",
            feature,
            "--format",
            format,
            "--out",
            ws.path(file).toString());
    assertThat(export.code()).as(export.toString()).isIn(0, 3);
    CliRun imported = ws.run();
    assertThat(imported.code()).as(imported.toString()).isZero();
    return ws.items("b.json", feature).stream()
        .map(ExportImportRoundTripTest::key)
        .sorted()
        .toList();
  }

  /** The source's items the format carries, as keys; IMDb lists carry no tmdb id. */
  private List<String> source(String feature, Predicate<JsonNode> carried, boolean withTmdb) {
    return ws.items("a.json", feature).stream()
        .filter(carried)
        .map(
            i -> {
              JsonNode copy = i.deepCopy();
              if (!withTmdb) {
                ((tools.jackson.databind.node.ObjectNode) copy.get("ids")).remove("tmdb");
              }
              return key(copy);
            })
        .sorted()
        .toList();
  }

  /** What identifies an item and what a feature keeps of it. */
  private static String key(JsonNode i) {
    return String.join(
        "|",
        i.path("type").asString(""),
        i.path("title").asString(""),
        i.path("year").asString(""),
        i.path("ids").path("imdb").asString(""),
        i.path("ids").path("tmdb").asString(""),
        i.path("season").asString(""),
        i.path("number").asString(""),
        i.path("listed_at").asString(""),
        i.path("watched_at").asString(""),
        i.path("rating").asString(""),
        i.path("rated_at").asString(""));
  }

  private static boolean movie(JsonNode i) {
    return i.path("type").asString("").equals("movie");
  }

  private static boolean movieOrShow(JsonNode i) {
    return movie(i) || i.path("type").asString("").equals("show");
  }

  @Test
  void jsonKeepsEveryItemOfEveryFeature() {
    for (String feature : List.of("watchlist", "history", "ratings")) {
      assertThat(roundTrip(feature, "json", "crosswatch"))
          .as(feature)
          .isEqualTo(source(feature, i -> true, true));
    }
  }

  @Test
  void imdbKeepsMoviesAndShowsOfTheWatchlistAndRatings() {
    assertThat(roundTrip("watchlist", "imdb", "imdb"))
        .isEqualTo(source("watchlist", ExportImportRoundTripTest::movieOrShow, false));
    assertThat(roundTrip("ratings", "imdb", "imdb"))
        .isEqualTo(source("ratings", ExportImportRoundTripTest::movieOrShow, false));
  }

  @Test
  void letterboxdKeepsFilmsOfEveryFeatureWithTheirIdsAndHalfStarRatings() {
    for (String feature : List.of("watchlist", "history", "ratings")) {
      assertThat(roundTrip(feature, "letterboxd", "letterboxd"))
          .as(feature)
          .isEqualTo(source(feature, ExportImportRoundTripTest::movie, true));
    }
  }

  @Test
  void imdbCannotHoldHistory() {
    CliRun export =
        ws.cw(
            "export",
            "--from",
            "FILE",
            "--feature",
            "history",
            "--format",
            "imdb",
            "--out",
            ws.path("x.csv").toString());

    assertThat(export.code()).isEqualTo(2);
    assertThat(export.err()).contains("IMDb lists hold no watch history");
  }
}
