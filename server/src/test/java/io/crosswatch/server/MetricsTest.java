package io.crosswatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} over real HTTP: runs of the command line next to the service are counted. */
class MetricsTest {
  @TempDir Path dir;
  private Served served;
  private String cookie;

  @BeforeEach
  void start() {
    served = new Served(dir, "", 3);
    cookie = served.login();
  }

  @AfterEach
  void stop() {
    served.close();
  }

  private String metrics() {
    HttpResponse<String> r = served.send("GET", "/metrics", null, "Cookie", cookie);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** Records a finished run as {@code cw run} does, in the service's state database. */
  private void commandLineRun(String id, Instant startedAt, int exitCode) {
    try (StateStore store = SqliteStateStore.open(served.stateDir)) {
      store.runStarted(id, startedAt, false, RunRecord.CLI);
      store.runFinished(id, startedAt.plusSeconds(5), exitCode, "{}");
    }
  }

  @Test
  void commandLineRunsFinishedWhileTheServiceRunsAreCountedOnceWithTriggerCli() {
    Instant now = served.clock.instant();
    commandLineRun("20260301T090000Z-0001", now.minusSeconds(3600), 0); // before the service
    commandLineRun("20260301T100100Z-0002", now.plusSeconds(60), 0);
    commandLineRun("20260301T100200Z-0003", now.plusSeconds(120), 3);

    String first = metrics();
    assertThat(first)
        .contains("crosswatch_runs_total{exit_code=\"0\",trigger=\"cli\"} 1.0")
        .contains("crosswatch_runs_total{exit_code=\"3\",trigger=\"cli\"} 1.0");

    commandLineRun("20260301T100300Z-0004", now.plusSeconds(180), 0);
    assertThat(metrics())
        .contains("crosswatch_runs_total{exit_code=\"0\",trigger=\"cli\"} 2.0")
        .contains("crosswatch_runs_total{exit_code=\"3\",trigger=\"cli\"} 1.0");
    assertThat(metrics()).contains("crosswatch_runs_total{exit_code=\"0\",trigger=\"cli\"} 2.0");
  }
}
