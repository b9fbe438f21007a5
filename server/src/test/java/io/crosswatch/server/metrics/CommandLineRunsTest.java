package io.crosswatch.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the runs table's runs count as the command line's runs in the service's metrics. */
class CommandLineRunsTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final List<RunRecord> table = new ArrayList<>(); // newest first, as the store answers
  private final CommandLineRuns runs = new CommandLineRuns(() -> List.copyOf(table), START);

  private static RunRecord run(String id, int minute, Integer exit, String trigger) {
    Instant started = START.plusSeconds(60L * minute);
    return new RunRecord(
        id, started, exit == null ? null : started.plusSeconds(30), false, exit, trigger);
  }

  @Test
  void eachFinishedCommandLineRunIsReportedOnce() {
    table.add(0, run("a", 1, 0, RunRecord.CLI));
    table.add(0, run("b", 2, 3, RunRecord.CLI));

    assertThat(runs.newlyFinished()).extracting(RunRecord::runId).containsExactly("b", "a");
    assertThat(runs.newlyFinished()).isEmpty();

    table.add(0, run("c", 3, 1, RunRecord.CLI));
    assertThat(runs.newlyFinished()).extracting(RunRecord::runId).containsExactly("c");
  }

  @Test
  void theServicesOwnRunsAreLeftToItsObserver() {
    table.add(0, run("api-run", 1, 0, "api"));
    table.add(0, run("scheduled", 2, 0, "schedule"));

    assertThat(runs.newlyFinished()).isEmpty();
  }

  @Test
  void runsFinishedBeforeTheServiceStartedAreNotCounted() {
    table.add(0, run("earlier", -10, 0, RunRecord.CLI));

    assertThat(runs.newlyFinished()).isEmpty();
  }

  @Test
  void aRunningCommandLineRunIsReportedWhenItHasFinished() {
    table.add(0, run("long", 1, null, RunRecord.CLI));
    assertThat(runs.newlyFinished()).isEmpty();

    table.set(0, run("long", 1, 0, RunRecord.CLI));
    assertThat(runs.newlyFinished()).extracting(RunRecord::runId).containsExactly("long");
    assertThat(runs.newlyFinished()).isEmpty();
  }
}
