package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged FILE documents or state, or a held lock, end with exit 1, touching nothing. */
class DamagedInputTest {
  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
  }

  @Test
  void anInvalidSourceFileFailsTheRunNamingLineAndColumnAndIsLeftAlone() {
    ws.write("a.json", "{\"watchlist\": [\n  {\"type\": \"movie\", \"title\": \"X\",, }\n]}\n");
    ws.write("b.json", doc("watchlist", listed(1, Workspace.START)));
    byte[] a = ws.bytes("a.json");
    Workspace.Fingerprint b = ws.fingerprint("b.json");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.summary().get("exit_code").asInt()).isEqualTo(1);
    assertThat(r.summary().get("pairs").get(0).get("status").asString()).isEqualTo("failed");
    assertThat(r.summary().get("pairs").get(0).get("reason").asString())
        .contains("a.json")
        .contains("line 2")
        .contains("column");
    assertThat(r.err()).contains("a.json").contains("line 2").contains("column");
    assertThat(ws.bytes("a.json")).isEqualTo(a);
    assertThat(ws.fingerprint("b.json")).isEqualTo(b);
  }

  @Test
  void anInvalidTargetFileIsNeverReplaced() {
    ws.write("a.json", doc("watchlist", listed(1, Workspace.START)));
    ws.write("b.json", "{\"watchlist\": [}");
    byte[] b = ws.bytes("b.json");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("b.json").contains("line 1").contains("column");
    assertThat(ws.bytes("b.json")).isEqualTo(b);
  }

  @Test
  void aDamagedStateDatabaseIsReportedByNameAndLeftAsItIs() throws Exception {
    ws.write("a.json", doc("watchlist", listed(1, Workspace.START)));
    Files.createDirectories(ws.stateDir());
    byte[] garbage = new byte[8192];
    new Random(42).nextBytes(garbage);
    Path db = ws.stateDir().resolve("state.db");
    Files.write(db, garbage);

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains(db.toString()).contains("damaged");
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(r.summary().get("exit_code").asInt()).isEqualTo(1);
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
    assertThat(ws.path("b.json")).doesNotExist();
  }

  @Test
  void aSecondRunWhileTheLockIsHeldExits1SayingSo() {
    ws.write("a.json", doc("watchlist", listed(1, Workspace.START)));

    CliRun r;
    try (StateLock lock = StateLock.acquire(ws.stateDir())) {
      r = ws.run();
    }

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).containsIgnoringCase("lock");
    assertThat(r.summary().get("exit_code").asInt()).isEqualTo(1);
    assertThat(ws.path("b.json")).doesNotExist();
    assertThat(ws.run().code()).as("the lock is free again").isZero();
  }
}
