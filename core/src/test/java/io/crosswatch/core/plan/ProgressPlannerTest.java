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

  @Test
  void pointsWithoutAPauseTimeAreWrittenLastAndEqualPauseTimesKeepTheirOrder() {
    Item undated = MATRIX.withProgress(40 * MIN, 120 * MIN, null);
    Item first = at(ALIEN, 40, "2026-05-15T20:00:00Z");
    Item second = at(HEAT, 50, "2026-05-15T20:00:00Z");
    Item newest = at(movie("Ran", "tt0089881", 11645), 40, "2026-05-30T20:00:00Z");
    Plan plan = oneWay(List.of(undated, first, second, newest), List.of());
    assertThat(plan.target().adds()).containsExactly(newest, first, second, undated);
  }

  @Test
  void debugModsExplainEveryDecisionWordForWord() {
    Item ran = movie("Ran", "tt0089881", 11645);
    Item brazil = movie("Brazil", "tt0088846", 68);
    List<Item> source =
        List.of(
            at(MATRIX, 40, "2026-05-30T20:00:00Z"),
            at(ALIEN, 75, "2026-05-30T20:00:00Z"),
            at(HEAT, 40, "2026-05-30T20:00:00Z"),
            at(ran, 40, "2026-05-30T20:00:00Z"),
            at(brazil, 40, "2026-05-30T20:00:00Z"));
    List<Item> target =
        List.of(
            ALIEN.withProgress(10 * MIN + 5_000, 120 * MIN, Instant.parse("2026-05-20T20:00:00Z")),
            HEAT.withProgress(40 * MIN - 20_000, 120 * MIN, Instant.parse("2026-05-20T20:00:00Z")),
            at(ran, 10, "2026-05-31T20:00:00Z"));
    List<Item> targetPlays = List.of(play(brazil, "2026-05-31T08:00:00Z"));
    List<Item> none = List.of();

    Plan explained =
        plan(
            SyncMode.ONE_WAY, ADD_REMOVE, source, target, null, null, List.of(), none, targetPlays);
    assertThat(explained.decisions())
        .containsExactly(
            "progress The Matrix (2000) at 0:40:00 paused 2026-05-30T20:00:00Z: add to target",
            "progress Alien (2000) at 1:15:00 paused 2026-05-30T20:00:00Z:"
                + " update on target from 0:10:05",
            "progress Heat (2000) at 0:40:00 paused 2026-05-30T20:00:00Z:"
                + " not to target: within 30 s of its point",
            "progress Ran (2000) at 0:40:00 paused 2026-05-30T20:00:00Z:"
                + " not to target: its point is as new or newer",
            "progress Brazil (2000) at 0:40:00 paused 2026-05-30T20:00:00Z:"
                + " not to target: played there at 2026-05-31T08:00:00Z (finished since)");

    Plan quiet = withoutDebugMods(explained, source, target, targetPlays);
    assertThat(quiet.decisions()).isEmpty();
    assertThat(quiet.target().adds()).isEqualTo(explained.target().adds());
    assertThat(quiet.target().updates()).isEqualTo(explained.target().updates());
  }

  @Test
  void debugModsExplainClearsAndPointsKeptOnPurposeWordForWord() {
    Item cleared = at(MATRIX, 40, "2026-05-20T20:00:00Z");
    Item pausedAfter = at(ALIEN, 30, "2026-05-31T20:00:00Z");
    Item heat = at(HEAT, 40, "2026-05-20T20:00:00Z");
    List<Item> none = List.of();
    Baseline before = baseline(cleared, at(ALIEN, 20, "2026-05-20T20:00:00Z"));

    Plan oneWay =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            none,
            List.of(cleared, pausedAfter),
            before,
            null,
            List.of(),
            none,
            none);
    assertThat(oneWay.decisions())
        .containsExactly(
            "progress The Matrix (2000) at 0:40:00 paused 2026-05-20T20:00:00Z:"
                + " clear on target: the source cleared it",
            "progress Alien (2000) at 0:30:00 paused 2026-05-31T20:00:00Z:"
                + " kept on target: paused there after the source cleared it");

    Plan twoWay =
        plan(
            SyncMode.TWO_WAY,
            ADD_REMOVE,
            List.of(heat),
            none,
            null,
            baseline(heat),
            List.of(),
            none,
            none);
    assertThat(twoWay.decisions())
        .containsExactly(
            "progress Heat (2000) at 0:40:00 paused 2026-05-20T20:00:00Z:"
                + " clear on source: target cleared it");

    List<Tombstone> clearedOnPurpose =
        List.of(tombstone(MATRIX, Instant.parse("2026-05-31T00:00:00Z")));
    Plan tombstoned =
        plan(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            List.of(cleared),
            none,
            null,
            null,
            clearedOnPurpose,
            none,
            none);
    assertThat(tombstoned.decisions())
        .containsExactly(
            "progress The Matrix (2000) at 0:40:00 paused 2026-05-20T20:00:00Z:"
                + " not to target: cleared on purpose at 2026-05-31T00:00:00Z");
  }

  /** The same one-way plan with {@code debug_mods} off. */
  private static Plan withoutDebugMods(
      Plan explained, List<Item> source, List<Item> target, List<Item> targetPlays) {
    assertThat(explained.decisions()).isNotEmpty();
    PlanHints quiet = new PlanHints(false, false, List.of(), targetPlays, false);
    return Planner.plan(
        new PlanInput(
            Feature.PROGRESS,
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            SYNC,
            source,
            target,
            null,
            null,
            List.of(),
            NOW,
            quiet));
  }
}
