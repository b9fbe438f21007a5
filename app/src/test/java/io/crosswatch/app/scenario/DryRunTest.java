package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw plan} and {@code cw run --dry-run} list and count the plan and write nothing. */
class DryRunTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
  }

  @Test
  void planListsThePlannedItemsAndCreatesNoTargetFile() {
    ws.write("a.json", doc("watchlist", listed(1, AT), listed(2, AT)));

    CliRun r = ws.plan();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("dry run")
        .contains("+ add target watchlist: " + title(1))
        .contains("+ add target watchlist: " + title(2));
    assertThat(ws.path("b.json")).doesNotExist();
  }

  @Test
  void planAndDryRunLeaveFilesAndStateUnchanged() throws Exception {
    ws.write("a.json", doc("watchlist", listed(1, AT), listed(2, AT)));
    ws.write("b.json", doc("watchlist", listed(3, AT)));
    ws.runThenWaitADay();
    ws.write("a.json", doc("watchlist", listed(2, AT), listed(3, AT), listed(4, AT)));
    Workspace.Fingerprint a = ws.fingerprint("a.json");
    Workspace.Fingerprint b = ws.fingerprint("b.json");
    byte[] state = Files.readAllBytes(ws.stateDir().resolve("state.db"));
    String tombstones = ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out();

    CliRun plan = ws.plan();
    CliRun dryRun = ws.run("--dry-run");

    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("+ add target watchlist: " + title(4))
        .contains("− remove target watchlist: " + title(1));
    assertThat(dryRun.code()).as(dryRun.toString()).isZero();
    assertThat(dryRun.summary().get("dry_run").asBoolean()).isTrue();
    assertThat(dryRun.planned("watchlist", "target", "add")).isEqualTo(1);
    assertThat(dryRun.planned("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(dryRun.applied("watchlist", "target", "add")).isZero();
    assertThat(dryRun.applied("watchlist", "target", "remove")).isZero();
    assertThat(dryRun.summary().get("totals").get("added").asInt()).isZero();
    assertThat(ws.fingerprint("a.json")).isEqualTo(a);
    assertThat(ws.fingerprint("b.json")).isEqualTo(b);
    assertThat(Files.readAllBytes(ws.stateDir().resolve("state.db"))).isEqualTo(state);
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .isEqualTo(tombstones);

    CliRun real = ws.run();

    assertThat(real.applied("watchlist", "target", "add"))
        .as("the plan was not consumed")
        .isEqualTo(1);
    assertThat(real.applied("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(ws.titles("b.json", "watchlist"))
        .containsExactlyInAnyOrder(title(2), title(3), title(4));
  }
}
