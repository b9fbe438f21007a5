package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.apply.Applier;
import io.crosswatch.core.apply.ApplyResult;
import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TraktProviderTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(40);
  private final TraktTitle show = trakt.catalogue().generateShow(1, 2, 5);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Provider provider() {
    return provider(FakeTraktServer.ACCESS_TOKEN);
  }

  private Provider provider(String token) {
    return provider(token, 5);
  }

  private Provider provider(String token, double timeoutSeconds) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("client_secret", "secret-xyz");
    settings.put("access_token", token);
    settings.put("base_url", trakt.baseUrl());
    settings.put("timeout", timeoutSeconds);
    ProviderContext context =
        new ProviderContext(
            "TRAKT", "default", settings, "trakt", stateDir, stateDir, time, true, log);
    return new TraktProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private static Item movie(long trakt) {
    return Item.movie(null, null, Ids.of(IdKind.TRAKT, trakt));
  }

  private static Item movieByImdb(String imdb) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  @Test
  void healthChecksAuthAndReportsTheWatchlistLimit() throws Exception {
    HealthReport report = provider().health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(report.details())
        .containsEntry("watchlist_limit", "100")
        .containsEntry("auth", "valid")
        .containsEntry("get_budget_left", "998 of 1000 per 300 s");
    assertThat(report.features()).containsExactlyInAnyOrder(Feature.values());
  }

  @Test
  void healthReportsABadTokenAsAuthFailed() throws Exception {
    HealthReport report = provider("wrong-token").health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message())
        .contains("TRAKT:default GET /sync/last_activities: 401")
        .doesNotContain("wrong-token");
  }

  @Test
  void healthReportsAMissingTokenWithoutCalling() throws Exception {
    HealthReport report = provider("").health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message()).contains("access_token is empty");
    assertThat(trakt.requests()).isEmpty();
  }

  @Test
  void healthReportsAnOutageAsDown() throws Exception {
    trakt.faults().failNext(20, 503);

    assertThat(provider().health().status()).isEqualTo(HealthReport.Status.DOWN);
  }

  @Test
  void watchlistSnapshotMapsEveryType() throws Exception {
    TraktTitle season = trakt.catalogue().season(show, 2).orElseThrow();
    TraktTitle episode = trakt.catalogue().episode(show, 1, 3).orElseThrow();
    trakt.user().addToWatchlist(movies.get(0), T0);
    trakt.user().addToWatchlist(show, T0.plusSeconds(1));
    trakt.user().addToWatchlist(season, T0.plusSeconds(2));
    trakt.user().addToWatchlist(episode, T0.plusSeconds(3));

    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items)
        .extracting(Item::type)
        .containsExactly(MediaType.MOVIE, MediaType.SHOW, MediaType.SEASON, MediaType.EPISODE);
    Item m = items.get(0);
    assertThat(m.title()).isEqualTo("Movie 1");
    assertThat(m.ids().asMap())
        .containsEntry(IdKind.TRAKT, "1001")
        .containsEntry(IdKind.IMDB, "tt1000001")
        .containsEntry(IdKind.TMDB, "5001");
    assertThat(m.listedAt()).isEqualTo(T0);
    Item e = items.get(3);
    assertThat(e.show().ids().value(IdKind.TVDB)).isEqualTo("300001");
    assertThat(e.show().title()).isEqualTo("Show 1");
    assertThat(e.season()).isEqualTo(1);
    assertThat(e.number()).isEqualTo(3);
    assertThat(items.get(2).season()).isEqualTo(2);
  }

  @Test
  void parsesIdsThatArriveAsStrings() throws Exception {
    trakt.close();
    trakt = FakeTraktServer.builder().clock(time).stringIds(true).build().start();
    trakt.user().addToWatchlist(trakt.catalogue().generateMovies(1).get(0), T0);

    Item item = provider().snapshot(Feature.WATCHLIST).get(0);

    assertThat(item.ids().value(IdKind.TRAKT)).isEqualTo("1001");
    assertThat(item.ids().value(IdKind.TMDB)).isEqualTo("5001");
  }

  @Test
  void historySnapshotFollowsEveryPageWhateverTheServerCapsTheLimitTo() throws Exception {
    trakt.close();
    trakt = FakeTraktServer.builder().clock(time).pageCap(30).build().start();
    List<TraktTitle> titles = trakt.catalogue().generateMovies(10);
    for (int i = 0; i < 250; i++) {
      trakt.user().addPlay(titles.get(i % 10), T0.plusSeconds(i));
    }

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(250);
    assertThat(plays).extracting(Item::watchedAt).doesNotHaveDuplicates();
    assertThat(trakt.count("GET /sync/history")).isEqualTo(9);
    assertThat(
            trakt.requests().stream()
                .filter(r -> r.path().equals("/sync/history"))
                .findFirst()
                .orElseThrow()
                .request()
                .param("limit"))
        .contains("100");
  }

  @Test
  void historySnapshotReadsMoreThan100PlaysAcrossPages() throws Exception {
    for (int i = 0; i < 230; i++) {
      trakt.user().addPlay(movies.get(i % 40), T0.plusSeconds(i));
    }

    Provider p = provider();
    List<Item> plays = p.snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(230);
    assertThat(p.apiUsage().orElseThrow().byEndpoint()).containsEntry("GET /sync/history", 3L);
  }

  @Test
  void watchlistAddAndRemoveRoundTrip() throws Exception {
    Provider p = provider();

    WriteResult added = p.add(Feature.WATCHLIST, List.of(movie(1001), movieByImdb("tt1000002")));
    WriteResult again = p.add(Feature.WATCHLIST, List.of(movie(1001)));
    List<Item> present = p.snapshot(Feature.WATCHLIST);
    WriteResult removed = p.remove(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(added.outcomes())
        .extracting(ItemOutcome::status)
        .containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(again.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(present).hasSize(2);
    assertThat(removed.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(trakt.user().watchlist()).extracting(e -> e.title().trakt()).containsExactly(1002L);
  }

  @Test
  void unknownTitlesComeBackNotFoundOthersConfirmed() throws Exception {
    Item unknown = movieByImdb("tt7777777");
    Item unknownEpisode =
        Item.episode(new ShowRef("Nope", null, Ids.of(IdKind.TVDB, 999)), 1, 1, null, Ids.empty());
    Item missingEpisode =
        Item.episode(
            new ShowRef("Show 1", null, Ids.of(IdKind.TVDB, 300001)), 1, 9, null, Ids.empty());
    Item known = movie(1003);

    WriteResult r =
        provider().add(Feature.WATCHLIST, List.of(unknown, unknownEpisode, missingEpisode, known));

    assertThat(r.outcomes()).hasSize(4);
    assertThat(r.outcomes())
        .filteredOn(o -> o.status() == ItemOutcome.Status.NOT_FOUND)
        .extracting(ItemOutcome::item)
        .containsExactlyInAnyOrder(unknown, unknownEpisode, missingEpisode);
    assertThat(r.outcomes())
        .filteredOn(o -> o.status() == ItemOutcome.Status.NOT_FOUND)
        .extracting(ItemOutcome::reason)
        .containsOnly("not_found");
    assertThat(r.outcomes())
        .filteredOn(ItemOutcome::succeeded)
        .extracting(ItemOutcome::item)
        .containsExactly(known);
  }

  @Test
  void itemsWithoutTraktIdsAreNotSent() throws Exception {
    Item plexOnly = Item.movie("Local", 2000, Ids.of(IdKind.PLEX, "123"));

    WriteResult r = provider().add(Feature.WATCHLIST, List.of(plexOnly));

    assertThat(r.outcomes()).containsExactly(ItemOutcome.notFound(plexOnly, "no_ids"));
    assertThat(trakt.requests()).isEmpty();
  }

  @Test
  void historyAddSendsPlaysWithTheirTimesAndEpisodesByShowAndNumber() throws Exception {
    Item moviePlay = movie(1001).withWatchedAt(T0);
    Item episodePlay =
        Item.episode(
                new ShowRef("Show 1", 1961, Ids.of(IdKind.TVDB, 300001)), 2, 4, null, Ids.empty())
            .withWatchedAt(T0.plusSeconds(60));
    Provider p = provider();

    WriteResult r = p.add(Feature.HISTORY, List.of(moviePlay, episodePlay));
    List<Item> plays = p.snapshot(Feature.HISTORY);

    assertThat(r.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(plays).hasSize(2);
    Item episode = plays.get(0);
    assertThat(episode.watchedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(episode.season()).isEqualTo(2);
    assertThat(episode.number()).isEqualTo(4);
    assertThat(episode.ids().value(IdKind.TRAKT)).isEqualTo("20010204");
    assertThat(plays.get(1).watchedAt()).isEqualTo(T0);
  }

  @Test
  void historyRemoveTakesOnlyTheGivenPlay() throws Exception {
    trakt.user().addPlay(movies.get(0), T0);
    trakt.user().addPlay(movies.get(0), T0.plusSeconds(3600));
    Provider p = provider();
    Item first =
        p.snapshot(Feature.HISTORY).stream()
            .filter(i -> i.watchedAt().equals(T0))
            .findFirst()
            .orElseThrow();

    WriteResult r =
        p.remove(Feature.HISTORY, List.of(first, movie(1001).withWatchedAt(T0.plusSeconds(5))));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactlyInAnyOrder(ItemOutcome.Status.NOT_FOUND, ItemOutcome.Status.CONFIRMED);
    assertThat(trakt.user().plays())
        .extracting(pl -> pl.watchedAt())
        .containsExactly(T0.plusSeconds(3600));
  }

  @Test
  void ratingsAddUpdateAndRemove() throws Exception {
    Provider p = provider();
    Item rated = movie(1001).withRating(7, T0);

    p.add(Feature.RATINGS, List.of(rated));
    p.update(Feature.RATINGS, List.of(movie(1001).withRating(9, T0.plusSeconds(10))));
    List<Item> ratings = p.snapshot(Feature.RATINGS);
    WriteResult removed = p.remove(Feature.RATINGS, List.of(movie(1001)));

    assertThat(ratings).hasSize(1);
    assertThat(ratings.get(0).rating()).isEqualTo(9);
    assertThat(ratings.get(0).ratedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(removed.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(trakt.user().ratings()).isEmpty();
  }

  @Test
  void aRatingOutside1To10FailsWithoutBeingSent() throws Exception {
    Item bad = movie(1001).withRating(0, T0);

    WriteResult r = provider().add(Feature.RATINGS, List.of(bad));

    assertThat(r.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(r.outcomes().get(0).retriable()).isFalse();
  }

  @Test
  void anAccountLimitIsAPermanentLimitFailureNamingTheLimit() throws Exception {
    trakt.user().setWatchlistLimit(1);

    assertThatThrownBy(() -> provider().add(Feature.WATCHLIST, List.of(movie(1001), movie(1002))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.LIMIT);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage())
                  .contains("TRAKT:default POST /sync/watchlist: 420", "limit 1 items");
            });
  }

  @Test
  void aRevokedTokenIsAnAuthFailure() throws Exception {
    Provider p = provider();
    trakt.revokeToken(FakeTraktServer.ACCESS_TOKEN);

    assertThatThrownBy(() -> p.snapshot(Feature.RATINGS))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.retriable()).isFalse();
            });
  }

  @Test
  void pacesWritesSoTheServiceNeverRateLimits() throws Exception {
    Provider p = provider();

    for (int i = 0; i < 4; i++) {
      p.add(Feature.WATCHLIST, List.of(movie(1001 + i)));
    }

    assertThat(trakt.requests()).extracting(r -> r.status()).containsOnly(201);
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void retriesTransientFailuresOfReadsAndLeavesThoseOfWritesToTheApplier() throws Exception {
    Provider p = provider();
    trakt.faults().failNext(2, 502);

    p.snapshot(Feature.WATCHLIST);
    assertThat(p.apiUsage().orElseThrow().retries()).isEqualTo(2);

    trakt.faults().failNext(1, 502);
    assertThatThrownBy(() -> p.add(Feature.WATCHLIST, List.of(movie(1001))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
    p.add(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(trakt.user().watchlist()).hasSize(1);
    assertThat(trakt.count("POST /sync/watchlist")).isEqualTo(2);
  }

  @Test
  void aHistoryAddTraktRefusedWith503IsRecheckedAndFailsTransientlySoItIsSentAgain()
      throws Exception {
    Provider p = provider();
    trakt.faults().failNext(1, 503);
    Item play = movie(1001).withWatchedAt(T0);

    WriteResult r = p.add(Feature.HISTORY, List.of(play));

    assertThat(r.outcomes())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(ItemOutcome.Status.FAILED);
              assertThat(o.retriable()).isTrue();
              assertThat(o.reason()).contains("503", "not in Trakt's history", "sent again");
            });
    assertThat(trakt.count("POST /sync/history")).isEqualTo(1);
    assertThat(trakt.requests())
        .filteredOn(q -> q.endpoint().equals("GET /sync/history"))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.request().param("start_at")).contains("2025-06-01T11:59:59Z");
              assertThat(q.request().param("end_at")).contains("2025-06-01T12:00:01Z");
            });
    assertThat(trakt.user().plays()).isEmpty();

    assertThat(p.add(Feature.HISTORY, List.of(play)).outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(trakt.user().plays()).hasSize(1);
  }

  @Test
  void aHistoryAddTraktAppliedButAnswered503IsConfirmedByTheRecheckAndNeverDoubled()
      throws Exception {
    Provider p = provider();
    trakt.failAfterApplying(1, 503, "/sync/history");
    Item first = movie(1001).withWatchedAt(T0);
    Item second = movie(1002).withWatchedAt(T0.plusSeconds(3600));

    WriteResult r = p.add(Feature.HISTORY, List.of(first, second));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(trakt.count("POST /sync/history")).isEqualTo(1);
    assertThat(trakt.user().plays()).hasSize(2);
  }

  @Test
  void whenTheRecheckCannotReadTheHistoryTheAddIsNotRepeatedInThisRun() throws Exception {
    Provider p = provider();
    trakt.faults().failNext(20, 503, "/sync/history");

    assertThatThrownBy(() -> p.add(Feature.HISTORY, List.of(movie(1001).withWatchedAt(T0))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("outcome", "unknown", "next run");
            });
    assertThat(trakt.count("POST /sync/history")).isEqualTo(1);
  }

  @Test
  void aHistoryAddThatTraktAppliedButAnswered502IsNotRetriableSoNoPlayDoubles() throws Exception {
    Provider p = provider();
    trakt.failAfterApplying(1, 502, "/sync/history");

    assertThatThrownBy(() -> p.add(Feature.HISTORY, List.of(movie(1001).withWatchedAt(T0))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
              assertThat(e.getMessage())
                  .contains("POST /sync/history: 502", "outcome", "unknown", "next run");
            });
    assertThat(trakt.count("POST /sync/history")).isEqualTo(1);
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(p.snapshot(Feature.HISTORY)).hasSize(1);
  }

  @Test
  void otherWritesThatFailAfterApplyingStayRetriable() throws Exception {
    Provider p = provider();
    trakt.failAfterApplying(1, 502, "/sync/watchlist");

    assertThatThrownBy(() -> p.add(Feature.WATCHLIST, List.of(movie(1001))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
    WriteResult r = p.add(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(trakt.count("POST /sync/watchlist")).isEqualTo(2);
  }

  @Test
  void honoursTheServersRetryAfter() throws Exception {
    Provider p = provider();
    trakt.faults().rateLimitNext(1, 20);

    p.snapshot(Feature.WATCHLIST);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
    assertThat(p.apiUsage().orElseThrow().rateLimited()).isEqualTo(1);
  }

  @Test
  void debugHttpLinesCarryNoSecrets() throws Exception {
    Provider p = provider();
    p.health();
    p.add(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(log.lines()).hasSize(3);
    assertThat(String.join("\n", log.lines()))
        .contains("GET " + trakt.baseUrl() + "/sync/last_activities -> 200")
        .contains("GET " + trakt.baseUrl() + "/users/settings -> 200")
        .doesNotContain(FakeTraktServer.ACCESS_TOKEN, FakeTraktServer.CLIENT_ID, "secret-xyz");
  }

  @Test
  void whenTheActivityTimesCannotBeReadEveryFeatureIsReadInFullWithAWarning() throws Exception {
    trakt.user().addToWatchlist(movies.get(0), T0);
    trakt.faults().failNext(6, 503, "/sync/last_activities");
    Provider p = provider();

    List<Item> items = p.snapshot(Feature.WATCHLIST);

    assertThat(items).hasSize(1);
    assertThat(trakt.count("GET /sync/watchlist")).isEqualTo(1);
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains("GET /sync/last_activities: 503", "read in full");
    provider().snapshot(Feature.WATCHLIST);
    assertThat(trakt.count("GET /sync/watchlist"))
        .as("what was read without activity times is not reused")
        .isEqualTo(2);
  }

  @Test
  void aRefusedTokenOnTheActivityCallStillFails() {
    assertThatThrownBy(() -> provider("wrong-token").snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH));
    assertThat(trakt.count("GET /sync/watchlist")).isZero();
  }

  @Test
  void aDiscardedSnapshotIsReadInFullByTheNextRunThoughTheActivityTimesDidNotMove()
      throws Exception {
    trakt.user().addToWatchlist(movies.get(0), T0);
    Provider first = provider();
    first.snapshot(Feature.WATCHLIST);
    first.snapshot(Feature.RATINGS);
    first.discardSnapshot(Feature.WATCHLIST);
    first.settle();
    assertThat(trakt.count("GET /sync/watchlist"))
        .as("a discarded snapshot is not read again while settling")
        .isEqualTo(1);

    Provider next = provider();
    assertThat(next.snapshot(Feature.WATCHLIST)).hasSize(1);
    next.snapshot(Feature.RATINGS);

    assertThat(trakt.count("GET /sync/watchlist")).isEqualTo(2);
    assertThat(trakt.count("GET /sync/ratings")).as("other features are still reused").isEqualTo(1);
  }

  @Test
  void aChunkThatFailsTransientlyEveryTimeIsSentSixTimesInAll() throws Exception {
    Provider p = provider();
    p.snapshot(Feature.WATCHLIST);
    trakt.faults().failNext(100, 503, "/sync/watchlist");
    Applier applier =
        new Applier(
            time.sleeper(), new SplittableRandom(3), io.crosswatch.core.apply.RetryPolicy.DEFAULT);

    ApplyResult r =
        applier.apply(
            p,
            Feature.WATCHLIST,
            WriteOp.ADD,
            List.of(movie(1001), movie(1002)),
            1000,
            Duration.ZERO,
            c -> {});

    assertThat(trakt.count("POST /sync/watchlist")).as("the first send and 5 retries").isEqualTo(6);
    assertThat(r.failure()).contains("503", "after 6 attempts");
    assertThat(trakt.user().watchlist()).isEmpty();
  }

  @Test
  void prefersWritesOfAThousandItems() {
    Provider p = provider();
    for (Feature f : Feature.values()) {
      for (WriteOp op : WriteOp.values()) {
        assertThat(p.preferredChunkSize(f, op)).hasValue(1000);
      }
    }
    assertThat(p.isLocal()).isFalse();
  }

  @Test
  void countsApiUseByEndpoint() throws Exception {
    Provider p = provider();
    p.snapshot(Feature.WATCHLIST);
    p.snapshot(Feature.RATINGS);
    p.add(Feature.RATINGS, List.of(movie(1001).withRating(5, T0)));

    assertThat(p.apiUsage().orElseThrow().byEndpoint())
        .isEqualTo(
            Map.of(
                "GET /sync/last_activities",
                1L,
                "GET /sync/watchlist",
                1L,
                "GET /sync/ratings",
                1L,
                "POST /sync/ratings",
                1L));
  }

  @Test
  void aServiceThatNeverAnswersInTimeIsARetriableFailure() throws Exception {
    Provider p = provider(FakeTraktServer.ACCESS_TOKEN, 0.1);
    // Held far beyond any timeout (until the server stops), so that every attempt times out
    // however slowly this machine schedules the client: no race between two wall clocks.
    trakt.faults().delayNext(12, Duration.ofDays(1));

    assertThatThrownBy(() -> p.snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
              assertThat(e.getMessage())
                  .contains("TRAKT:default GET /sync/watchlist: timed out", "after 6 attempts");
            });
  }

  @Test
  void historyRemoveFindsPlaysAddedSinceTheLastRead() throws Exception {
    trakt.user().addPlay(movies.get(0), T0);
    Provider p = provider();
    p.snapshot(Feature.HISTORY);
    trakt.user().addPlay(movies.get(1), T0.plusSeconds(60));

    WriteResult r =
        p.remove(
            Feature.HISTORY,
            List.of(movie(1001).withWatchedAt(T0), movie(1002).withWatchedAt(T0.plusSeconds(60))));

    assertThat(r.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(trakt.user().plays()).isEmpty();
    assertThat(trakt.count("GET /sync/history")).isEqualTo(2);
  }
}
