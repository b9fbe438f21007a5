package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cw state reset} and {@code cw state clear-unresolved} end to end (README, How the safety
 * rules work, and Commands): a reset pair starts over like a first run; clearing empties the
 * unresolved list.
 */
class StateCommandsTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
  }

  private CliRun state(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "state";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--state-dir";
    all[args.length + 2] = ws.stateDir().toString();
    return ws.cw(all);
  }

  @Test
  void afterAResetTheNextRunIsAFirstRunUnionWithoutRemovals() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    ws.write("b.json", doc("watchlist", listed(2, LISTED))); // movie 1 removed from B

    CliRun reset = state("reset", "--pair", "p");
    CliRun r = ws.run();

    assertThat(reset.code()).as(reset.toString()).isZero();
    assertThat(reset.out()).contains("Reset pair p");
    assertThat(reset.err()).isEmpty();
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.nonZeroPlanned()).containsExactly("watchlist.target.add=1");
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
  }

  @Test
  void withoutAResetTheSameChangeIsARemoval() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    ws.write("b.json", doc("watchlist", listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.nonZeroPlanned()).containsExactly("watchlist.source.remove=1");
  }

  @Test
  void clearUnresolvedEmptiesTheUnresolvedList() {
    ws.write(
        "a.json",
        doc(
            "watchlist",
            listed(2, LISTED),
            Docs.item("Mystery", 1990, "{}", "\"listed_at\": \"" + LISTED + "\"")));
    CliRun r = ws.run();
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(state("unresolved").out()).contains("Mystery").contains("no_ids");

    CliRun cleared = state("clear-unresolved");

    assertThat(cleared.code()).as(cleared.toString()).isZero();
    assertThat(cleared.out()).contains("Cleared 1 unresolved");
    assertThat(state("unresolved").out()).contains("No unresolved or parked items.");
  }

  @Test
  void resettingAPairThatIsNeitherConfiguredNorInTheStateWarnsAndSucceeds() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.run();

    CliRun r = ws.cw("state", "reset", "--pair", "typo", "--config", ws.config().toString());

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 rows removed");
    assertThat(r.err())
        .contains("no state for pair typo; nothing to reset (check the pair id: it is not in the");
  }

  @Test
  void resettingWithAStateDirAndNoReadableConfigStillSucceedsWithAPlainWarning() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.run();
    ws.write("broken.json", "{\"pairs\": 7}");

    CliRun r =
        ws.cw(
            "state",
            "reset",
            "--pair",
            "typo",
            "--state-dir",
            ws.stateDir().toString(),
            "--config",
            ws.path("broken.json").toString());

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 rows removed");
    assertThat(r.err())
        .contains("warning: no state for pair typo; nothing to reset")
        .doesNotContain("it is not in the config");
  }

  @Test
  void resettingAConfiguredPairWithoutStateDoesNotWarn() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.run();
    state("reset", "--pair", "p");

    CliRun r = ws.cw("state", "reset", "--pair", "p", "--config", ws.config().toString());

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 rows removed");
    assertThat(r.err()).isEmpty();
  }
}
