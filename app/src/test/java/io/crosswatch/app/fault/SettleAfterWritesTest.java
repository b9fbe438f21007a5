package io.crosswatch.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.run.RunSummary;
import io.crosswatch.testkit.Operation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run lets each provider bring its stored snapshots up to date once its writes are done ({@code
 * Provider.settle}): once per run, after the last write, never in a dry run.
 */
class SettleAfterWritesTest {
  @TempDir Path dir;

  @Test
  void everyProviderSettlesOnceAfterTheLastWriteOfTheRun() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(5)) {
      List<Integer> settledBeforeWrite = new ArrayList<>();
      run.target.afterEachWrite(
          (op, feature, items, result) ->
              settledBeforeWrite.add(run.targetStore.calls(Operation.SETTLE)));

      RunSummary s = run.run();

      assertThat(s.exitCode()).isZero();
      assertThat(settledBeforeWrite).hasSize(3).containsOnly(0);
      assertThat(run.targetStore.calls(Operation.SETTLE)).isEqualTo(1);
      assertThat(run.source.calls(Operation.SETTLE)).isEqualTo(1);
      assertThat(run.progress)
          .containsSubsequence(
              "updating the snapshot cache of TRAKT:default 0/2",
              "updating the snapshot cache of SIMKL:default 1/2",
              "updating snapshot caches 2/2");
    }
  }

  @Test
  void aDryRunNeverSettles() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(5)) {
      RunSummary s = run.plan();

      assertThat(s.dryRun()).isTrue();
      assertThat(run.targetStore.calls(Operation.SETTLE)).isZero();
      assertThat(run.source.calls(Operation.SETTLE)).isZero();
      assertThat(run.targetTitles()).isEmpty();
    }
  }

  @Test
  void aProviderWhoseSettleThrowsDoesNotFailTheRun() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(2)) {
      run.target.failSettle(new IllegalStateException("cache folder vanished"));

      RunSummary s = run.run();

      assertThat(s.exitCode()).isZero();
      assertThat(run.targetTitles()).hasSize(2);
    }
  }
}
