package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final Item MATRIX = movie("The Matrix", "tt0133093", 603);
  static final Item ALIEN = movie("Alien", "tt0078748", 348);
  static final Item HEAT = movie("Heat", "tt0113277", 949);

  @Nested
  class OneWay {
    @Test
    void addsWhatTheSourceHasAndTheTargetLacks() {
      Plan plan =
          Planner.plan(oneWay(Feature.WATCHLIST, ADD_ONLY, List.of(MATRIX, ALIEN), List.of(ALIEN)));
      assertThat(plan.target().adds()).containsExactly(MATRIX);
      assertThat(plan.source().isEmpty()).isTrue();
    }

    @Test
    void matchesATitleKnownByTmdbOnOneSideAndImdbOnTheOtherWhenAnySideKnowsBoth() {
      Item tmdbOnly = movie("The Matrix", null, 603);
      Item imdbOnly = movie("The Matrix", "tt0133093", null);
      Plan unbridged =
          Planner.plan(oneWay(Feature.WATCHLIST, ADD_ONLY, List.of(tmdbOnly), List.of(imdbOnly)));
      assertThat(unbridged.target().adds()).containsExactly(tmdbOnly);

      Plan bridged =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.ONE_WAY,
                  ADD_ONLY,
                  SYNC,
                  List.of(tmdbOnly),
                  List.of(imdbOnly),
                  baseline(MATRIX),
                  null,
                  List.of()));
      assertThat(bridged.target().adds()).isEmpty();
    }

    @Test
    void matchesEpisodesByShowSeasonAndNumber() {
      Item withOwnId =
          episode(300001, 1, 2)
              .withIds(
                  io.crosswatch.core.model.Ids.of(io.crosswatch.core.model.IdKind.TVDB, 20010102));
      Plan plan =
          Planner.plan(
              oneWay(
                  Feature.WATCHLIST, ADD_ONLY, List.of(withOwnId), List.of(episode(300001, 1, 2))));
      assertThat(plan.target().adds()).isEmpty();
      Plan other =
          Planner.plan(
              oneWay(
                  Feature.WATCHLIST,
                  ADD_ONLY,
                  List.of(episode(300001, 1, 3)),
                  List.of(episode(300001, 1, 2))));
      assertThat(other.target().adds()).hasSize(1);
    }

    @Test
    void sourceDeletesRemovesWhatTheSourceBaselineHeldAndTheSourceNoLongerHolds() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.ONE_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(MATRIX),
                  List.of(MATRIX, ALIEN, HEAT),
                  baseline(MATRIX, ALIEN),
                  null,
                  List.of()));
      assertThat(plan.target().removes()).containsExactly(ALIEN);
      assertThat(plan.deletedOnSource()).containsExactly(ALIEN);
    }

    @Test
    void mirrorAlsoRemovesWhatTheTargetHoldsAndTheSourceDoesNot() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.ONE_WAY,
                  ADD_REMOVE,
                  MIRROR,
                  List.of(MATRIX),
                  List.of(MATRIX, ALIEN, HEAT),
                  baseline(MATRIX, ALIEN),
                  null,
                  List.of()));
      assertThat(plan.target().removes()).containsExactlyInAnyOrder(ALIEN, HEAT);
    }

    @Test
    void removeOffMeansNoRemovals() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.ONE_WAY,
                  ADD_ONLY,
                  SYNC,
                  List.of(MATRIX),
                  List.of(MATRIX, ALIEN),
                  baseline(MATRIX, ALIEN),
                  null,
                  List.of()));
      assertThat(plan.target().removes()).isEmpty();
    }

    @Test
    void ratingsDifferingOnTheTargetAreUpdatedWithTheSourceWinning() {
      Plan plan =
          Planner.plan(
              oneWay(
                  Feature.RATINGS,
                  ADD_ONLY,
                  List.of(rated(MATRIX, 9, "2020-01-01T00:00:00Z")),
                  List.of(rated(movie("The Matrix", null, 603), 5, "2025-01-01T00:00:00Z"))));
      assertThat(plan.target().updates())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.rating()).isEqualTo(9);
                assertThat(u.ids().value(io.crosswatch.core.model.IdKind.IMDB))
                    .isEqualTo("tt0133093");
              });
    }

    @Test
    void aLiveTombstoneBlocksReAddingUnlessTheItemIsNewer() {
      Instant removed = Instant.parse("2026-05-20T00:00:00Z");
      Item old = listed(MATRIX, "2026-01-01T00:00:00Z");
      Item fresh = listed(MATRIX, "2026-05-25T00:00:00Z");
      PlanInput blocked =
          input(
              Feature.WATCHLIST,
              SyncMode.ONE_WAY,
              ADD_ONLY,
              SYNC,
              List.of(old),
              List.of(),
              null,
              null,
              List.of(tombstone(MATRIX, removed)));
      assertThat(Planner.plan(blocked).target().adds()).isEmpty();
      PlanInput readded =
          input(
              Feature.WATCHLIST,
              SyncMode.ONE_WAY,
              ADD_ONLY,
              SYNC,
              List.of(fresh),
              List.of(),
              null,
              null,
              List.of(tombstone(MATRIX, removed)));
      assertThat(Planner.plan(readded).target().adds()).containsExactly(fresh);
    }

    @Test
    void anExpiredTombstoneNoLongerBlocks() {
      Instant longAgo = NOW.minus(java.time.Duration.ofDays(31));
      PlanInput in =
          input(
              Feature.WATCHLIST,
              SyncMode.ONE_WAY,
              ADD_ONLY,
              SYNC,
              List.of(listed(MATRIX, "2020-01-01T00:00:00Z")),
              List.of(),
              null,
              null,
              List.of(tombstone(MATRIX, longAgo)));
      assertThat(Planner.plan(in).target().adds()).hasSize(1);
    }

    @Test
    void itemsWithoutIdsMatchByTitleAndYearOnlyAgainstItemsWithoutIds() {
      Item bare = Item.movie("Obscure Film", 1971, io.crosswatch.core.model.Ids.empty());
      Item bareOther = Item.movie("obscure  film!", 1971, io.crosswatch.core.model.Ids.empty());
      assertThat(
              Planner.plan(oneWay(Feature.WATCHLIST, ADD_ONLY, List.of(bare), List.of(bareOther)))
                  .isEmpty())
          .isTrue();
      Plan unmatched = Planner.plan(oneWay(Feature.WATCHLIST, ADD_ONLY, List.of(bare), List.of()));
      assertThat(unmatched.target().adds()).isEmpty();
      assertThat(unmatched.unresolved())
          .singleElement()
          .satisfies(u -> assertThat(u.reason()).isEqualTo("no_ids"));
    }
  }

  @Nested
  class TwoWay {
    @Test
    void firstRunIsAUnionWithoutRemovals() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(MATRIX, ALIEN),
                  List.of(ALIEN, HEAT),
                  null,
                  null,
                  List.of()));
      assertThat(plan.target().adds()).containsExactly(MATRIX);
      assertThat(plan.source().adds()).containsExactly(HEAT);
      assertThat(plan.source().removes()).isEmpty();
      assertThat(plan.target().removes()).isEmpty();
    }

    @Test
    void aRemovalOnEitherSidePropagates() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(MATRIX, ALIEN),
                  List.of(ALIEN, HEAT),
                  baseline(MATRIX, ALIEN, HEAT),
                  baseline(MATRIX, ALIEN, HEAT),
                  List.of()));
      assertThat(plan.source().removes()).containsExactly(MATRIX);
      assertThat(plan.target().removes()).containsExactly(HEAT);
      assertThat(plan.deletedOnTarget()).containsExactly(MATRIX);
      assertThat(plan.deletedOnSource()).containsExactly(HEAT);
    }

    @Test
    void anItemReAddedAfterTheRemovalWins() {
      Item readded = listed(MATRIX, "2026-06-01T00:00:00Z");
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(readded),
                  List.of(),
                  baseline(MATRIX),
                  baseline(MATRIX),
                  List.of()));
      assertThat(plan.target().adds()).containsExactly(readded);
      assertThat(plan.source().removes()).isEmpty();
    }

    @Test
    void aRemovalWithRemoveOffIsNeitherPropagatedNorUndone() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.TWO_WAY,
                  ADD_ONLY,
                  SYNC,
                  List.of(MATRIX),
                  List.of(),
                  baseline(MATRIX),
                  baseline(MATRIX),
                  List.of()));
      assertThat(plan.isEmpty()).isTrue();
      assertThat(plan.deletedOnTarget()).containsExactly(MATRIX);
    }

    @Test
    void aTombstoneRemovesFromTheOtherSideAfterAnInterruptedRun() {
      Plan plan =
          Planner.plan(
              input(
                  Feature.WATCHLIST,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(MATRIX),
                  List.of(),
                  baseline(MATRIX),
                  baseline(),
                  List.of(tombstone(MATRIX, LAST_RUN))));
      assertThat(plan.source().removes()).containsExactly(MATRIX);
      assertThat(plan.target().adds()).isEmpty();
    }

    @Test
    void withoutRatingTimesTheSideThatAloneChangedSinceTheLastRunWins() {
      Item a = rated(MATRIX, 7, null);
      Item bChanged = rated(MATRIX, 4, null);
      Plan plan =
          Planner.plan(
              input(
                  Feature.RATINGS,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(a),
                  List.of(bChanged),
                  baseline(a),
                  baseline(rated(MATRIX, 7, null)),
                  List.of()));
      assertThat(plan.source().updates())
          .singleElement()
          .satisfies(u -> assertThat(u.rating()).isEqualTo(4));
      assertThat(plan.target().updates()).isEmpty();

      Plan bothChanged =
          Planner.plan(
              input(
                  Feature.RATINGS,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(rated(MATRIX, 9, null)),
                  List.of(bChanged),
                  baseline(a),
                  baseline(rated(MATRIX, 7, null)),
                  List.of()));
      assertThat(bothChanged.target().updates())
          .singleElement()
          .satisfies(u -> assertThat(u.rating()).isEqualTo(9));
    }

    @Test
    void theNewerRatingWinsAndTheSourceBreaksTies() {
      Item a = rated(MATRIX, 8, "2026-01-01T00:00:00Z");
      Item bNewer = rated(MATRIX, 6, "2026-02-01T00:00:00Z");
      Plan newer =
          Planner.plan(
              input(
                  Feature.RATINGS,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(a),
                  List.of(bNewer),
                  null,
                  null,
                  List.of()));
      assertThat(newer.source().updates())
          .singleElement()
          .satisfies(u -> assertThat(u.rating()).isEqualTo(6));
      Item bTie = rated(MATRIX, 6, "2026-01-01T00:00:00Z");
      Plan tie =
          Planner.plan(
              input(
                  Feature.RATINGS,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(a),
                  List.of(bTie),
                  null,
                  null,
                  List.of()));
      assertThat(tie.target().updates())
          .singleElement()
          .satisfies(u -> assertThat(u.rating()).isEqualTo(8));
      Plan unknown =
          Planner.plan(
              input(
                  Feature.RATINGS,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(rated(MATRIX, 8, null)),
                  List.of(bNewer),
                  null,
                  null,
                  List.of()));
      assertThat(unknown.target().updates()).hasSize(1);
    }
  }

  @Nested
  class History {
    @Test
    void withoutRewatchesOnlyTheLatestPlayIsSent() {
      Plan plan =
          Planner.plan(
              oneWay(
                  Feature.HISTORY,
                  ADD_ONLY,
                  List.of(
                      play(MATRIX, "2020-01-01T00:00:00Z"), play(MATRIX, "2024-01-01T00:00:00Z")),
                  List.of()));
      assertThat(plan.target().adds())
          .extracting(Item::watchedAt)
          .containsExactly(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void aPlayWithinTheWindowOrLaterOnTheTargetIsKnown() {
      Item a = play(MATRIX, "2024-01-01T00:00:00Z");
      assertThat(
              Planner.plan(
                      oneWay(
                          Feature.HISTORY,
                          ADD_ONLY,
                          List.of(a),
                          List.of(play(MATRIX, "2024-01-01T00:00:59Z"))))
                  .isEmpty())
          .isTrue();
      assertThat(
              Planner.plan(
                      oneWay(
                          Feature.HISTORY,
                          ADD_ONLY,
                          List.of(a),
                          List.of(play(MATRIX, "2025-01-01T00:00:00Z"))))
                  .isEmpty())
          .isTrue();
      assertThat(
              Planner.plan(
                      oneWay(
                          Feature.HISTORY,
                          ADD_ONLY,
                          List.of(a),
                          List.of(play(MATRIX, "2023-12-31T23:58:00Z"))))
                  .target()
                  .adds())
          .containsExactly(a);
    }

    @Test
    void withRewatchesEveryPlayMissingWithinTheWindowIsSent() {
      Item first = play(MATRIX, "2020-01-01T00:00:00Z");
      Item second = play(MATRIX, "2024-01-01T00:00:00Z");
      Plan plan =
          Planner.plan(
              oneWay(
                  Feature.HISTORY,
                  REWATCHES,
                  List.of(first, second),
                  List.of(play(MATRIX, "2024-01-01T00:00:30Z"))));
      assertThat(plan.target().adds()).containsExactly(first);
    }

    @Test
    void twoWayPlaysConvergeAndARemovedPlayPropagates() {
      Item a1 = play(MATRIX, "2024-01-01T00:00:00Z");
      Item b1 = play(ALIEN, "2024-02-01T00:00:00Z");
      Plan first =
          Planner.plan(
              input(
                  Feature.HISTORY,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(a1),
                  List.of(b1),
                  null,
                  null,
                  List.of()));
      assertThat(first.target().adds()).containsExactly(a1);
      assertThat(first.source().adds()).containsExactly(b1);

      Plan second =
          Planner.plan(
              input(
                  Feature.HISTORY,
                  SyncMode.TWO_WAY,
                  ADD_REMOVE,
                  SYNC,
                  List.of(a1, b1),
                  List.of(b1),
                  baseline(a1, b1),
                  baseline(a1, b1),
                  List.of()));
      assertThat(second.source().removes()).containsExactly(a1);
      assertThat(second.target().adds()).isEmpty();
    }
  }
}
