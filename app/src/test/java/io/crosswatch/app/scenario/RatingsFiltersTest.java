package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.rated;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CrossWatch's ratings filters through {@code cw run} on FILE → FILE: {@code types} and {@code
 * "mode": "from_date"} limit what is planned, {@code debug_mods} says what they held back, and the
 * held-back ratings arrive once the filter allows them.
 */
class RatingsFiltersTest {
  private static final Instant OLD = Instant.parse("2024-06-01T10:00:00Z");
  private static final Instant NEW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String EPISODE =
      "{\"type\": \"episode\", \"title\": \"Pilot\", \"show\": {\"title\": \"Show 9\", \"year\":"
          + " 2010, \"ids\": {\"tvdb\": 900009}}, \"season\": 1, \"number\": 1, \"ids\":"
          + " {\"tvdb\": 90000901}, \"rating\": 9, \"rated_at\": \""
          + NEW
          + "\"}";

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.write(
        "a.json",
        Docs.doc("ratings", rated(1, 6, OLD), rated(2, 8, NEW), rated(3, 7, null), EPISODE));
  }

  private void filter(String ratings) {
    ws.config("\"debug_mods\": true", "", "\"features\": {\"ratings\": " + ratings + "}");
  }

  @Test
  void typesAndFromDateLimitWhatIsPlannedAndDebugModsSaysWhy() {
    filter(
        "{\"enable\": true, \"add\": true, \"types\": [\"movies\"], \"mode\": \"from_date\","
            + " \"from_date\": \"2025-01-01\"}");

    CliRun first = ws.run();
    CliRun second = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(ws.titles("b.json", "ratings")).containsExactlyInAnyOrder(title(2), title(3));
    assertThat(first.planned("ratings", "target", "add")).isEqualTo(2);
    assertThat(first.feature("ratings").get("blocked").asInt()).isZero();
    String said = first.out() + first.err();
    assertThat(said)
        .contains("ratings filter p: 2 planned changes held back")
        .containsPattern(
            "held back p add target "
                + title(1)
                + ".*: rated 2024-06-01, before"
                + " ratings.from_date 2025-01-01")
        .containsPattern(
            "held back p add target Show 9 S01E01: its type episode is not in" + " ratings.types");
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
  }

  @Test
  void heldBackRatingsArriveOnceTheFilterAllowsThem() {
    filter("{\"enable\": true, \"types\": \"shows\"}");
    CliRun showsOnly = ws.run();
    filter("{\"enable\": true, \"types\": [\"all\"], \"mode\": \"only_new\"}");

    CliRun all = ws.run();

    assertThat(showsOnly.code()).as(showsOnly.toString()).isZero();
    assertThat(showsOnly.planned("ratings", "target", "add")).isZero();
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(all.err()).contains("pairs[0].features.ratings.mode: \"only_new\" is not followed");
    assertThat(ws.titles("b.json", "ratings"))
        .containsExactlyInAnyOrder(title(1), title(2), title(3), "Pilot");
  }

  @Test
  void aWrongFilterIsAnInvalidConfigNamingThePath() {
    filter(
        "{\"types\": [\"movies\", \"films\"], \"mode\": \"from_date\", \"from_date\": \"soon\"}");

    CliRun validate = ws.cw("validate", "--config", ws.config().toString());
    CliRun run = ws.run();

    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("pairs[0].features.ratings.types[1]: must be")
        .contains(
            "pairs[0].features.ratings.from_date: must be a date \"YYYY-MM-DD\", got \"soon\"");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(ws.path("b.json")).doesNotExist();
  }
}
