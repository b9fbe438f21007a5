package io.crosswatch.providers.mdblist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.mdblist.MdblistTitle;
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

class MdblistIncrementalSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final String ACTIVITIES = "GET /sync/last_activities";
  private static final List<String> READS =
      List.of("GET /watchlist/items", "GET /sync/watched", "GET /sync/ratings");

  private final FakeTime time = FakeTime.standard();
  private final FakeMdblistServer mdb = FakeMdblistServer.builder().clock(time).build().start();
  private final List<MdblistTitle> movies = mdb.catalogue().generateMovies(10);
  @TempDir Path stateDir;

  @BeforeEach
  void seed() {
    mdb.user().list(movies.get(0), T0);
    mdb.user().play(movies.get(1), null, null, T0);
    mdb.user().rate(movies.get(2), 7, T0);
    time.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() {
    mdb.close();
  }

  /** A provider as one run creates it. */
  private Provider run(String settingsJson) {
    ObjectNode settings = (ObjectNode) JsonMapper.builder().build().readTree(settingsJson);
    settings.put("api_key", FakeMdblistServer.API_KEY);
    settings.put("base_url", mdb.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "MDBLIST",
            "default",
            settings,
            "mdblist",
            stateDir,
            stateDir,
            time,
            false,
            DiagnosticLog.silent());
    return new MdblistProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private Provider run() {
    return run("{}");
  }

  private static List<List<Item>> everything(Provider p) throws Exception {
    List<List<Item>> all = new ArrayList<>();
    for (Feature f : List.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS)) {
      all.add(p.snapshot(f));
    }
    return all;
  }

  private List<String> endpoints() {
    return mdb.requests().stream().map(RecordedRequest::endpoint).toList();
  }

  private SnapshotStore store() {
    return new SnapshotStore(
        stateDir, "MDBLIST", "default", mdb.baseUrl(), time, DiagnosticLog.silent());
  }

  private static Item movie(String imdb) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  @Test
  void aRunWhereNothingChangedMakesOneActivitiesCallAndNoOtherRequest() throws Exception {
    Provider first = run();
    first.health();
    List<List<Item>> before = everything(first);
    mdb.clearLog();

    Provider second = run();
    HealthReport health = second.health();
    List<List<Item>> after = everything(second);

    assertThat(endpoints()).containsExactly(ACTIVITIES);
    assertThat(after).isEqualTo(before);
    assertThat(after).allSatisfy(items -> assertThat(items).hasSize(1));
    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(health.details()).containsEntry("daily_quota_left", "995/1000");
  }

  @Test
  void anAdditionOnMdblistIsReadAgain() throws Exception {
    everything(run());
    mdb.user().rate(movies.get(3), 9, T0);
    mdb.clearLog();

    List<Item> ratings = run().snapshot(Feature.RATINGS);

    assertThat(endpoints()).containsExactly(ACTIVITIES, "GET /sync/ratings");
    assertThat(ratings).extracting(Item::rating).containsExactlyInAnyOrder(7, 9);
  }

  @Test
  void aRemovalThatMovesOnlyTheJournalIsNotMissed() throws Exception {
    everything(run());
    Instant ratedAt = mdb.user().activity("rated_at");
    mdb.user().unrate(movies.get(2));
    mdb.user().unplay(movies.get(1), null, null);
    mdb.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(mdb.user().activity("rated_at")).isEqualTo(ratedAt);
    assertThat(endpoints()).containsAll(READS);
    assertThat(after.get(1)).isEmpty();
    assertThat(after.get(2)).isEmpty();
  }

  @Test
  void anyOwnWriteDropsEveryStoredSnapshotSinceItMovesTheJournal() throws Exception {
    Provider p = run();
    everything(p);

    p.add(Feature.RATINGS, List.of(movie("tt1000005").withRating(6, T0)));

    assertThat(store().get(Feature.RATINGS)).isEmpty();
    assertThat(store().get(Feature.WATCHLIST)).isEmpty();
    assertThat(store().get(Feature.HISTORY)).isEmpty();
    mdb.clearLog();

    List<Item> ratings = p.snapshot(Feature.RATINGS);

    assertThat(endpoints()).containsExactly(ACTIVITIES, "GET /sync/ratings");
    assertThat(ratings).extracting(Item::rating).containsExactlyInAnyOrder(7, 6);
  }

  @Test
  void settlingAfterOwnWritesReadsOnceSoTheNextRunMakesOneCall() throws Exception {
    Provider first = run();
    everything(first);
    first.add(Feature.WATCHLIST, List.of(movie("tt1000008")));
    time.advance(Duration.ofSeconds(5));
    mdb.clearLog();

    first.settle();
    List<String> settleCalls = endpoints();
    mdb.clearLog();
    List<List<Item>> second = everything(run());

    assertThat(settleCalls).startsWith(ACTIVITIES).containsAll(READS).hasSize(1 + READS.size());
    assertThat(endpoints()).containsExactly(ACTIVITIES);
    assertThat(second.get(0)).hasSize(2);
  }

  @Test
  void aRunThatWroteButNeverSettledLeavesTheNextRunToReadAgain() throws Exception {
    Provider first = run();
    everything(first);
    first.add(Feature.WATCHLIST, List.of(movie("tt1000008")));
    time.advance(Duration.ofSeconds(5));
    mdb.clearLog();

    List<List<Item>> second = everything(run());

    assertThat(endpoints()).startsWith(ACTIVITIES).containsAll(READS);
    assertThat(second.get(0)).hasSize(2);
  }

  @Test
  void withoutTheActivitiesCallEveryFeatureIsReadAndTheKeyCheckedWithUser() throws Exception {
    everything(run());
    mdb.faults().failNext(100, 404, "/sync/last_activities");
    mdb.clearLog();

    Provider p = run();
    HealthReport health = p.health();
    List<List<Item>> all = everything(p);

    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(endpoints())
        .containsExactly(ACTIVITIES, "GET /user", READS.get(0), READS.get(1), READS.get(2));
    assertThat(all).allSatisfy(items -> assertThat(items).hasSize(1));
    p.add(Feature.RATINGS, List.of(movie("tt1000005").withRating(6, T0)));
    mdb.clearLog();
    assertThat(p.snapshot(Feature.RATINGS)).hasSize(2);
    assertThat(endpoints()).as("not asked again").containsExactly("GET /sync/ratings");
  }

  @Test
  void aSnapshotOlderThanFullRefreshDaysIsReadAgainInFull() throws Exception {
    everything(run());
    time.advance(Duration.ofDays(6));
    mdb.clearLog();
    everything(run());
    assertThat(endpoints()).containsExactly(ACTIVITIES);

    time.advance(Duration.ofDays(1).plusMinutes(1));
    mdb.clearLog();
    everything(run());

    assertThat(endpoints()).containsExactly(ACTIVITIES, READS.get(0), READS.get(1), READS.get(2));
  }

  @Test
  void fullRefreshDaysIsConfigurable() throws Exception {
    everything(run("{\"full_refresh_days\": 2}"));
    time.advance(Duration.ofDays(2).plusSeconds(1));
    mdb.clearLog();

    everything(run("{\"full_refresh_days\": 2}"));

    assertThat(endpoints()).containsAll(READS);
  }

  @Test
  void fullRefreshDaysMustBeAWholeNumberOfDaysFromOneToAYear() {
    JsonMapper json = JsonMapper.builder().build();

    assertThat(MdblistSettings.validate(json.readTree("{\"full_refresh_days\": 366}"), "mdblist"))
        .extracting(ConfigIssue::path, ConfigIssue::message)
        .containsExactly(
            tuple(
                "mdblist.full_refresh_days",
                "must be a whole number of days within [1, 365], got 366"));
    assertThat(MdblistSettings.validate(json.readTree("{\"full_refresh_days\": \"7\"}"), "m"))
        .hasSize(1);
    assertThat(MdblistSettings.validate(json.readTree("{\"full_refresh_days\": 30}"), "m"))
        .isEmpty();
    assertThat(MdblistSettings.from(json.readTree("{\"full_refresh_days\": 30}")).fullRefreshDays())
        .isEqualTo(30);
    assertThat(MdblistSettings.from(json.createObjectNode()).fullRefreshDays()).isEqualTo(7);
  }

  @Test
  void theCacheOfAnotherServerIsNeverReused() throws Exception {
    everything(run());
    try (FakeMdblistServer other = FakeMdblistServer.builder().clock(time).build().start()) {
      ObjectNode settings = JsonMapper.builder().build().createObjectNode();
      settings.put("api_key", FakeMdblistServer.API_KEY);
      settings.put("base_url", other.baseUrl());
      Provider p =
          new MdblistProviderFactory()
              .create(
                  new ProviderContext(
                      "MDBLIST",
                      "default",
                      settings,
                      "mdblist",
                      stateDir,
                      stateDir,
                      time,
                      false,
                      DiagnosticLog.silent(),
                      time.sleeper(),
                      new SplittableRandom(1)));

      assertThat(p.snapshot(Feature.RATINGS)).isEmpty();
      assertThat(other.count("GET /sync/ratings")).isEqualTo(1);
    }
  }
}
