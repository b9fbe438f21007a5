package io.crosswatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRecheckTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private static Item movie(int n) {
    return Item.movie("Movie " + n, 2000 + n, Ids.of(IdKind.IMDB, "tt000000" + n));
  }

  private static Plan targetPlan(List<Item> adds, List<Item> removes, List<Item> updates) {
    return new Plan(
        SidePlan.EMPTY, new SidePlan(adds, removes, updates), List.of(), List.of(), List.of());
  }

  @Test
  void anAddTheTargetAlreadyHoldsIsDoneAndOneTheSourceDroppedIsSkipped() {
    Plan stored = targetPlan(List.of(movie(1), movie(2), movie(3)), List.of(), List.of());

    Reconciled r =
        PlanRecheck.recheck(
            Feature.WATCHLIST,
            SyncMode.ONE_WAY,
            stored,
            List.of(movie(1), movie(2)),
            List.of(movie(2)),
            WINDOW);

    assertThat(r.toApply().target().adds()).containsExactly(movie(1));
    assertThat(r.alreadyDone().target().adds()).containsExactly(movie(2));
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("Movie 3")
        .contains("no longer holds it");
  }

  @Test
  void aRemoveAlreadyGoneIsDoneAndOneTheSourceHoldsAgainIsSkipped() {
    Plan stored = targetPlan(List.of(), List.of(movie(1), movie(2), movie(3)), List.of());

    Reconciled r =
        PlanRecheck.recheck(
            Feature.WATCHLIST,
            SyncMode.ONE_WAY,
            stored,
            List.of(movie(3)),
            List.of(movie(1), movie(3)),
            WINDOW);

    assertThat(r.toApply().target().removes()).containsExactly(movie(1));
    assertThat(r.alreadyDone().target().removes()).containsExactly(movie(2));
    assertThat(r.warnings()).singleElement().asString().contains("holds it again");
  }

  @Test
  void aPlayCountsAsPresentOnlyWithinTheMatchWindow() {
    Item play = movie(1).withWatchedAt(T);
    Plan stored = targetPlan(List.of(play), List.of(), List.of());

    Reconciled near =
        PlanRecheck.recheck(
            Feature.HISTORY,
            SyncMode.ONE_WAY,
            stored,
            List.of(play),
            List.of(movie(1).withWatchedAt(T.plusSeconds(30))),
            WINDOW);
    Reconciled far =
        PlanRecheck.recheck(
            Feature.HISTORY,
            SyncMode.ONE_WAY,
            stored,
            List.of(play),
            List.of(movie(1).withWatchedAt(T.plusSeconds(3600))),
            WINDOW);

    assertThat(near.toApply().isEmpty()).isTrue();
    assertThat(far.toApply().target().adds()).containsExactly(play);
  }

  @Test
  void aRatingUpdateIsSkippedWhenTheSourceRatesDifferentlyNow() {
    Plan stored = targetPlan(List.of(), List.of(), List.of(movie(1).withRating(9, T)));

    Reconciled r =
        PlanRecheck.recheck(
            Feature.RATINGS,
            SyncMode.ONE_WAY,
            stored,
            List.of(movie(1).withRating(7, T)),
            List.of(movie(1).withRating(5, T)),
            WINDOW);

    assertThat(r.toApply().isEmpty()).isTrue();
    assertThat(r.warnings()).singleElement().asString().contains("rates it 7 now");
  }

  @Test
  void aOneWayPlanNeverWritesTheSource() {
    Plan stored =
        new Plan(
            new SidePlan(List.of(movie(1)), List.of(), List.of()),
            SidePlan.EMPTY,
            List.of(),
            List.of(),
            List.of());

    Reconciled r =
        PlanRecheck.recheck(
            Feature.WATCHLIST, SyncMode.ONE_WAY, stored, List.of(), List.of(movie(1)), WINDOW);

    assertThat(r.toApply().side(Side.SOURCE).isEmpty()).isTrue();
    assertThat(r.warnings()).singleElement().asString().contains("one-way");
  }
}
