package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Tombstone;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPlannerTest {
  static final Item MATRIX = movie("The Matrix", "tt0133093", 603);
  static final Item ALIEN = movie("Alien", "tt0078748", 348);
  static final Item HEAT = movie("Heat", "tt0113277", 949);
  static final long MIN = 60_000;

  static Item at(Item title, long minutes, String pausedAt) {
    return title.withProgress(minutes * MIN, 120 * MIN, Instant.parse(pausedAt));
  }

  static Plan plan(
      SyncMode mode,
      FeatureSettings s,
      List<Item> a,
      List<Item> b,
      Baseline baseA,
      Baseline baseB,
      List<Tombstone> tombstones,
      List<Item> playsA,
      List<Item> playsB) {
    return Planner.plan(
        new PlanInput(
            Feature.PROGRESS,
            mode,
            s,
            SYNC,
            a,
            b,
            baseA,
            baseB,
            tombstones,
            NOW,
            new PlanHints(false, false, playsA, playsB, true)));
  }

  static Plan oneWay(List<Item> a, List<Item> b) {
    return plan(SyncMode.ONE_WAY, ADD_REMOVE, a, b, null, null, List.of(), List.of(), List.of());
  }

  @Test
  void aResumePointTheTargetLacksIsAdded() {
    Item point = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Plan plan = oneWay(List.of(point), List.of());
    assertThat(plan.target().adds()).containsExactly(point);
    assertThat(plan.decisions()).anyMatch(d -> d.contains("The Matrix") && d.contains("add"));
  }

  @Test
  void positionsUnderAMinuteAndAtOrPast95PercentAreNotProgress() {
    Item started = MATRIX.withProgress(59_999L, 120 * MIN, Instant.parse("2026-05-30T20:00:00Z"));
    Item finished = ALIEN.withProgress(114 * MIN, 120 * MIN, Instant.parse("2026-05-30T20:00:00Z"));
    Item nearlyFinished =
        HEAT.withProgress(114 * MIN - 1, 120 * MIN, Instant.parse("2026-05-30T20:00:00Z"));
    Plan plan = oneWay(List.of(started, finished, nearlyFinished), List.of());
    assertThat(plan.target().adds()).containsExactly(nearlyFinished);
  }

  @Test
  void anOlderPointOnTheTargetIsUpdatedOnlyWhenThePositionsDifferByMoreThan30Seconds() {
    Item source = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Item olderFar = at(MATRIX, 10, "2026-05-20T20:00:00Z");
    Item olderNear =
        MATRIX.withProgress(40 * MIN - 30_000, 120 * MIN, Instant.parse("2026-05-20T20:00:00Z"));
    Plan far = oneWay(List.of(source), List.of(olderFar));
    assertThat(far.target().updates()).hasSize(1);
    assertThat(far.target().updates().get(0).progressMs()).isEqualTo(40 * MIN);
    assertThat(far.target().updates().get(0).pausedAt()).isEqualTo(source.pausedAt());
    assertThat(oneWay(List.of(source), List.of(olderNear)).isEmpty()).isTrue();
  }

  @Test
  void aNewerPointOnTheTargetIsNotOverwrittenOneWay() {
    Plan plan =
        oneWay(
            List.of(at(MATRIX, 40, "2026-05-30T20:00:00Z")),
            List.of(at(MATRIX, 10, "2026-05-31T20:00:00Z")));
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void noPointIsWrittenWhereTheOtherSidePlayedTheTitleAtOrAfterThePause() {
    Item point = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Plan finishedSince =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(point),
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(play(MATRIX, "2026-05-30T20:00:00Z")));
    assertThat(finishedSince.isEmpty()).isTrue();
    assertThat(finishedSince.decisions()).anyMatch(d -> d.contains("finished since"));
    Plan playedBefore =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(point),
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(play(MATRIX, "2026-05-01T20:00:00Z")));
    assertThat(playedBefore.target().adds()).containsExactly(point);
  }

  @Test
  void twoWayTheNewerPauseWinsOnEitherSide() {
    Item a = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Item b = at(MATRIX, 70, "2026-05-31T08:00:00Z");
    Plan plan =
        plan(
            SyncMode.TWO_WAY,
            ADD_REMOVE,
            List.of(a),
            List.of(b),
            null,
            null,
            List.of(),
            List.of(),
            List.of());
    assertThat(plan.target().isEmpty()).isTrue();
    assertThat(plan.source().updates()).hasSize(1);
    assertThat(plan.source().updates().get(0).progressMs()).isEqualTo(70 * MIN);
  }

  @Test
  void aPointClearedOnTheSourceSinceTheLastRunIsClearedOnTheTargetWhenRemoveIsOn() {
    Item before = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Plan on =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(),
            List.of(before),
            baseline(before),
            baseline(before),
            List.of(),
            List.of(),
            List.of());
    assertThat(on.target().removes()).containsExactly(before);
    assertThat(on.deletedOnSource()).containsExactly(before);
    Plan off =
        plan(
            SyncMode.ONE_WAY,
            ADD_ONLY,
            List.of(),
            List.of(before),
            baseline(before),
            baseline(before),
            List.of(),
            List.of(),
            List.of());
    assertThat(off.target().isEmpty()).isTrue();
  }

  @Test
  void twoWayAClearOnOneSideClearsTheOtherAndIsNotUndone() {
    Item before = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Plan plan =
        plan(
            SyncMode.TWO_WAY,
            ADD_REMOVE,
            List.of(before),
            List.of(),
            baseline(before),
            baseline(before),
            List.of(),
            List.of(),
            List.of());
    assertThat(plan.source().removes()).containsExactly(before);
    assertThat(plan.target().adds()).isEmpty();
    assertThat(plan.deletedOnTarget()).containsExactly(before);
  }

  @Test
  void aTombstonedPointIsNotWrittenAgainUnlessPausedAfterTheClear() {
    Item old = at(MATRIX, 40, "2026-05-30T20:00:00Z");
    Tombstone cleared = tombstone(old, Instant.parse("2026-05-31T00:00:00Z"));
    Plan blocked =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(old),
            List.of(),
            null,
            null,
            List.of(cleared),
            List.of(),
            List.of());
    assertThat(blocked.isEmpty()).isTrue();
    Item again = at(MATRIX, 50, "2026-05-31T10:00:00Z");
    Plan resumed =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(again),
            List.of(),
            null,
            null,
            List.of(cleared),
            List.of(),
            List.of());
    assertThat(resumed.target().adds()).containsExactly(again);
  }

  @Test
  void writesAreOrderedNewestPauseFirst() {
    Item older = at(MATRIX, 40, "2026-05-01T20:00:00Z");
    Item newest = at(ALIEN, 40, "2026-05-30T20:00:00Z");
    Item middle = at(HEAT, 40, "2026-05-15T20:00:00Z");
    Plan plan = oneWay(List.of(older, newest, middle), List.of());
    assertThat(plan.target().adds()).containsExactly(newest, middle, older);
  }
}
