package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.listedRange;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run after a successful run plans nothing and rewrites no file. */
class RerunTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"one-way", "two-way"})
  void aSecondRunPlansNothingAndLeavesTheFilesAlone(String mode) {
    Workspace ws = new Workspace(dir);
    ws.config(
        "\"mode\": \""
            + mode
            + "\", \"features\": {\"watchlist\": {\"remove\": true},"
            + " \"history\": {\"remove\": true, \"rewatches\": true},"
            + " \"ratings\": {\"remove\": true}}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listedRange(1, 5, AT))
            .with("history", played(1, AT), played(1, AT.plusSeconds(7200)), played(2, AT))
            .with("ratings", rated(1, 7, AT), rated(2, 3, AT))
            .json());
    ws.write(
        "b.json",
        Docs.doc()
            .with("watchlist", listedRange(4, 8, AT))
            .with("history", played(3, AT))
            .with("ratings", rated(1, 9, AT.minusSeconds(60)), rated(4, 6, AT))
            .json());
    CliRun first = ws.runThenWaitADay();
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.nonZeroPlanned()).isNotEmpty();
    Workspace.Fingerprint a = ws.fingerprint("a.json");
    Workspace.Fingerprint b = ws.fingerprint("b.json");

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(second.summary().get("totals").properties())
        .allSatisfy(e -> assertThat(e.getValue().asInt()).as(e.getKey()).isZero());
    assertThat(ws.fingerprint("a.json")).isEqualTo(a);
    assertThat(ws.fingerprint("b.json")).isEqualTo(b);
  }
}
