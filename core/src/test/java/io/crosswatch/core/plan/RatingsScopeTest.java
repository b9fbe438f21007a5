package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.episode;
import static io.crosswatch.core.plan.PlanFixtures.movie;
import static io.crosswatch.core.plan.PlanFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.RatingsFilter;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.state.Side;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ratings filters hold back planned changes by the item's type and rating day, on both sides
 * and for every operation, and say why; what the sides removed is left alone.
 */
class RatingsScopeTest {
  private final Item oldMovie = rated(movie("Old", "tt0000001", 1), 7, "2024-12-31T23:59:59Z");
  private final Item newMovie = rated(movie("New", "tt0000002", 2), 8, "2025-01-01T00:00:00Z");
  private final Item undated = rated(movie("Undated", "tt0000003", 3), 6, null);
  private final Item newEpisode = rated(episode(77, 1, 2), 9, "2025-06-01T10:00:00Z");

  private Plan plan() {
    return new Plan(
        new SidePlan(List.of(newEpisode), List.of(oldMovie), List.of()),
        new SidePlan(List.of(oldMovie, newMovie, undated), List.of(), List.of(newEpisode)),
        List.of(oldMovie),
        List.of(),
        List.of());
  }

  @Test
  void noFilterKeepsThePlanAsItIs() {
    RatingsScope.Scoped scoped = RatingsScope.apply(plan(), RatingsFilter.ALL);

    assertThat(scoped.plan()).isEqualTo(plan());
    assertThat(scoped.heldBack()).isEmpty();
  }

  @Test
  void fromDateHoldsBackRatingsMadeBeforeThatDayAndKeepsUndatedOnes() {
    RatingsFilter filter =
        new RatingsFilter(EnumSet.allOf(MediaType.class), LocalDate.parse("2025-01-01"));

    RatingsScope.Scoped scoped = RatingsScope.apply(plan(), filter);

    assertThat(scoped.plan().target().adds()).containsExactly(newMovie, undated);
    assertThat(scoped.plan().source().removes()).isEmpty();
    assertThat(scoped.plan().deletedOnSource()).containsExactly(oldMovie);
    assertThat(scoped.heldBack())
        .extracting(h -> h.side() + " " + h.op() + " " + h.reason())
        .containsExactlyInAnyOrder(
            "SOURCE remove rated 2024-12-31, before ratings.from_date 2025-01-01",
            "TARGET add rated 2024-12-31, before ratings.from_date 2025-01-01");
  }

  @Test
  void typesHoldBackOtherTypesOnEverySideAndOperation() {
    RatingsFilter moviesOnly = new RatingsFilter(EnumSet.of(MediaType.MOVIE), null);

    RatingsScope.Scoped scoped = RatingsScope.apply(plan(), moviesOnly);

    assertThat(scoped.plan().source().adds()).isEmpty();
    assertThat(scoped.plan().target().updates()).isEmpty();
    assertThat(scoped.plan().target().adds()).containsExactly(oldMovie, newMovie, undated);
    assertThat(scoped.heldBack())
        .extracting(RatingsScope.HeldBack::op, RatingsScope.HeldBack::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("add", "its type episode is not in ratings.types"),
            org.assertj.core.groups.Tuple.tuple(
                "update", "its type episode is not in ratings.types"));
    assertThat(scoped.heldBack())
        .extracting(RatingsScope.HeldBack::side)
        .containsExactlyInAnyOrder(Side.SOURCE, Side.TARGET);
  }
}
