package io.crosswatch.providers.mdblist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.mdblist.MdblistTitle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdblistProviderTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private FakeMdblistServer mdb = FakeMdblistServer.builder().clock(time).build().start();
  private List<MdblistTitle> movies = mdb.catalogue().generateMovies(300);
  private MdblistTitle show = mdb.catalogue().generateShow(1);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    mdb.close();
  }

  private void restart(FakeMdblistServer.Builder builder) {
    mdb.close();
    mdb = builder.clock(time).build().start();
    movies = mdb.catalogue().generateMovies(300);
    show = mdb.catalogue().generateShow(1);
  }

  private Provider provider() {
    return provider(FakeMdblistServer.API_KEY);
  }

  private Provider provider(String key) {
    return MdblistTestbed.provider(mdb, key, time, stateDir, log);
  }

  private static Item movieByImdb(String imdb) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  private static Item movieByTmdb(long tmdb) {
    return Item.movie(null, null, Ids.of(IdKind.TMDB, tmdb));
  }

  @Test
  void healthChecksTheKeyWithTheActivitiesCallAndReportsTheQuotaLeft() {
    HealthReport report = provider().health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(report.details())
        .containsEntry("auth", "valid")
        .containsEntry("daily_quota_left", "999/1000")
        .containsKey("daily_quota_resets_at");
    assertThat(mdb.requests())
        .extracting(RecordedRequest::endpoint)
        .containsExactly("GET /sync/last_activities");
  }

  @Test
  void aWrongKeyIsAuthFailedAndNeverPrinted() {
    HealthReport report = provider("bad-key-123").health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message())
        .contains("GET /sync/last_activities: 401")
        .doesNotContain("bad-key-123");
    assertThat(String.join("\n", log.lines())).contains("apikey=***").doesNotContain("bad-key-123");
  }

  @Test
  void watchlistIsReadPageByPageWithFlatIds() throws Exception {
    for (int i = 0; i < 250; i++) {
      mdb.user().list(movies.get(i), T0.plusSeconds(i));
    }
    mdb.user().list(show, T0);

    Provider p = provider();
    List<Item> items = p.snapshot(Feature.WATCHLIST);

    assertThat(items).hasSize(251);
    assertThat(items.get(0).ids().asMap())
        .containsEntry(IdKind.IMDB, "tt1000001")
        .containsEntry(IdKind.TMDB, "5001");
    assertThat(items.get(0).listedAt()).isEqualTo(T0);
    assertThat(items)
        .filteredOn(i -> i.type() == MediaType.SHOW)
        .singleElement()
        .satisfies(s -> assertThat(s.ids().value(IdKind.TVDB)).isEqualTo("300001"));
    List<RecordedRequest> pages =
        mdb.requests().stream().filter(r -> r.endpoint().equals("GET /watchlist/items")).toList();
    assertThat(pages)
        .extracting(r -> r.request().param("offset").orElse(""))
        .containsExactly("0", "100", "200");
    assertThat(pages.get(0).request().param("unified")).contains("true");
  }

  @Test
  void pagingFollowsTheServerWhenItCapsTheLimitLower() throws Exception {
    restart(FakeMdblistServer.builder().pageCap(30));
    for (int i = 0; i < 70; i++) {
      mdb.user().rate(movies.get(i), 1 + i % 10, T0);
    }

    List<Item> ratings = provider().snapshot(Feature.RATINGS);

    assertThat(ratings).hasSize(70);
    assertThat(mdb.count("GET /sync/ratings")).isEqualTo(3);
  }

  @Test
  void emptyLibrariesAreEmptySnapshots() throws Exception {
    Provider p = provider();

    assertThat(p.snapshot(Feature.WATCHLIST)).isEmpty();
    assertThat(p.snapshot(Feature.HISTORY)).isEmpty();
    assertThat(p.snapshot(Feature.RATINGS)).isEmpty();
  }

  @Test
  void historyHasMoviePlaysAndEpisodePlays() throws Exception {
    mdb.user().play(movies.get(0), null, null, T0);
    mdb.user().play(show, 2, 5, T0.plusSeconds(60));

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays)
        .extracting(Item::type, Item::season, Item::number, Item::watchedAt)
        .containsExactlyInAnyOrder(
            tuple(MediaType.MOVIE, null, null, T0),
            tuple(MediaType.EPISODE, 2, 5, T0.plusSeconds(60)));
  }

  @Test
  void watchlistWritesSendOnlyImdbAndTmdbAndReportNotFound() throws Exception {
    Provider p = provider();
    Item known = movieByImdb("tt1000001");
    Item byTmdb = movieByTmdb(5002);
    Item unknown = movieByImdb("tt7777777");
    Item tvdbOnly = Item.show("Show 1", null, Ids.of(IdKind.TVDB, 300001));
    Item episode =
        Item.episode(new ShowRef(null, null, Ids.of(IdKind.TMDB, 700001)), 1, 1, null, Ids.empty());

    WriteResult r = p.add(Feature.WATCHLIST, List.of(known, byTmdb, unknown, tvdbOnly, episode));
    WriteResult removed = p.remove(Feature.WATCHLIST, List.of(known));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::item, ItemOutcome::status, ItemOutcome::reason)
        .containsExactlyInAnyOrder(
            tuple(known, ItemOutcome.Status.CONFIRMED, null),
            tuple(byTmdb, ItemOutcome.Status.CONFIRMED, null),
            tuple(unknown, ItemOutcome.Status.NOT_FOUND, "not_found"),
            tuple(tvdbOnly, ItemOutcome.Status.NOT_FOUND, "no_ids"),
            tuple(episode, ItemOutcome.Status.NOT_FOUND, "not_listable"));
    assertThat(removed.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(mdb.user().watchlist()).extracting(l -> l.title().tmdb()).containsExactly(5002L);
    RecordedRequest add = mdb.requests().get(0);
    assertThat(add.request().body()).contains("\"imdb\":\"tt1000001\"").doesNotContain("tvdb");
  }

  @Test
  void ratingsAndHistoryWritesRoundTrip() throws Exception {
    Provider p = provider();
    Item episodePlay =
        Item.episode(new ShowRef(null, null, Ids.of(IdKind.TVDB, 300001)), 1, 2, null, Ids.empty())
            .withWatchedAt(T0);

    p.add(Feature.RATINGS, List.of(movieByTmdb(5001).withRating(8, T0)));
    p.add(Feature.HISTORY, List.of(movieByImdb("tt1000002").withWatchedAt(T0), episodePlay));
    List<Item> ratings = p.snapshot(Feature.RATINGS);
    List<Item> plays = p.snapshot(Feature.HISTORY);
    p.remove(Feature.HISTORY, List.of(episodePlay));

    assertThat(ratings).singleElement().satisfies(i -> assertThat(i.rating()).isEqualTo(8));
    assertThat(plays).hasSize(2);
    assertThat(mdb.user().plays()).extracting(pl -> pl.title().tmdb()).containsExactly(5002L);
  }

  @Test
  void stopsBeforeSpendingTheLastTenthOfTheDailyQuota() throws Exception {
    restart(FakeMdblistServer.builder().quota(100, 12));
    for (int i = 0; i < 300; i++) {
      mdb.user().list(movies.get(i), T0);
    }
    Provider p = provider();

    assertThatThrownBy(() -> p.snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.LIMIT);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("10 of 100 calls left", "resets at");
            });
    assertThat(mdb.remaining()).isEqualTo(10);
    assertThat(mdb.requests()).hasSize(2).extracting(RecordedRequest::status).containsOnly(200);
  }

  @Test
  void retriesServerErrors() throws Exception {
    Provider p = provider();
    mdb.faults().failNext(2, 503);

    assertThat(p.snapshot(Feature.RATINGS)).isEmpty();
    assertThat(p.apiUsage().orElseThrow().retries()).isEqualTo(2);
  }

  @Test
  void aRateLimitWithRetryAfterIsWaitedOut() throws Exception {
    Provider p = provider();
    mdb.faults().rateLimitNext(1, 7);

    p.snapshot(Feature.WATCHLIST);

    assertThat(time.sleeps()).contains(java.time.Duration.ofSeconds(7));
  }

  @Test
  void aRevokedKeyIsAPermanentAuthFailure() {
    assertThatThrownBy(() -> provider("nope-nope").snapshot(Feature.RATINGS))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.retriable()).isFalse();
            });
  }

  @Test
  void aHistoryAddThatMayHaveArrivedIsFinalSoItIsNeverSentTwice() {
    mdb.faults().failNext(1, 503, "/sync/watched");

    assertThatThrownBy(
            () ->
                provider()
                    .add(Feature.HISTORY, List.of(movieByImdb("tt1000001").withWatchedAt(T0))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("503", "not sent again");
            });
    assertThat(mdb.count("POST /sync/watched")).isEqualTo(1);
  }
}
