package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.item;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity (docs/architecture.md, Items and identity): titles match by any shared id of the same
 * kind, transitively over every list of the run; items without ids are unresolved ({@code no_ids})
 * unless both sides lack ids.
 */
class IdentityTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");
  private static final String TMDB_ONLY = "{\"tmdb\": 603}";
  private static final String IMDB_ONLY = "{\"imdb\": \"tt0133093\"}";
  private static final String BOTH = "{\"imdb\": \"tt0133093\", \"tmdb\": 603}";

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  private static String matrix(String ids, String fields) {
    return item("The Matrix", 1999, ids, fields);
  }

  private static String watched(Instant at) {
    return "\"watched_at\": \"" + at + "\"";
  }

  @Test
  void withoutAnItemKnowingBothIdsTmdbOnlyAndImdbOnlyAreDifferentTitles() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", matrix(TMDB_ONLY, "")));
    ws.write("b.json", doc("watchlist", matrix(IMDB_ONLY, "")));

    CliRun r = ws.run();

    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(1);
  }

  @Test
  void aPlayKnowingBothIdsBridgesTmdbOnlyAndImdbOnlyPlays() {
    ws.config(
        "",
        "\"history_match_window_sec\": 60",
        "\"mode\": \"one-way\", \"features\": {\"history\": true}");
    Instant latest = AT.plus(Duration.ofDays(3));
    ws.write(
        "a.json", doc("history", matrix(TMDB_ONLY, watched(latest)), matrix(BOTH, watched(AT))));
    ws.write("b.json", doc("history", matrix(IMDB_ONLY, watched(latest.plusSeconds(20)))));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.nonZeroPlanned()).as("B already has the latest viewing").isEmpty();
    assertThat(ws.items("b.json", "history")).hasSize(1);
  }

  @Test
  void aBaselineKnowingBothIdsBridgesTheSidesOnLaterRuns() {
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", matrix(BOTH, "\"listed_at\": \"" + AT + "\"")));
    ws.runThenWaitADay();
    assertThat(ws.titles("b.json", "watchlist")).containsExactly("The Matrix");

    ws.write("a.json", doc("watchlist", matrix(TMDB_ONLY, "\"listed_at\": \"" + AT + "\"")));
    ws.write("b.json", doc("watchlist", matrix(IMDB_ONLY, "\"listed_at\": \"" + AT + "\"")));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.nonZeroPlanned()).isEmpty();
    assertThat(ws.items("a.json", "watchlist")).hasSize(1);
    assertThat(ws.items("b.json", "watchlist")).hasSize(1);
  }

  @Test
  void anItemWithoutIdsIsUnresolvedAsNoIdsAndNotWritten() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write(
        "a.json",
        doc(
            "watchlist",
            listed(1, AT),
            item("Home Video", 2001, "{}", ""),
            item("Blank Ids", 2002, "{\"tmdb\": \"0\", \"imdb\": \"\", \"tvdb\": \"none\"}", "")));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(1));
    assertThat(r.feature("watchlist").get("unresolved").asInt()).isEqualTo(2);
    assertThat(r.summary().get("totals").get("unresolved").asInt()).isEqualTo(2);
    assertThat(r.warnings("watchlist")).contains("Home Video").contains("no_ids");
    String listed = ws.cw("state", "unresolved", "--state-dir", ws.stateDir().toString()).out();
    assertThat(listed).contains("Home Video").contains("Blank Ids").contains("no_ids");
  }

  @Test
  void itemsWithoutIdsOnBothSidesMatchByTitleAndYear() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", item("Home Video", 2001, "{}", "")));
    ws.write("b.json", doc("watchlist", item("home  video!", 2001, "{}", "")));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.nonZeroPlanned()).isEmpty();
    assertThat(r.feature("watchlist").get("unresolved").asInt()).isZero();
  }
}
