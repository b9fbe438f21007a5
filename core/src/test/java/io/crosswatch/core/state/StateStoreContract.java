package io.crosswatch.core.state;

import static io.crosswatch.core.model.Feature.HISTORY;
import static io.crosswatch.core.model.Feature.RATINGS;
import static io.crosswatch.core.model.Feature.WATCHLIST;
import static io.crosswatch.core.state.Side.SOURCE;
import static io.crosswatch.core.state.Side.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link StateStore} shares; each implementation's test extends this class. */
abstract class StateStoreContract {
  static final String PAIR = "lib-to-backup";
  static final String OTHER_PAIR = "other";
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final Instant T2 = T0.plusSeconds(120);

  StateStore store;

  /** A new, empty store. */
  abstract StateStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Item movie(int n) {
    return Item.movie("Movie " + n, 1990 + n % 30, Ids.of(Map.of(IdKind.IMDB, "tt" + (100 + n))))
        .withListedAt(T0.plusSeconds(n));
  }

  static Item play(int n, Instant watchedAt) {
    return movie(n).withListedAt(null).withWatchedAt(watchedAt);
  }

  static Item episode() {
    ShowRef show =
        new ShowRef("Show 1", 1960, Ids.of(Map.of(IdKind.TVDB, 300001, IdKind.IMDB, "tt5000001")));
    return Item.episode(show, 1, 2, "Pilot", Ids.of(IdKind.TVDB, 20010102))
        .withWatchedAt(Instant.parse("2026-01-02T03:04:05.123456Z"))
        .withRating(8, T1);
  }

  void write(java.util.function.Consumer<StateTransaction> work) {
    store.transaction(work);
  }

  // ---- baselines ----

  @Test
  void playlistMembersAndResumePointsAreBaselineItemsCountedPerPairFeatureAndSide() {
    Item inA = movie(1).withPlaylist(io.crosswatch.core.model.PlaylistRef.named("A"));
    Item inB = movie(1).withPlaylist(io.crosswatch.core.model.PlaylistRef.named("B"));
    Item point = movie(2).withProgress(2_400_000L, 8_000_000L, T1);
    write(
        tx -> {
          tx.replaceBaseline(
              PAIR, io.crosswatch.core.model.Feature.PLAYLISTS, Side.TARGET, List.of(inA, inB), T1);
          tx.replaceBaseline(
              PAIR, io.crosswatch.core.model.Feature.PROGRESS, Side.SOURCE, List.of(point), T2);
          tx.replaceBaseline(
              OTHER_PAIR,
              io.crosswatch.core.model.Feature.WATCHLIST,
              Side.SOURCE,
              List.of(movie(3)),
              T0);
        });

    assertThat(
            store
                .baseline(PAIR, io.crosswatch.core.model.Feature.PLAYLISTS, Side.TARGET)
                .orElseThrow()
                .items())
        .containsExactlyInAnyOrder(inA, inB);
    assertThat(
            store
                .baseline(PAIR, io.crosswatch.core.model.Feature.PROGRESS, Side.SOURCE)
                .orElseThrow()
                .items())
        .containsExactly(point);
    assertThat(store.baselineCounts(PAIR))
        .containsExactly(
            new BaselineCount(PAIR, io.crosswatch.core.model.Feature.PLAYLISTS, Side.TARGET, 2, T1),
            new BaselineCount(PAIR, io.crosswatch.core.model.Feature.PROGRESS, Side.SOURCE, 1, T2));
    assertThat(store.baselineCounts(null)).hasSize(3);
  }

