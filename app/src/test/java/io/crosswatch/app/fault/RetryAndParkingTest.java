package io.crosswatch.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.Status;
import io.crosswatch.core.state.ParkedItem;
import io.crosswatch.core.state.UnresolvedItem;
import io.crosswatch.testkit.FlakyProvider;
import io.crosswatch.testkit.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Write failures (README, How the safety rules work): transient ones are retried with backoff and
 * never park; permanent ones are unresolved with their reason and parked after three runs in a row.
 */
class RetryAndParkingTest {
  @TempDir Path dir;

  private static FeatureSummary watchlist(RunSummary s) {
    return s.pairs().get(0).features().get(0);
  }

  @Test
  void transientWriteFailuresAreRetriedWithBackoffAndTheRunSucceeds() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(5)) {
      run.target.failFirstWrites(3);

      RunSummary s = run.run();

      assertThat(s.exitCode()).isZero();
      assertThat(run.targetTitles()).hasSize(5);
      assertThat(run.target.injectedFailures()).isEqualTo(3);
      assertThat(watchlist(s).applied().target().add()).isEqualTo(5);
      assertThat(watchlist(s).unresolved()).isZero();
      List<Duration> backoff =
          run.sleeps.stream().filter(d -> !d.equals(Duration.ofMillis(5))).toList();
      assertThat(backoff).hasSize(3);
      assertThat(backoff.get(1)).isGreaterThan(backoff.get(0));
      assertThat(backoff.get(2)).isGreaterThan(backoff.get(1));
    }
  }

  @Test
  void aRetryAfterIsWaitedExactly() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(1)) {
      run.target.failFirstWrites(2, Duration.ofSeconds(7));

      RunSummary s = run.run();

      assertThat(s.exitCode()).isZero();
      assertThat(run.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
      assertThat(run.targetTitles()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rejected", "not found"})
  void aPermanentFailureIsUnresolvedWithItsReasonAndTheRestArrives(String kind) throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(5)) {
      failPermanently(run.target, kind, 3);

      RunSummary s = run.run();

      assertThat(s.exitCode()).isEqualTo(3);
      assertThat(run.targetTitles())
          .containsExactlyInAnyOrder("Movie 1", "Movie 2", "Movie 4", "Movie 5");
      assertThat(watchlist(s).unresolved()).isEqualTo(1);
      assertThat(s.totals().unresolved()).isEqualTo(1);
      List<UnresolvedItem> unresolved = run.store().unresolved("p");
      assertThat(unresolved)
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.item().title()).isEqualTo("Movie 3");
                assertThat(u.reason())
                    .isEqualTo(
                        kind.equals("rejected")
                            ? "rejected: injected permanent failure"
                            : "not_found");
              });
      assertThat(run.store().allParked("p")).isEmpty();
    }
  }

  @Test
  void aPermanentFailureThreeRunsInARowParksTheItem() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(3)) {
      failPermanently(run.target, "rejected", 2);

      assertThat(run.run().exitCode()).isEqualTo(3);
      assertThat(run.run().exitCode()).isEqualTo(3);
      assertThat(run.store().allParked("p")).as("not after two runs").isEmpty();
      RunSummary third = run.run();

      assertThat(third.exitCode()).isEqualTo(3);
      List<ParkedItem> parked = run.store().allParked("p");
      assertThat(parked)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.item().title()).isEqualTo("Movie 2");
                assertThat(p.reason()).contains("rejected");
                assertThat(p.until()).isAfter(InMemoryRun.NOW.plus(Duration.ofDays(29)));
              });

      int addsBefore = run.target.calls(Operation.ADD).size();
      RunSummary fourth = run.run();

      assertThat(fourth.exitCode()).as("a parked item counts as blocked").isEqualTo(3);
      assertThat(watchlist(fourth).blocked()).isEqualTo(1);
      assertThat(watchlist(fourth).warnings()).anyMatch(w -> w.contains("parked"));
      assertThat(run.target.calls(Operation.ADD))
          .as("a parked item is not tried")
          .hasSize(addsBefore);
    }
    CliRun listed =
        new Workspace(dir)
            .cw("state", "unresolved", "--state-dir", dir.resolve("state").toString());
    assertThat(listed.code()).isZero();
    assertThat(listed.out()).contains("Parked").contains("Movie 2").contains("rejected");
  }

  @Test
  void transientFailuresNeverParkAndTheItemStaysPlannedUntilItArrives() throws Exception {
    try (InMemoryRun run = new InMemoryRun(dir).sourceHolds(2)) {
      run.target.failWritesRandomly(1.0, 1);

      for (int i = 0; i < 4; i++) {
        RunSummary s = run.run();
        assertThat(s.exitCode()).as("run %d", i + 1).isEqualTo(1);
        assertThat(watchlist(s).planned().target().add()).isEqualTo(2);
        assertThat(watchlist(s).status()).isEqualTo(Status.FAILED);
        assertThat(watchlist(s).warnings()).anyMatch(w -> w.contains("injected transient"));
      }
      assertThat(run.store().allParked("p")).isEmpty();
      assertThat(run.targetTitles()).isEmpty();

      run.target.failWritesRandomly(0.0, 1);
      RunSummary recovered = run.run();

      assertThat(recovered.exitCode()).isZero();
      assertThat(run.targetTitles()).containsExactlyInAnyOrder("Movie 1", "Movie 2");
      assertThat(run.store().allParked("p")).isEmpty();
      assertThat(run.store().unresolved("p")).isEmpty();
    }
  }

  /** Makes writes of movie {@code n} fail permanently on the target: rejected or not found. */
  private static void failPermanently(FlakyProvider target, String kind, int n) {
    Set<String> key = Set.of(ItemKeys.titleKey(InMemoryRun.movie(n)));
    if (kind.equals("rejected")) {
      target.failItems(key);
    } else {
      target.notFoundItems(key);
    }
  }
}
