package io.crosswatch.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.state.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardsTest {
  static List<Item> movies(int from, int n) {
    List<Item> items = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      items.add(Item.movie("M" + i, 2000, Ids.of(IdKind.TMDB, i)));
    }
    return items;
  }

  static GuardInput input(
      int sourceNow,
      Integer sourceBase,
      int targetNow,
      Integer targetBase,
      Map<Side, Set<String>> parked) {
    Map<Side, Integer> base = new HashMap<>();
    if (sourceBase != null) {
      base.put(Side.SOURCE, sourceBase);
    }
    if (targetBase != null) {
      base.put(Side.TARGET, targetBase);
    }
    return new GuardInput(
        "p",
        Feature.WATCHLIST,
        Map.of(Side.SOURCE, "FILE:default", Side.TARGET, "TRAKT:default"),
        Map.of(Side.SOURCE, sourceNow, Side.TARGET, targetNow),
        base,
        parked,
        20,
        0.10,
        0.5);
  }

  @Test
  void aShrunkenSnapshotIsSuspectNothingIsWrittenToItAndNoRemovalIsDerivedFromIt() {
    Plan plan =
        new Plan(
            new SidePlan(movies(1, 3), List.of(), List.of()),
            new SidePlan(movies(10, 2), movies(20, 90), List.of()),
            movies(20, 90),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(5, 100, 100, 100, Map.of()));
    assertThat(g.plan().source().isEmpty()).isTrue();
    assertThat(g.plan().target().removes()).isEmpty();
    assertThat(g.plan().target().adds()).hasSize(2);
    assertThat(g.plan().deletedOnSource()).isEmpty();
    assertThat(g.blocked()).isEqualTo(93);
    assertThat(g.keepBaseline()).containsExactly(Side.SOURCE);
    assertThat(g.guarded()).isTrue();
    assertThat(g.warnings())
        .singleElement()
        .asString()
        .contains(
            "pair=p",
            "feature=watchlist",
            "provider=FILE:default",
            "5 items now",
            "baseline had 100");
  }

  @Test
  void aSuspectSnapshotThatWithholdsNothingIsReportedButDoesNotBlockTheFeature() {
    Plan plan =
        new Plan(
            SidePlan.EMPTY,
            new SidePlan(movies(1, 3), List.of(), List.of()),
            List.of(),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(5, 100, 100, 100, Map.of()));

    assertThat(g.plan().target().adds()).hasSize(3);
    assertThat(g.blocked()).isZero();
    assertThat(g.guarded()).isFalse();
    assertThat(g.keepBaseline()).containsExactly(Side.SOURCE);
    assertThat(g.warnings())
        .singleElement()
        .asString()
        .contains("suspect snapshot", "provider=FILE:default", "(0 changes blocked)");
  }

  @Test
  void aSideBelowSuspectMinPrevIsNeverSuspect() {
    Plan plan =
        new Plan(
            SidePlan.EMPTY,
            new SidePlan(List.of(), movies(1, 5), List.of()),
            movies(1, 5),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(0, 19, 19, 19, Map.of()));
    assertThat(g.plan().target().removes()).hasSize(5);
    assertThat(g.guarded()).isFalse();
  }

  @Test
  void removingMoreThanTheRatioAppliesNoneOfTheRemovals() {
    Plan plan =
        new Plan(
            SidePlan.EMPTY,
            new SidePlan(movies(1, 1), movies(10, 51), List.of()),
            movies(10, 51),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(49, 100, 100, 100, Map.of()));
    assertThat(g.plan().target().removes()).isEmpty();
    assertThat(g.plan().target().adds()).hasSize(1);
    assertThat(g.blocked()).isEqualTo(51);
    assertThat(g.keepBaseline()).containsExactly(Side.SOURCE);
    assertThat(g.warnings()).singleElement().asString().contains("51 of 100");
  }

  @Test
  void removingExactlyTheRatioIsAllowed() {
    Plan plan =
        new Plan(
            SidePlan.EMPTY,
            new SidePlan(List.of(), movies(10, 50), List.of()),
            movies(10, 50),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(50, 100, 100, 100, Map.of()));
    assertThat(g.plan().target().removes()).hasSize(50);
    assertThat(g.blocked()).isZero();
  }

  @Test
  void parkedItemsAreWithheldAndCounted() {
    List<Item> adds = movies(1, 3);
    Set<String> parked = Set.of(ItemKeys.key(adds.get(1), Feature.WATCHLIST));
    Plan plan =
        new Plan(
            SidePlan.EMPTY,
            new SidePlan(adds, List.of(), List.of()),
            List.of(),
            List.of(),
            List.of());
    GuardedPlan g = Guards.apply(plan, input(3, null, 0, null, Map.of(Side.TARGET, parked)));
    assertThat(g.plan().target().adds()).containsExactly(adds.get(0), adds.get(2));
    assertThat(g.blocked()).isEqualTo(1);
    assertThat(g.guarded()).isFalse();
  }
}