  @Test
  void aDigestIsStoredBesideABaselineAndForgottenWhenTheBaselineChanges() {
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0));
    write(tx -> tx.setBaselineDigest(PAIR, WATCHLIST, SOURCE, "d1"));

    assertThat(store.baselineDigest(PAIR, WATCHLIST, SOURCE)).contains("d1");
    assertThat(store.baselineDigest(PAIR, WATCHLIST, TARGET)).isEmpty();

    write(tx -> tx.addToBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(2)), T1));
    assertThat(store.baselineDigest(PAIR, WATCHLIST, SOURCE)).isEmpty();

    write(tx -> tx.setBaselineDigest(PAIR, WATCHLIST, SOURCE, "d2"));
    write(tx -> tx.removeFromBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(2)), T1));
    assertThat(store.baselineDigest(PAIR, WATCHLIST, SOURCE)).isEmpty();

    write(tx -> tx.setBaselineDigest(PAIR, WATCHLIST, SOURCE, "d3"));
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(3)), T2));
    assertThat(store.baselineDigest(PAIR, WATCHLIST, SOURCE)).isEmpty();
  }

  @Test
  void aDigestNeedsABaselineToBeStoredBeside() {
    write(tx -> tx.setBaselineDigest(PAIR, WATCHLIST, SOURCE, "d1"));

    assertThat(store.baselineDigest(PAIR, WATCHLIST, SOURCE)).isEmpty();
    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE)).isEmpty();
  }

  @Test
  void aBaselineNeverRecordedIsEmpty() {
    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE)).isEmpty();
  }

  @Test
  void replaceBaselineSetsExactlyTheGivenItemsOrderedByKey() {
    write(
        tx ->
            tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(3), movie(1), movie(2)), T0));
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(4), movie(2)), T1));

    Baseline baseline = store.baseline(PAIR, WATCHLIST, SOURCE).orElseThrow();
    assertThat(baseline.items()).containsExactly(movie(2), movie(4));
    assertThat(baseline.updatedAt()).isEqualTo(T1);
  }

  @Test
  void replaceBaselineReplacesAnItemWhoseFieldsChanged() {
    write(tx -> tx.replaceBaseline(PAIR, RATINGS, TARGET, List.of(movie(1).withRating(5, T0)), T0));
    write(tx -> tx.replaceBaseline(PAIR, RATINGS, TARGET, List.of(movie(1).withRating(9, T1)), T1));

    assertThat(store.baseline(PAIR, RATINGS, TARGET).orElseThrow().items())
        .containsExactly(movie(1).withRating(9, T1));
  }

  @Test
  void anEmptyBaselineIsRecordedAndDiffersFromNone() {
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0));
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(), T1));

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE)).contains(new Baseline(List.of(), T1));
  }

  @Test
  void baselinesAreKeptPerPairFeatureAndSide() {
    write(
        tx -> {
          tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0);
          tx.replaceBaseline(PAIR, WATCHLIST, TARGET, List.of(movie(2)), T0);
          tx.replaceBaseline(PAIR, RATINGS, SOURCE, List.of(movie(3)), T0);
          tx.replaceBaseline(OTHER_PAIR, WATCHLIST, SOURCE, List.of(movie(4)), T0);
        });

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE).orElseThrow().items())
        .containsExactly(movie(1));
    assertThat(store.baseline(PAIR, WATCHLIST, TARGET).orElseThrow().items())
        .containsExactly(movie(2));
    assertThat(store.baseline(PAIR, RATINGS, SOURCE).orElseThrow().items())
        .containsExactly(movie(3));
    assertThat(store.baseline(OTHER_PAIR, WATCHLIST, SOURCE).orElseThrow().items())
        .containsExactly(movie(4));
    assertThat(store.baseline(PAIR, HISTORY, SOURCE)).isEmpty();
  }

  @Test
  void historyKeepsEachPlayOfATitle() {
    List<Item> plays = List.of(play(1, T0), play(1, T1), play(1, T1));
    write(tx -> tx.replaceBaseline(PAIR, HISTORY, SOURCE, plays, T2));

    assertThat(store.baseline(PAIR, HISTORY, SOURCE).orElseThrow().items())
        .containsExactly(play(1, T0), play(1, T1));
  }

  @Test
  void itemsKeepEveryField() {
    write(tx -> tx.replaceBaseline(PAIR, HISTORY, SOURCE, List.of(episode()), T0));

    assertThat(store.baseline(PAIR, HISTORY, SOURCE).orElseThrow().items())
        .containsExactly(episode());
  }

  @Test
  void addToBaselineCreatesAMissingBaselineAndReplacesItemsWithTheSameKey() {
    write(tx -> tx.addToBaseline(PAIR, WATCHLIST, TARGET, List.of(movie(1)), T0));
    Item relisted = movie(1).withListedAt(T2);
    write(tx -> tx.addToBaseline(PAIR, WATCHLIST, TARGET, List.of(movie(2), relisted), T1));

    assertThat(store.baseline(PAIR, WATCHLIST, TARGET))
        .contains(new Baseline(List.of(relisted, movie(2)), T1));
  }

  @Test
  void removeFromBaselineRemovesByKey() {
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1), movie(2)), T0));
    Item sameTitleOtherFields = movie(1).withListedAt(null);
    write(tx -> tx.removeFromBaseline(PAIR, WATCHLIST, SOURCE, List.of(sameTitleOtherFields), T1));

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE))
        .contains(new Baseline(List.of(movie(2)), T1));
  }

  @Test
  void removeFromAMissingBaselineCreatesNone() {
    write(tx -> tx.removeFromBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0));

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE)).isEmpty();
  }

  // ---- tombstones ----

  @Test
  void tombstonesAreKeptPerPairAndFeatureAndReplacedByKey() {
    write(
        tx -> {
          tx.putTombstones(PAIR, WATCHLIST, List.of(movie(2), movie(1)), T0);
          tx.putTombstones(PAIR, RATINGS, List.of(movie(3)), T0);
          tx.putTombstones(OTHER_PAIR, WATCHLIST, List.of(movie(4)), T0);
        });
    write(tx -> tx.putTombstones(PAIR, WATCHLIST, List.of(movie(1)), T1));

    assertThat(store.tombstones(PAIR, WATCHLIST))
        .containsExactly(tombstone(movie(1), WATCHLIST, T1), tombstone(movie(2), WATCHLIST, T0));
    assertThat(store.tombstones(PAIR, RATINGS)).containsExactly(tombstone(movie(3), RATINGS, T0));
    assertThat(store.tombstones(PAIR, HISTORY)).isEmpty();
  }

  @Test
  void allTombstonesListsOnePairOrEveryPair() {
    write(
        tx -> {
          tx.putTombstones(PAIR, WATCHLIST, List.of(movie(1)), T0);
          tx.putTombstones(PAIR, RATINGS, List.of(movie(2)), T0);
          tx.putTombstones(OTHER_PAIR, WATCHLIST, List.of(movie(3)), T0);
        });

    assertThat(store.allTombstones(PAIR))
        .containsExactly(tombstone(movie(2), RATINGS, T0), tombstone(movie(1), WATCHLIST, T0));
    assertThat(store.allTombstones(null))
        .containsExactly(
            tombstone(movie(2), RATINGS, T0),
            tombstone(movie(1), WATCHLIST, T0),
            tombstone(movie(3), WATCHLIST, T0));
  }

  @Test
  void removeTombstonesForgetsThemByKey() {
    write(tx -> tx.putTombstones(PAIR, WATCHLIST, List.of(movie(1), movie(2)), T0));
    write(tx -> tx.removeTombstones(PAIR, WATCHLIST, List.of(movie(1).withListedAt(T2))));

    assertThat(store.tombstones(PAIR, WATCHLIST))
        .containsExactly(tombstone(movie(2), WATCHLIST, T0));
  }

  @Test
  void pruneTombstonesDeletesThoseRemovedBeforeTheCutoff() {
    write(
        tx -> {
          tx.putTombstones(PAIR, WATCHLIST, List.of(movie(1)), T0);
          tx.putTombstones(PAIR, WATCHLIST, List.of(movie(2)), T1);
          tx.putTombstones(OTHER_PAIR, RATINGS, List.of(movie(3)), T0);
        });

    assertThat(store.pruneTombstones(T1)).isEqualTo(2);
    assertThat(store.allTombstones(null)).containsExactly(tombstone(movie(2), WATCHLIST, T1));
  }

  static Tombstone tombstone(Item item, io.crosswatch.core.model.Feature feature, Instant at) {
    return new Tombstone(ItemKeys.key(item, feature), item, at);
  }

  // ---- unresolved ----

  @Test
  void unresolvedItemsAreRefreshedListedAndForgotten() {
    Item noIds = Item.movie("Lost", 2001, Ids.empty());
    write(
        tx -> {
          tx.putUnresolved(PAIR, WATCHLIST, TARGET, noIds, "no_ids", T0);
          tx.putUnresolved(PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0);
          tx.putUnresolved(OTHER_PAIR, RATINGS, SOURCE, movie(2), "not_found", T0);
        });
    write(tx -> tx.putUnresolved(PAIR, WATCHLIST, TARGET, movie(1), "not_in_library", T1));

    assertThat(store.unresolved(PAIR))
        .containsExactly(
            unresolved(PAIR, WATCHLIST, TARGET, movie(1), "not_in_library", T1),
            unresolved(PAIR, WATCHLIST, TARGET, noIds, "no_ids", T0));
    assertThat(store.unresolved(null)).hasSize(3);

    write(tx -> tx.removeUnresolved(PAIR, WATCHLIST, TARGET, List.of(noIds)));
    assertThat(store.unresolved(PAIR))
        .containsExactly(unresolved(PAIR, WATCHLIST, TARGET, movie(1), "not_in_library", T1));
  }

  @Test
  void clearUnresolvedForgetsOnePairOrEveryPair() {
    write(
        tx -> {
          tx.putUnresolved(PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0);
          tx.putUnresolved(PAIR, HISTORY, SOURCE, play(1, T0), "not_found", T0);
          tx.putUnresolved(OTHER_PAIR, RATINGS, SOURCE, movie(2), "not_found", T0);
        });

    assertThat(store.clearUnresolved(PAIR)).isEqualTo(2);
    assertThat(store.unresolved(null))
        .extracting(UnresolvedItem::pairId)
        .containsExactly(OTHER_PAIR);
    assertThat(store.clearUnresolved(null)).isEqualTo(1);
    assertThat(store.unresolved(null)).isEmpty();
  }

  static UnresolvedItem unresolved(
      String pair,
      io.crosswatch.core.model.Feature feature,
      Side side,
      Item item,
      String reason,
      Instant at) {
    return new UnresolvedItem(pair, feature, side, ItemKeys.key(item, feature), item, reason, at);
  }

  // ---- failures and parking ----

  @Test
  void recordFailureCountsConsecutiveFailedRuns() {
    int[] counts = new int[5];
    write(
        tx ->
            counts[0] =
                tx.recordFailure("run-1", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0));
    write(
        tx ->
            counts[1] =
                tx.recordFailure("run-1", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0));
    write(
        tx ->
            counts[2] =
                tx.recordFailure("run-2", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T1));
    write(
        tx ->
            counts[3] =
                tx.recordFailure("run-3", PAIR, WATCHLIST, TARGET, movie(1), "rejected", T2));
    write(
        tx ->
            counts[4] =
                tx.recordFailure("run-3", PAIR, WATCHLIST, SOURCE, movie(1), "rejected", T2));

    assertThat(counts).containsExactly(1, 1, 2, 3, 1);
  }

  @Test
  void clearFailuresStartsTheCountAgain() {
    write(tx -> tx.recordFailure("run-1", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0));
    write(tx -> tx.recordFailure("run-2", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0));
    write(tx -> tx.clearFailures(PAIR, WATCHLIST, TARGET, List.of(movie(1))));

    int[] count = new int[1];
    write(
        tx ->
            count[0] =
                tx.recordFailure("run-3", PAIR, WATCHLIST, TARGET, movie(1), "not_found", T1));
    assertThat(count[0]).isEqualTo(1);
  }

  @Test
  void parkedListsOnlyItemsParkedUntilAfterNow() {
    write(
        tx -> {
          tx.park(PAIR, WATCHLIST, TARGET, movie(1), "not_found", T1);
          tx.park(PAIR, WATCHLIST, TARGET, movie(2), "rejected", T2);
          tx.park(PAIR, WATCHLIST, SOURCE, movie(3), "rejected", T2);
        });

    assertThat(store.parked(PAIR, WATCHLIST, TARGET, T0))
        .containsExactly(
            parked(movie(1), TARGET, "not_found", T1), parked(movie(2), TARGET, "rejected", T2));
    assertThat(store.parked(PAIR, WATCHLIST, TARGET, T1))
        .containsExactly(parked(movie(2), TARGET, "rejected", T2));
    assertThat(store.parked(PAIR, WATCHLIST, TARGET, T2)).isEmpty();
    assertThat(store.allParked(PAIR)).hasSize(3);
  }

  @Test
  void allParkedListsOnePairOrEveryPairExpiredIncluded() {
    write(
        tx -> {
          tx.park(PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0);
          tx.park(OTHER_PAIR, RATINGS, SOURCE, movie(2), "not_found", T2);
        });

    assertThat(store.allParked(PAIR)).containsExactly(parked(movie(1), TARGET, "not_found", T0));
    assertThat(store.allParked(null))
        .extracting(ParkedItem::pairId)
        .containsExactly(PAIR, OTHER_PAIR);
  }

  @Test
  void clearParkedUnparksAndResetsTheirFailureCounts() {
    write(
        tx -> {
          for (String run : List.of("run-1", "run-2", "run-3")) {
            tx.recordFailure(run, PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0);
            tx.recordFailure(run, OTHER_PAIR, WATCHLIST, TARGET, movie(1), "not_found", T0);
          }
          tx.park(PAIR, WATCHLIST, TARGET, movie(1), "not_found", T2);
          tx.park(OTHER_PAIR, WATCHLIST, TARGET, movie(1), "not_found", T2);
        });

    assertThat(store.clearParked(PAIR)).isEqualTo(1);
    assertThat(store.allParked(null)).extracting(ParkedItem::pairId).containsExactly(OTHER_PAIR);
    assertThat(failureCountAfterAnotherRun(PAIR)).isEqualTo(1);
    assertThat(failureCountAfterAnotherRun(OTHER_PAIR)).isEqualTo(4);

    assertThat(store.clearParked(null)).isEqualTo(1);
    assertThat(store.allParked(null)).isEmpty();
  }

  private int failureCountAfterAnotherRun(String pair) {
    int[] count = new int[1];
    write(
        tx ->
            count[0] =
                tx.recordFailure("run-4", pair, WATCHLIST, TARGET, movie(1), "not_found", T1));
    return count[0];
  }

  static ParkedItem parked(Item item, Side side, String reason, Instant until) {
    return new ParkedItem(
        PAIR, WATCHLIST, side, ItemKeys.key(item, WATCHLIST), item, reason, until);
  }

  // ---- journal and runs ----

  @Test
  void theJournalListsARunsChangesInOrder() {
    write(
        tx -> {
          tx.journal(
              "run-1", PAIR, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(2), movie(1)), T0);
          tx.journal("run-2", PAIR, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(3)), T0);
        });
    write(tx -> tx.journal("run-1", PAIR, RATINGS, SOURCE, WriteOp.UPDATE, List.of(episode()), T1));

    assertThat(store.journal("run-1"))
        .containsExactly(
            new JournalEntry("run-1", PAIR, WATCHLIST, TARGET, WriteOp.ADD, movie(2), T0),
            new JournalEntry("run-1", PAIR, WATCHLIST, TARGET, WriteOp.ADD, movie(1), T0),
            new JournalEntry("run-1", PAIR, RATINGS, SOURCE, WriteOp.UPDATE, episode(), T1));
    assertThat(store.journal("run-9")).isEmpty();
  }

  @Test
  void theJournalKeepsWhatAnUpdateReplaced() {
    Item rated9 = movie(1).withRating(9, T1);
    Item rated6 = movie(1).withRating(6, T0);
    write(
        tx ->
            tx.journal(
                "run-1",
                PAIR,
                RATINGS,
                TARGET,
                WriteOp.UPDATE,
                List.of(rated9, movie(2).withRating(3, T1)),
                item -> item.equals(rated9) ? rated6 : null,
                T1));

    assertThat(store.journal("run-1"))
        .extracting(JournalEntry::previous)
        .containsExactly(rated6, null);
  }

  @Test
  void journalAfterListsOnlyWhatLaterRunsWrote() {
    write(tx -> tx.journal("run-0", PAIR, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(9)), T0));
    write(tx -> tx.journal("run-1", PAIR, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(1)), T0));
    write(
        tx -> tx.journal("run-2", PAIR, WATCHLIST, TARGET, WriteOp.REMOVE, List.of(movie(1)), T1));
    write(tx -> tx.journal("run-1", PAIR, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(2)), T1));
    write(tx -> tx.journal("run-3", PAIR, RATINGS, TARGET, WriteOp.ADD, List.of(movie(3)), T2));

    assertThat(store.journalAfter("run-1"))
        .extracting(e -> e.runId() + ":" + e.item().title())
        .containsExactly("run-3:Movie 3");
    assertThat(store.journalAfter("run-0"))
        .extracting(JournalEntry::runId)
        .containsExactly("run-1", "run-2", "run-1", "run-3");
    assertThat(store.journalAfter("run-3")).isEmpty();
  }

  @Test
  void runsAreListedNewestFirst() {
    store.runStarted("run-1", T0, false);
    store.runFinished("run-1", T1, 0, "{\"exit_code\":0}");
    store.runStarted("run-2", T2, true);

    assertThat(store.recentRuns(10))
        .containsExactly(
            new RunRecord("run-2", T2, null, true, null), new RunRecord("run-1", T0, T1, false, 0));
    assertThat(store.recentRuns(1)).extracting(RunRecord::runId).containsExactly("run-2");
    assertThat(store.recentRuns(0)).isEmpty();
  }

  @Test
  void aRunKeepsWhatStartedItAndItsSummary() {
    store.runStarted("cli-run", T0, false);
    store.runStarted("api-run", T1, false, "api");
    store.runFinished("api-run", T2, 0, "{\"exit_code\":0}");

    assertThat(store.recentRuns(5))
        .extracting(RunRecord::runId, RunRecord::trigger)
        .containsExactly(tuple("api-run", "api"), tuple("cli-run", "cli"));
    assertThat(store.runSummary("api-run")).contains("{\"exit_code\":0}");
    assertThat(store.runSummary("cli-run")).isEmpty();
    assertThat(store.runSummary("unknown")).isEmpty();
  }

  @Test
  void runsStartedAtTheSameTimeAreListedLatestRecordedFirst() {
    store.runStarted("b", T0, false);
    store.runStarted("a", T0, false);

    assertThat(store.recentRuns(5)).extracting(RunRecord::runId).containsExactly("a", "b");
  }

  @Test
  void aFinishedRunThatWasNeverStartedIsStillRecorded() {
    store.runFinished("run-1", T1, 3, "{}");

    assertThat(store.recentRuns(5)).containsExactly(new RunRecord("run-1", T1, T1, false, 3));
  }

  @Test
  void storeTimesAreKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-02T03:04:05.123456789Z");
    Instant millis = Instant.parse("2026-01-02T03:04:05.123Z");
    store.runStarted("run-1", precise, false);
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(), precise));

    assertThat(store.recentRuns(1).get(0).startedAt()).isEqualTo(millis);
    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE).orElseThrow().updatedAt()).isEqualTo(millis);
  }

  // ---- transactions and reset ----

  @Test
  void aTransactionThatThrowsLeavesNothingBehind() {
    write(tx -> tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0));
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                store.transaction(
                    tx -> {
                      tx.replaceBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(2)), T1);
                      tx.addToBaseline(PAIR, RATINGS, TARGET, List.of(movie(3)), T1);
                      tx.putTombstones(PAIR, WATCHLIST, List.of(movie(1)), T1);
                      tx.journal(
                          "run-1", PAIR, WATCHLIST, SOURCE, WriteOp.ADD, List.of(movie(2)), T1);
                      tx.putUnresolved(PAIR, WATCHLIST, TARGET, movie(4), "not_found", T1);
                      tx.recordFailure("run-1", PAIR, WATCHLIST, TARGET, movie(4), "x", T1);
                      tx.park(PAIR, WATCHLIST, TARGET, movie(4), "not_found", T2);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE))
        .contains(new Baseline(List.of(movie(1)), T0));
    assertThat(store.baseline(PAIR, RATINGS, TARGET)).isEmpty();
    assertThat(store.allTombstones(null)).isEmpty();
    assertThat(store.journal("run-1")).isEmpty();
    assertThat(store.unresolved(null)).isEmpty();
    assertThat(store.allParked(null)).isEmpty();
    assertThat(failureCountAfterAnotherRun(PAIR)).isEqualTo(1);
  }

  @Test
  void theStoreIsUsableAfterARolledBackTransaction() {
    assertThatThrownBy(
            () ->
                store.transaction(
                    tx -> {
                      tx.addToBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0);
                      throw new RuntimeException("boom");
                    }))
        .hasMessage("boom");

    write(tx -> tx.addToBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(2)), T1));

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE))
        .contains(new Baseline(List.of(movie(2)), T1));
  }

  @Test
  void transactionsDoNotNest() {
    assertThatThrownBy(() -> store.transaction(tx -> store.transaction(inner -> {})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nest");
  }

  @Test
  void aTransactionCannotBeUsedAfterItEnded() {
    StateTransaction[] escaped = new StateTransaction[1];
    write(tx -> escaped[0] = tx);

    assertThatThrownBy(
            () -> escaped[0].addToBaseline(PAIR, WATCHLIST, SOURCE, List.of(movie(1)), T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resetPairForgetsEverythingButTheJournalOfThatPairOnly() {
    for (String pair : List.of(PAIR, OTHER_PAIR)) {
      write(
          tx -> {
            tx.replaceBaseline(pair, WATCHLIST, SOURCE, List.of(movie(1), movie(2)), T0);
            tx.replaceBaseline(pair, WATCHLIST, TARGET, List.of(), T0);
            tx.putTombstones(pair, WATCHLIST, List.of(movie(3)), T0);
            tx.putUnresolved(pair, WATCHLIST, TARGET, movie(4), "not_found", T0);
            tx.recordFailure("run-1", pair, WATCHLIST, TARGET, movie(5), "not_found", T0);
            tx.park(pair, WATCHLIST, TARGET, movie(6), "not_found", T2);
            tx.journal("run-1", pair, WATCHLIST, TARGET, WriteOp.ADD, List.of(movie(1)), T0);
          });
    }

    assertThat(store.resetPair(PAIR)).isEqualTo(6);

    assertThat(store.baseline(PAIR, WATCHLIST, SOURCE)).isEmpty();
    assertThat(store.baseline(PAIR, WATCHLIST, TARGET)).isEmpty();
    assertThat(store.allTombstones(PAIR)).isEmpty();
    assertThat(store.unresolved(PAIR)).isEmpty();
    assertThat(store.allParked(PAIR)).isEmpty();
    int[] count = new int[1];
    write(tx -> count[0] = tx.recordFailure("run-2", PAIR, WATCHLIST, TARGET, movie(5), "x", T1));
    assertThat(count[0]).isEqualTo(1);
    assertThat(store.journal("run-1")).hasSize(2);
    assertThat(store.baseline(OTHER_PAIR, WATCHLIST, SOURCE).orElseThrow().items()).hasSize(2);
    assertThat(store.allTombstones(OTHER_PAIR)).hasSize(1);
    assertThat(store.unresolved(OTHER_PAIR)).hasSize(1);
    assertThat(store.allParked(OTHER_PAIR)).hasSize(1);
  }

  @Test
  void aClosedStoreRefusesWork() {
    store.close();

    assertThatThrownBy(() -> store.baseline(PAIR, WATCHLIST, SOURCE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.transaction(tx -> {})).isInstanceOf(IllegalStateException.class);
    store.close(); // closing twice is harmless
  }
}
