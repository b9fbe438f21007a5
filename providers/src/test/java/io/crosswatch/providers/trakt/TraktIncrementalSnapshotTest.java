package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TraktIncrementalSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(10);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @BeforeEach
  void seed() {
    trakt.user().addToWatchlist(movies.get(0), T0);
    trakt.user().addToWatchlist(movies.get(1), T0);
    trakt.user().addPlay(movies.get(2), T0);
    trakt.user().rate(movies.get(3), 7, T0);
    time.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() {
    trakt.close();
  }

  /** A provider as one run creates it. */
  private Provider run() {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("access_token", FakeTraktServer.ACCESS_TOKEN);
    settings.put("base_url", trakt.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "TRAKT", "default", settings, "trakt", stateDir, stateDir, time, false, log);
    return new TraktProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private static List<List<Item>> everything(Provider p) throws Exception {
    List<List<Item>> all = new ArrayList<>();
    for (Feature f : List.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS)) {
      all.add(p.snapshot(f));
    }
    return all;
  }

  private List<String> endpoints() {
    return trakt.requests().stream().map(RecordedRequest::endpoint).toList();
  }

  private static Item movie(long trakt) {
    return Item.movie(null, null, Ids.of(IdKind.TRAKT, trakt));
  }

  @Test
  void aRunWhereNothingChangedMakesExactlyOneRequest() throws Exception {
    Provider first = run();
    first.health();
    List<List<Item>> before = everything(first);
    trakt.clearLog();

    Provider second = run();
    HealthReport health = second.health();
    List<List<Item>> after = everything(second);

    assertThat(endpoints()).containsExactly("GET /sync/last_activities");
    assertThat(after).isEqualTo(before);
    assertThat(after.get(0)).hasSize(2);
    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(health.details()).containsEntry("watchlist_limit", "100");
  }

  @Test
  void aChangedActivityReReadsOnlyThatFeature() throws Exception {
    everything(run());
    trakt.user().rate(movies.get(4), 9, T0);
    trakt.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(endpoints()).containsExactly("GET /sync/last_activities", "GET /sync/ratings");
    assertThat(after.get(2)).hasSize(2);
  }

  @Test
  void aNewPlayReReadsTheHistoryOnly() throws Exception {
    everything(run());
    trakt.user().addPlay(movies.get(5), T0.plusSeconds(60));
    trakt.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(endpoints()).containsExactly("GET /sync/last_activities", "GET /sync/history");
    assertThat(after.get(1)).hasSize(2);
  }

  @Test
  void lastActivitiesIsAskedOncePerRunWhileNothingIsWritten() throws Exception {
    Provider p = run();
    p.health();
    everything(p);
    everything(p);

    assertThat(trakt.count("GET /sync/last_activities")).isEqualTo(1);
  }

  @Test
  void afterItsOwnWriteTheStoredSnapshotIsNotReused() throws Exception {
    Provider p = run();
    p.snapshot(Feature.WATCHLIST);

    p.add(Feature.WATCHLIST, List.of(movie(1007)));
    List<Item> after = p.snapshot(Feature.WATCHLIST);

    assertThat(after).hasSize(3);
    assertThat(trakt.count("GET /sync/watchlist")).isEqualTo(2);
    assertThat(trakt.count("GET /sync/last_activities")).isEqualTo(2);
  }

  @Test
  void aWriteInOneRunIsSeenByTheNextRun() throws Exception {
    Provider p = run();
    everything(p);
    p.remove(Feature.RATINGS, List.of(movie(1004)));
    trakt.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(after.get(2)).isEmpty();
    assertThat(endpoints()).contains("GET /sync/ratings").doesNotContain("GET /sync/watchlist");
  }

  @Test
  void settlingAfterAWriteReadsTheWrittenFeatureSoTheNextRunMakesOneRequest() throws Exception {
    Provider p = run();
    everything(p);
    p.remove(Feature.RATINGS, List.of(movie(1004)));
    trakt.clearLog();

    p.settle();

    assertThat(endpoints()).containsExactly("GET /sync/last_activities", "GET /sync/ratings");
    trakt.clearLog();
    List<List<Item>> after = everything(run());
    assertThat(endpoints()).containsExactly("GET /sync/last_activities");
    assertThat(after.get(2)).isEmpty();
  }

  @Test
  void removingPlaysTraktDoesNotHaveKeepsTheCachedHistorySoSettlingReadsNothing() throws Exception {
    Provider p = run();
    everything(p);
    Item unknown = movie(1009).withWatchedAt(T0.plusSeconds(30));

    assertThat(p.remove(Feature.HISTORY, List.of(unknown)).outcomes())
        .singleElement()
        .extracting(ItemOutcome::status)
        .isEqualTo(ItemOutcome.Status.NOT_FOUND);
    trakt.clearLog();
    p.settle();
    everything(run());

    assertThat(endpoints()).containsExactly("GET /sync/last_activities");
  }

  @Test
  void settlingAfterAPlayAlsoReadsTheWatchlistTheTraktTrapChanged() throws Exception {
    Provider p = run();
    everything(p);
    p.add(Feature.HISTORY, List.of(movie(1001).withWatchedAt(T0.plusSeconds(5))));
    trakt.clearLog();

    p.settle();

    assertThat(endpoints())
        .containsExactlyInAnyOrder(
            "GET /sync/last_activities", "GET /sync/history", "GET /sync/watchlist");
    trakt.clearLog();
    List<List<Item>> after = everything(run());
    assertThat(endpoints()).containsExactly("GET /sync/last_activities");
    assertThat(after.get(0)).extracting(i -> i.ids().value(IdKind.TRAKT)).containsExactly("1002");
    assertThat(after.get(1)).hasSize(2);
  }

  @Test
  void aSettleThatCannotReadIsAWarningAndTheNextRunReadsAgain() throws Exception {
    Provider p = run();
    everything(p);
    p.remove(Feature.RATINGS, List.of(movie(1004)));
    trakt.faults().failNext(1, 404, "/sync/ratings");

    p.settle();

    assertThat(log.warnings())
        .anySatisfy(w -> assertThat(w).contains("ratings").contains("next run reads it in full"));
    trakt.clearLog();
    List<List<Item>> after = everything(run());
    assertThat(endpoints()).contains("GET /sync/ratings");
    assertThat(after.get(2)).isEmpty();
  }

  @Test
  void aPlayTakesItsTitleOffTheWatchlistAndTheWatchlistIsReadAgain() throws Exception {
    Provider p = run();
    everything(p);

    p.add(Feature.HISTORY, List.of(movie(1001).withWatchedAt(T0.plusSeconds(5))));
    List<Item> watchlist = p.snapshot(Feature.WATCHLIST);

    assertThat(watchlist).extracting(i -> i.ids().value(IdKind.TRAKT)).containsExactly("1002");
    assertThat(trakt.count("GET /sync/watchlist")).isEqualTo(2);
  }

  @Test
  void removingPlaysAfterACachedHistorySnapshotReadsThePlayIds() throws Exception {
    everything(run());
    Provider p = run();
    Item play = p.snapshot(Feature.HISTORY).get(0);

    assertThat(p.remove(Feature.HISTORY, List.of(play)).outcomes())
        .allMatch(ItemOutcome::succeeded);
    assertThat(trakt.user().plays()).isEmpty();
  }

  @Test
  void aDamagedCacheIsIgnoredWithAWarningAndRebuilt() throws Exception {
    everything(run());
    Path file = SnapshotStore.file(stateDir, "TRAKT", "default");
    Files.writeString(file, "{\"version\": 1, \"snapshots\": ");
    trakt.clearLog();

    List<List<Item>> after = everything(run());
    trakt.clearLog();
    everything(run());

    assertThat(after.get(0)).hasSize(2);
    assertThat(log.warnings()).singleElement().asString().contains("damaged", "rebuilt");
    assertThat(endpoints()).containsExactly("GET /sync/last_activities");
  }
}
