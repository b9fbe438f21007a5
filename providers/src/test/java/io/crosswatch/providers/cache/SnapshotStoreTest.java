package io.crosswatch.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
  private static final Map<String, String> MARKS = Map.of("movies.watchlisted_at", "t1");
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @TempDir Path stateDir;
  private final FakeTime time = FakeTime.standard();
  private final RecordingLog log = new RecordingLog();

  private SnapshotStore store() {
    return store("https://api.example");
  }

  private SnapshotStore store(String scope) {
    return new SnapshotStore(stateDir, "TRAKT", "default", scope, time, log);
  }

  private static List<Item> items() {
    return List.of(
        Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093")).withListedAt(T0),
        Item.movie("Heat", 1995, Ids.of(IdKind.TMDB, 949)).withRating(8, T0));
  }

  @Test
  void aSnapshotStoredWithEqualMarksIsReusableInALaterRun() {
    store().put(Feature.WATCHLIST, MARKS, items());

    SnapshotStore later = store();

    assertThat(later.reusable(Feature.WATCHLIST, Map.of("movies.watchlisted_at", "t1")))
        .contains(items());
    assertThat(later.get(Feature.WATCHLIST).orElseThrow().takenAt()).isEqualTo(time.instant());
  }

  @Test
  void refreshingReadsEachFeatureThatWasDroppedSinceItWasStored() {
    SnapshotStore store = store();
    store.put(Feature.WATCHLIST, MARKS, items());
    store.put(Feature.RATINGS, MARKS, items());
    store.put(Feature.HISTORY, MARKS, items());
    store.drop(Feature.WATCHLIST);
    store.drop(Feature.RATINGS);
    List<Feature> read = new ArrayList<>();

    store.refreshDropped(
        f -> {
          read.add(f);
          store.put(f, MARKS, items());
          return items();
        });

    assertThat(read).containsExactlyInAnyOrder(Feature.WATCHLIST, Feature.RATINGS);
    read.clear();
    store.refreshDropped(f -> read.add(f) ? items() : items());
    assertThat(read).as("nothing dropped since").isEmpty();
  }

  @Test
  void aSnapshotForgottenForLackOfMarksIsNotReadAgainWhenSettling() {
    SnapshotStore store = store();
    store.put(Feature.WATCHLIST, MARKS, items());
    store.store(Feature.WATCHLIST, Map.of(), items());
    List<Feature> read = new ArrayList<>();

    store.refreshDropped(f -> read.add(f) ? items() : items());

    assertThat(store.get(Feature.WATCHLIST)).isEmpty();
    assertThat(read).isEmpty();
  }

  @Test
  void aDroppedFeatureReadAgainWithoutMarksIsNotReadOnceMoreWhenSettling() {
    SnapshotStore store = store();
    store.put(Feature.WATCHLIST, MARKS, items());
    store.put(Feature.RATINGS, MARKS, items());
    store.drop(Feature.WATCHLIST);
    store.drop(Feature.RATINGS);
    List<Feature> read = new ArrayList<>();

    // One library read serves both; the service gave no marks for the other, so it is not kept.
    store.refreshDropped(
        f -> {
          read.add(f);
          Feature other = f == Feature.WATCHLIST ? Feature.RATINGS : Feature.WATCHLIST;
          store.store(f, MARKS, items());
          store.store(other, Map.of(), items());
          return items();
        });

    assertThat(read).hasSize(1);
    assertThat(store.get(read.get(0))).isPresent();
  }

  @Test
  void aReaderThatStoresEveryFeatureAtOnceIsAskedOnce() {
    SnapshotStore store = store();
    for (Feature f : Feature.values()) {
      store.put(f, MARKS, items());
      store.drop(f);
    }
    List<Feature> read = new ArrayList<>();

    store.refreshDropped(
        f -> {
          read.add(f);
          for (Feature each : Feature.values()) {
            store.put(each, MARKS, items());
          }
          return items();
        });

    assertThat(read).hasSize(1);
  }

  @Test
  void aFeatureThatCannotBeReadIsAWarningAndTheOthersAreStillRead() {
    SnapshotStore store = store();
    store.put(Feature.WATCHLIST, MARKS, items());
    store.put(Feature.RATINGS, MARKS, items());
    store.drop(Feature.WATCHLIST);
    store.drop(Feature.RATINGS);
    List<Feature> read = new ArrayList<>();

    store.refreshDropped(
        f -> {
          read.add(f);
          if (f == Feature.WATCHLIST) {
            throw new ProviderException(Kind.UNAVAILABLE, "503 Service Unavailable", true, null);
          }
          store.put(f, MARKS, items());
          return items();
        });

    assertThat(read).containsExactlyInAnyOrder(Feature.WATCHLIST, Feature.RATINGS);
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains("TRAKT:default", "watchlist", "503", "the next run reads it in full");
    assertThat(store.get(Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void otherMarksMeanTheSnapshotMustBeReadAgain() {
    store().put(Feature.WATCHLIST, MARKS, items());

    assertThat(store().reusable(Feature.WATCHLIST, Map.of("movies.watchlisted_at", "t2")))
        .isEmpty();
    assertThat(store().reusable(Feature.HISTORY, MARKS)).isEmpty();
  }

  @Test
  void aSnapshotOlderThanItsMaxAgeIsReadAgainEvenWithEqualMarks() {
    store().put(Feature.WATCHLIST, MARKS, items());

    time.advance(Duration.ofDays(2).minusSeconds(1));
    assertThat(store().reusable(Feature.WATCHLIST, MARKS, Duration.ofDays(2))).contains(items());
    time.advance(Duration.ofSeconds(1));
    assertThat(store().reusable(Feature.WATCHLIST, MARKS, Duration.ofDays(2))).isEmpty();
    assertThat(store().reusable(Feature.WATCHLIST, MARKS)).contains(items());
  }

  @Test
  void aSnapshotThroughTheStoreReadsOnceThenReusesWhileTheMarksStay() throws Exception {
    List<Feature> read = new ArrayList<>();
    SnapshotStore.FeatureReader reader =
        f -> {
          read.add(f);
          return items();
        };

    assertThat(store().snapshot(Feature.WATCHLIST, MARKS, reader)).isEqualTo(items());
    assertThat(store().snapshot(Feature.WATCHLIST, MARKS, reader)).isEqualTo(items());
    assertThat(store().snapshot(Feature.WATCHLIST, Map.of("movies.watchlisted_at", "t2"), reader))
        .isEqualTo(items());

    assertThat(read).containsExactly(Feature.WATCHLIST, Feature.WATCHLIST);
    assertThat(log.lines())
        .containsExactly(
            "TRAKT:default watchlist: unchanged since the last read, 2 items from the snapshot"
                + " cache");
  }

  @Test
  void aSnapshotThroughTheStoreWithoutMarksDropsWhatWasStored() throws Exception {
    store().put(Feature.RATINGS, MARKS, items());

    assertThat(store().snapshot(Feature.RATINGS, Map.of(), f -> List.of())).isEmpty();

    assertThat(store().get(Feature.RATINGS)).isEmpty();
  }

  @Test
  void aSnapshotThroughTheStoreReadsAgainWhenTheStoredOneIsTooOld() throws Exception {
    store().put(Feature.HISTORY, MARKS, items());
    time.advance(Duration.ofDays(2));

    assertThat(store().snapshot(Feature.HISTORY, MARKS, Duration.ofDays(2), f -> List.of()))
        .isEmpty();
    assertThat(store().reusable(Feature.HISTORY, MARKS)).contains(List.of());
  }

  @Test
  void noMarksProveNothing() {
    store().put(Feature.RATINGS, Map.of(), items());

    assertThat(store().reusable(Feature.RATINGS, Map.of())).isEmpty();
  }

  @Test
  void aDroppedSnapshotIsGoneAlsoForLaterRuns() {
    SnapshotStore s = store();
    s.put(Feature.WATCHLIST, MARKS, items());
    s.put(Feature.HISTORY, MARKS, items());

    s.drop(Feature.WATCHLIST);

    assertThat(store().reusable(Feature.WATCHLIST, MARKS)).isEmpty();
    assertThat(store().reusable(Feature.HISTORY, MARKS)).isPresent();
  }

  @Test
  void aDamagedFileIsIgnoredWithAWarningAndRebuilt() throws Exception {
    Path file = SnapshotStore.file(stateDir, "TRAKT", "default");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"version\":1,\"snapshots\":{\"watchlist\":[oops");

    SnapshotStore s = store();
    assertThat(s.reusable(Feature.WATCHLIST, MARKS)).isEmpty();
    s.put(Feature.WATCHLIST, MARKS, items());

    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains(file.toString(), "damaged", "rebuilt");
    assertThat(store().reusable(Feature.WATCHLIST, MARKS)).contains(items());
  }

  @Test
  void aFileWithAMalformedItemIsIgnoredAsAWhole() throws Exception {
    store().put(Feature.WATCHLIST, MARKS, items());
    Path file = store().file();
    Files.writeString(file, Files.readString(file).replace("\"movie\"", "\"film\""));

    assertThat(store().reusable(Feature.WATCHLIST, MARKS)).isEmpty();
    assertThat(log.warnings()).singleElement().asString().contains("damaged");
  }

  @Test
  void aCacheOfAnotherScopeIsNotReused() {
    store("https://api.example").put(Feature.WATCHLIST, MARKS, items());

    assertThat(store("https://api-staging.example").reusable(Feature.WATCHLIST, MARKS)).isEmpty();
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void factsAreKeptWithTheirMarks() {
    store().putFacts("account", Map.of("account.settings_at", "a1"), Map.of("vip", "false"));

    assertThat(store().facts("account", Map.of("account.settings_at", "a1")))
        .contains(Map.of("vip", "false"));
    assertThat(store().facts("account", Map.of("account.settings_at", "a2"))).isEmpty();
  }

  @Test
  void theFileIsOwnerOnlyUnderCache() throws Exception {
    store().put(Feature.WATCHLIST, MARKS, items());

    Path file = stateDir.resolve("cache").resolve("TRAKT-default.json");
    assertThat(store().file()).isEqualTo(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aSaveThatFailsIsAWarningNotAFailure() throws Exception {
    Files.writeString(stateDir.resolve("cache"), "a file where the folder belongs");

    store().put(Feature.WATCHLIST, MARKS, items());

    assertThat(log.warnings())
        .anySatisfy(w -> assertThat(w).contains("cannot save the snapshot cache"));
  }
}
