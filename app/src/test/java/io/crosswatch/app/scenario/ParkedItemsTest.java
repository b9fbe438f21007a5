package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Item;
import io.crosswatch.testkit.FlakyProvider;
import io.crosswatch.testkit.Operation;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parked items (README, How the safety rules work) through the CLI: an item whose write fails
 * permanently 3 runs in a row is parked — listed by {@code cw state unresolved}, not retried,
 * counted as blocked with a warning — until {@code cw state clear-unresolved}. The target {@code
 * FILE:b} rejects movie 2 (see {@link RejectingFileFactory}: FILE itself rejects nothing a valid
 * document can hold).
 */
class ParkedItemsTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private final RejectingFileFactory files = new RejectingFileFactory().reject(2);

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir).providers(files::registry);
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED), listed(3, LISTED)));
  }

  private CliRun state(String command) {
    return ws.cw("state", command, "--state-dir", ws.stateDir().toString());
  }

  private void failThreeRunsInARow() {
    for (int run = 1; run <= 3; run++) {
      CliRun r = ws.runThenWaitADay();
      assertThat(r.code()).as("run %d: %s", run, r).isEqualTo(3);
      assertThat(r.feature("watchlist").get("unresolved").asInt()).isEqualTo(1);
      assertThat(triedMovie2(files.latestTarget())).as("run %d tries movie 2", run).isTrue();
      String listed = state("unresolved").out();
      assertThat(listed).as("run %d", run).contains("Unresolved:", "Movie 2", "rejected");
      if (run < 3) {
        assertThat(listed).as("not parked after %d runs", run).doesNotContain("Parked");
      } else {
        assertThat(listed).as("parked after 3 runs").contains("Parked");
      }
    }
  }

  private static boolean triedMovie2(FlakyProvider target) {
    return target.calls(Operation.ADD).stream()
        .flatMap(call -> call.items().stream())
        .map(Item::title)
        .anyMatch(title(2)::equals);
  }

  @Test
  void anItemFailingThreeRunsInARowIsParkedAndNotRetried() {
    failThreeRunsInARow();
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(1), title(3));

    CliRun fourth = ws.run();

    assertThat(fourth.code()).as(fourth.toString()).isEqualTo(3);
    assertThat(triedMovie2(files.latestTarget())).as("a parked item is not retried").isFalse();
    assertThat(fourth.feature("watchlist").get("blocked").asInt()).isEqualTo(1);
    assertThat(fourth.summary().get("totals").get("blocked").asInt()).isEqualTo(1);
    assertThat(fourth.warnings("watchlist"))
        .contains("1 parked items not retried")
        .contains("cw state clear-unresolved");
    assertThat(state("unresolved").out()).contains("Parked", "Movie 2");
  }

  @Test
  void clearUnresolvedMakesTheNextRunTryAParkedItemAgain() {
    failThreeRunsInARow();
    files.acceptAll(); // e.g. the service was fixed

    CliRun cleared = state("clear-unresolved");
    CliRun r = ws.run();

    assertThat(cleared.code()).as(cleared.toString()).isZero();
    assertThat(cleared.out()).contains("1 parked");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(triedMovie2(files.latestTarget())).isTrue();
    assertThat(r.feature("watchlist").get("blocked").asInt()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(1), title(3), title(2));
    assertThat(state("unresolved").out()).contains("No unresolved or parked items.");
  }
}
