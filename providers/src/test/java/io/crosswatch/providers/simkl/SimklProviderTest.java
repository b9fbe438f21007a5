package io.crosswatch.providers.simkl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import io.crosswatch.testkit.fake.simkl.SimklUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SimklProviderTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<SimklTitle> movies = simkl.catalogue().generateMovies(10);
  private final SimklTitle show = simkl.catalogue().generateShow(1, 2, 3);
  private final SimklTitle anime = simkl.catalogue().generateAnime(1, 12);
  private final SimklUser user = simkl.user();
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    simkl.close();
  }

  private Provider provider() {
    return provider(FakeSimklServer.ACCESS_TOKEN);
  }

  private Provider provider(String token) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeSimklServer.CLIENT_ID);
    settings.put("access_token", token);
    settings.put("base_url", simkl.baseUrl());
    settings.put("timeout", 5);
    ProviderContext context =
        new ProviderContext(
            "SIMKL", "default", settings, "simkl", stateDir, stateDir, time, true, log);
    return new SimklProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private static Item movie(long simklId) {
    return Item.movie(null, null, Ids.of(IdKind.SIMKL, simklId));
  }

  private static Item movieByImdb(String imdb) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  private static Item showByTvdb(long tvdb) {
    return Item.show(null, null, Ids.of(IdKind.TVDB, tvdb));
  }

  private static Item episode(long showTvdb, int season, int number) {
    return Item.episode(
        new ShowRef(null, null, Ids.of(IdKind.TVDB, showTvdb)), season, number, null, Ids.empty());
  }

  private static List<ItemOutcome.Status> statuses(WriteResult r) {
    return r.outcomes().stream().map(ItemOutcome::status).toList();
  }

  @Test
  void healthChecksTheTokenWithTheActivitiesCall() {
    user.addToList(movies.get(0), "plantowatch", T0);

    HealthReport report = provider().health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(report.features())
        .containsExactlyInAnyOrder(
            Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS, Feature.PROGRESS);
    assertThat(report.details()).containsEntry("auth", "valid").containsKey("last_activity");
    assertThat(simkl.counts()).containsOnlyKeys("GET /sync/activities");
    assertThat(report.details()).containsEntry("get_budget_left", "9 of 10 per 1 s");
  }

  @Test
  void healthReportsARevokedTokenAsAuthFailedWithoutPrintingIt() {
    HealthReport report = provider("wrong-token").health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message())
        .contains("SIMKL:default GET /sync/activities: 401", "authorize crosswatch with SIMKL")
        .doesNotContain("wrong-token");
  }

  @Test
  void healthReportsAMissingTokenWithoutCalling() {
    HealthReport report = provider("").health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message()).contains("access_token is empty");
    assertThat(simkl.requests()).isEmpty();
  }

  @Test
  void sendsTheApiKeyTokenUserAgentAndAppName() throws Exception {
    provider().snapshot(Feature.WATCHLIST);

    assertThat(simkl.requests())
        .allSatisfy(
            r -> {
              assertThat(r.request().header("simkl-api-key")).contains(FakeSimklServer.CLIENT_ID);
              assertThat(r.request().header("authorization"))
                  .contains("Bearer " + FakeSimklServer.ACCESS_TOKEN);
              assertThat(r.request().header("user-agent").orElseThrow()).startsWith("crosswatch/");
              assertThat(r.request().param("app-name")).contains("crosswatch");
            });
    RecordedRequest read = simkl.requests().get(1);
    assertThat(read.path()).startsWith("/sync/all-items/");
    assertThat(read.request().param("extended")).contains("full");
    assertThat(read.request().param("episode_watched_at")).contains("yes");
  }

  @Test
  void watchlistIsPlanToWatchOfEveryTypeWithIdsThatArriveAsStrings() throws Exception {
    user.addToList(movies.get(0), "plantowatch", T0);
    user.addToList(show, "plantowatch", T0.plusSeconds(1));
    user.addToList(anime, "plantowatch", T0.plusSeconds(2));
    user.addToList(movies.get(1), "dropped", T0);

    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items)
        .extracting(Item::type)
        .containsExactlyInAnyOrder(MediaType.MOVIE, MediaType.SHOW, MediaType.SHOW);
    Item m = items.stream().filter(i -> i.type() == MediaType.MOVIE).findFirst().orElseThrow();
    assertThat(m.title()).isEqualTo("Movie 1");
    assertThat(m.listedAt()).isEqualTo(T0);
    assertThat(m.ids().asMap())
        .containsEntry(IdKind.SIMKL, "1001")
        .containsEntry(IdKind.IMDB, "tt1000001")
        .containsEntry(IdKind.TMDB, "5001");
    assertThat(items)
        .filteredOn(i -> "Anime 1".equals(i.title()))
        .singleElement()
        .satisfies(a -> assertThat(a.ids().value(IdKind.MAL)).isEqualTo("9001"));
    assertThat(items)
        .filteredOn(i -> "Show 1".equals(i.title()))
        .singleElement()
        .satisfies(s -> assertThat(s.ids().value(IdKind.TVDB)).isEqualTo("300001"));
  }

  @Test
  void anEmptyLibraryAnsweredWithNullIsEmptyForEveryFeature() throws Exception {
    Provider p = provider();

    assertThat(p.snapshot(Feature.WATCHLIST)).isEmpty();
    assertThat(p.snapshot(Feature.HISTORY)).isEmpty();
    assertThat(p.snapshot(Feature.RATINGS)).isEmpty();
    assertThat(simkl.requests()).extracting(RecordedRequest::status).containsOnly(200);
  }

  @Test
  void oneActivitiesCallAndOneLibraryReadServeAllThreeFeatures() throws Exception {
    Provider p = provider();

    p.health();
    p.snapshot(Feature.WATCHLIST);
    p.snapshot(Feature.HISTORY);
    p.snapshot(Feature.RATINGS);

    assertThat(p.apiUsage().orElseThrow().requests()).isEqualTo(4);
    assertThat(simkl.count("GET /sync/activities")).isEqualTo(1);
  }

  @Test
  void historyHasAMoviesPlayAndEachWatchedEpisodeWhateverListHoldsTheTitle() throws Exception {
    user.watchMovie(movies.get(0), T0);
    user.watchEpisode(show, 1, 1, T0.plusSeconds(60));
    user.watchEpisode(show, 2, 3, T0.plusSeconds(120));
    user.addToList(show, "dropped", T0.plusSeconds(180));
    user.watchEpisode(anime, 1, 5, T0.plusSeconds(240));

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(4);
    assertThat(plays)
        .filteredOn(i -> i.type() == MediaType.MOVIE)
        .singleElement()
        .satisfies(m -> assertThat(m.watchedAt()).isEqualTo(T0));
    assertThat(plays)
        .filteredOn(i -> i.type() == MediaType.EPISODE && i.show().title().equals("Show 1"))
        .extracting(Item::season, Item::number, Item::watchedAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1, 1, T0.plusSeconds(60)),
            org.assertj.core.groups.Tuple.tuple(2, 3, T0.plusSeconds(120)));
    assertThat(plays)
        .filteredOn(i -> i.type() == MediaType.EPISODE && i.show().title().equals("Anime 1"))
        .singleElement()
        .satisfies(e -> assertThat(e.show().ids().value(IdKind.MAL)).isEqualTo("9001"));
  }

  @Test
  void ratingsAreEveryRatedTitle() throws Exception {
    user.rate(movies.get(0), 8, T0);
    user.rate(show, 6, T0.plusSeconds(5));
    user.addToList(movies.get(1), "plantowatch", T0);

    List<Item> ratings = provider().snapshot(Feature.RATINGS);

    assertThat(ratings)
        .extracting(Item::title, Item::rating, Item::ratedAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Movie 1", 8, T0),
            org.assertj.core.groups.Tuple.tuple("Show 1", 6, T0.plusSeconds(5)));
  }

  @Test
  void watchlistAddReportsAddedNotFoundAndUnlistableTypes() throws Exception {
    user.addToList(movies.get(2), "plantowatch", T0);
    Item unknown = movieByImdb("tt7777777");
    Item season =
        Item.season(new ShowRef("Show 1", null, Ids.of(IdKind.TVDB, 300001)), 1, Ids.empty());
    Item already = movie(1003);

    WriteResult r =
        provider()
            .add(
                Feature.WATCHLIST,
                List.of(movie(1001), showByTvdb(300001), unknown, season, already));

    assertThat(r.outcomes()).hasSize(5);
    assertThat(r.outcomes())
        .filteredOn(o -> o.status() == ItemOutcome.Status.CONFIRMED)
        .extracting(ItemOutcome::item)
        .containsExactlyInAnyOrder(movie(1001), showByTvdb(300001));
    assertThat(r.outcomes())
        .filteredOn(o -> o.status() == ItemOutcome.Status.NOT_FOUND)
        .extracting(ItemOutcome::item, ItemOutcome::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(unknown, "not_found"),
            org.assertj.core.groups.Tuple.tuple(season, "not_listable"));
    assertThat(r.outcomes())
        .filteredOn(o -> o.status() == ItemOutcome.Status.ALREADY_PRESENT)
        .extracting(ItemOutcome::item)
        .containsExactly(already);
    assertThat(user.entry(movies.get(0)).orElseThrow().status()).isEqualTo("plantowatch");
    assertThat(user.entry(show).orElseThrow().status()).isEqualTo("plantowatch");
  }

  @Test
  void watchlistRemoveNeverDeletesPlaysOrRatingsTheUserStillHas() throws Exception {
    SimklTitle watchedMovie = movies.get(0);
    user.watchMovie(watchedMovie, T0);
    user.rate(watchedMovie, 9, T0.plusSeconds(1));
    user.addToList(watchedMovie, "plantowatch", T0.plusSeconds(2));
    user.watchEpisode(show, 1, 1, T0);
    user.addToList(show, "plantowatch", T0.plusSeconds(3));
    SimklTitle ratedOnly = movies.get(1);
    user.rate(ratedOnly, 7, T0);
    user.addToList(ratedOnly, "plantowatch", T0);
    SimklTitle plain = movies.get(2);
    user.addToList(plain, "plantowatch", T0);
    SimklTitle completed = movies.get(3);
    user.watchMovie(completed, T0);

    WriteResult r =
        provider()
            .remove(
                Feature.WATCHLIST,
                List.of(movie(1001), showByTvdb(300001), movie(1002), movie(1003), movie(1004)));

    SimklUser.Entry movieAfter = user.entry(watchedMovie).orElseThrow();
    assertThat(movieAfter.status()).isEqualTo("completed");
    assertThat(movieAfter.lastWatchedAt()).isEqualTo(T0);
    assertThat(movieAfter.rating()).isEqualTo(9);
    SimklUser.Entry showAfter = user.entry(show).orElseThrow();
    assertThat(showAfter.status()).isEqualTo("watching");
    assertThat(showAfter.episodes()).containsOnlyKeys("1:1");
    SimklUser.Entry ratedAfter = user.entry(ratedOnly).orElseThrow();
    assertThat(ratedAfter.rating()).isEqualTo(7);
    assertThat(ratedAfter.status()).isEqualTo("plantowatch");
    assertThat(user.entry(plain)).isEmpty();
    assertThat(user.entry(completed).orElseThrow().lastWatchedAt()).isEqualTo(T0);
    assertThat(r.outcomes())
        .extracting(o -> o.item().ids().value(IdKind.SIMKL) + "", ItemOutcome::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("1001", ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple("null", ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple("1002", ItemOutcome.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("1003", ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple("1004", ItemOutcome.Status.NOT_FOUND));
    ItemOutcome refused =
        r.outcomes().stream()
            .filter(o -> o.status() == ItemOutcome.Status.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(refused.retriable()).isFalse();
    assertThat(refused.reason()).contains("rated on SIMKL", "remove the rating first");
  }

  @Test
  void watchlistRemoveOfAFullyWatchedShowFilesItUnderCompleted() throws Exception {
    for (int s = 1; s <= 2; s++) {
      for (int e = 1; e <= 3; e++) {
        user.watchEpisode(show, s, e, T0.plusSeconds(s * 10 + e));
      }
    }
    user.addToList(show, "plantowatch", T0.plusSeconds(100));

    provider().remove(Feature.WATCHLIST, List.of(showByTvdb(300001)));

    assertThat(user.entry(show).orElseThrow().status()).isEqualTo("completed");
    assertThat(user.entry(show).orElseThrow().episodes()).hasSize(6);
  }

  @Test
  void watchlistRemoveOfATitleInAnotherListSendsNothing() throws Exception {
    user.watchMovie(movies.get(0), T0);
    Provider p = provider();
    p.snapshot(Feature.WATCHLIST);
    simkl.clearLog();

    WriteResult r = p.remove(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(r.outcomes()).containsExactly(ItemOutcome.notFound(movie(1001), "not_on_watchlist"));
    assertThat(simkl.requests()).isEmpty();
    assertThat(user.entry(movies.get(0))).isPresent();
  }

  @Test
  void watchlistAddOfAWatchedTitleIsRefusedSoItsPlaysStay() throws Exception {
    user.watchMovie(movies.get(0), T0);

    WriteResult r = provider().add(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(r.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(r.outcomes().get(0).reason()).contains("\"completed\"", "one list only");
    assertThat(user.entry(movies.get(0)).orElseThrow().status()).isEqualTo("completed");
    assertThat(simkl.count("POST /sync/add-to-list")).isZero();
  }

  @Test
  void historyAddSendsMoviePlaysAndEpisodesNestedInTheirShow() throws Exception {
    Provider p = provider();
    Item moviePlay = movie(1001).withWatchedAt(T0);
    Item e1 = episode(300001, 1, 2).withWatchedAt(T0.plusSeconds(60));
    Item e2 = episode(300001, 2, 1).withWatchedAt(T0.plusSeconds(120));
    Item unknownShow = episode(999, 1, 1).withWatchedAt(T0);
    Item aShow = showByTvdb(300001).withWatchedAt(T0);

    WriteResult r = p.add(Feature.HISTORY, List.of(moviePlay, e1, e2, unknownShow, aShow));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::item, ItemOutcome::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(moviePlay, ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(e1, ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(e2, ItemOutcome.Status.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(unknownShow, ItemOutcome.Status.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple(aShow, ItemOutcome.Status.FAILED));
    assertThat(user.entry(movies.get(0)).orElseThrow().lastWatchedAt()).isEqualTo(T0);
    assertThat(user.entry(show).orElseThrow().episodes())
        .containsEntry("1:2", T0.plusSeconds(60))
        .containsEntry("2:1", T0.plusSeconds(120));
    assertThat(p.snapshot(Feature.HISTORY)).hasSize(3);
  }

  @Test
  void historyRemoveUnmarksEpisodesAloneAndRefusesARatedMoviesPlay() throws Exception {
    user.watchEpisode(show, 1, 1, T0);
    user.watchEpisode(show, 1, 2, T0.plusSeconds(60));
    user.rate(show, 8, T0);
    user.watchMovie(movies.get(0), T0);
    user.rate(movies.get(0), 9, T0);
    user.watchMovie(movies.get(1), T0);
    Provider p = provider();

    WriteResult r =
        p.remove(
            Feature.HISTORY,
            List.of(
                episode(300001, 1, 1).withWatchedAt(T0),
                movie(1001).withWatchedAt(T0),
                movie(1002).withWatchedAt(T0),
                movie(1003).withWatchedAt(T0)));

    assertThat(statuses(r))
        .containsExactlyInAnyOrder(
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.FAILED,
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.NOT_FOUND);
    SimklUser.Entry showAfter = user.entry(show).orElseThrow();
    assertThat(showAfter.episodes()).containsOnlyKeys("1:2");
    assertThat(showAfter.rating()).isEqualTo(8);
    assertThat(user.entry(movies.get(0)).orElseThrow().rating()).isEqualTo(9);
    assertThat(user.entry(movies.get(1))).isEmpty();
  }

  @Test
  void ratingsAddUpdateAndRemoveOnlyMoviesAndShows() throws Exception {
    user.watchMovie(movies.get(0), T0);
    Provider p = provider();
    Item episodeRating = episode(300001, 1, 1).withRating(5, T0);

    WriteResult added =
        p.add(Feature.RATINGS, List.of(movie(1001).withRating(7, T0), episodeRating));
    p.update(Feature.RATINGS, List.of(movie(1001).withRating(9, T0.plusSeconds(10))));
    List<Item> ratings = p.snapshot(Feature.RATINGS);
    WriteResult removed = p.remove(Feature.RATINGS, List.of(movie(1001)));

    assertThat(added.outcomes())
        .containsExactlyInAnyOrder(
            ItemOutcome.confirmed(movie(1001).withRating(7, T0)),
            ItemOutcome.notFound(episodeRating, "not_ratable"));
    assertThat(ratings).singleElement().satisfies(i -> assertThat(i.rating()).isEqualTo(9));
    assertThat(removed.outcomes()).allMatch(ItemOutcome::succeeded);
    SimklUser.Entry after = user.entry(movies.get(0)).orElseThrow();
    assertThat(after.rating()).isNull();
    assertThat(after.lastWatchedAt()).isEqualTo(T0);
  }

  @Test
  void aRatingOutside1To10FailsWithoutBeingSent() throws Exception {
    WriteResult r = provider().add(Feature.RATINGS, List.of(movie(1001).withRating(11, T0)));

    assertThat(r.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(simkl.requests()).isEmpty();
  }

  @Test
  void pacesGetsAndPostsSoTheServiceNeverRateLimits() throws Exception {
    Provider p = provider();

    for (int i = 0; i < 5; i++) {
      p.snapshot(Feature.RATINGS);
      p.add(Feature.RATINGS, List.of(movie(1001 + i).withRating(5, T0)));
    }

    assertThat(simkl.rateLimited()).isZero();
    assertThat(simkl.requests()).extracting(RecordedRequest::status).doesNotContain(429);
    // Each round: activities (asked again after the write) and three library reads, one POST.
    assertThat(simkl.requests()).hasSize(5 * 5);
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void theFakeRateLimitsAClientThatIgnoresTheLimits() throws Exception {
    simkl.faults().clear();
    FakeSimklServer strict =
        FakeSimklServer.builder().clock(time).postInterval(Duration.ofHours(1)).build().start();
    try {
      ObjectNode settings = JsonMapper.builder().build().createObjectNode();
      settings.put("client_id", FakeSimklServer.CLIENT_ID);
      settings.put("access_token", FakeSimklServer.ACCESS_TOKEN);
      settings.put("base_url", strict.baseUrl());
      Provider p =
          new SimklProviderFactory()
              .create(
                  new ProviderContext(
                      "SIMKL",
                      "default",
                      settings,
                      "simkl",
                      stateDir,
                      stateDir,
                      time,
                      false,
                      DiagnosticLog.silent(),
                      time.sleeper(),
                      new SplittableRandom(1)));
      p.add(Feature.RATINGS, List.of(movie(1001).withRating(5, T0)));

      assertThatThrownBy(() -> p.add(Feature.RATINGS, List.of(movie(1002).withRating(5, T0))))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                assertThat(e.retriable()).isTrue();
              });
      assertThat(strict.rateLimited()).isEqualTo(1);
    } finally {
      strict.close();
    }
  }

  @Test
  void retriesServerErrorsOfReads() throws Exception {
    user.addToList(movies.get(0), "plantowatch", T0);
    Provider p = provider();
    simkl.faults().failNext(2, 503);

    assertThat(p.snapshot(Feature.WATCHLIST)).hasSize(1);
    assertThat(p.apiUsage().orElseThrow().retries()).isEqualTo(2);
  }

  @Test
  void aRevokedTokenIsAPermanentAuthFailure() {
    Provider p = provider();
    simkl.revokeToken(FakeSimklServer.ACCESS_TOKEN);

    assertThatThrownBy(() -> p.snapshot(Feature.HISTORY))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("401", "user_token_failed");
            });
  }

  @Test
  void debugHttpLinesCarryNoSecrets() throws Exception {
    Provider p = provider();
    p.health();
    p.add(Feature.WATCHLIST, List.of(movie(1001)));

    assertThat(log.lines()).isNotEmpty();
    assertThat(String.join("\n", log.lines()))
        .contains("GET " + simkl.baseUrl() + "/sync/activities")
        .doesNotContain(FakeSimklServer.ACCESS_TOKEN, FakeSimklServer.CLIENT_ID);
  }

  @Test
  void neverRepeatsAHistoryAddAfterAnUnclearFailureNorLetsTheApplierRetryIt() {
    simkl.faults().failNext(1, 503, "/sync/history");

    assertThatThrownBy(
            () -> provider().add(Feature.HISTORY, List.of(movie(1001).withWatchedAt(T0))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("503", "not sent again");
            });
    assertThat(simkl.count("POST /sync/history")).isEqualTo(1);
  }

  @Test
  void aRatingAnswered503IsARetriableFailureLeftToTheApplier() throws Exception {
    simkl.faults().failNext(1, 503, "/sync/ratings");
    Provider p = provider();
    Item rating = movie(1001).withRating(8, T0);

    assertThatThrownBy(() -> p.add(Feature.RATINGS, List.of(rating)))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
    WriteResult r = p.add(Feature.RATINGS, List.of(rating));

    assertThat(r.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.CONFIRMED);
    assertThat(simkl.count("POST /sync/ratings")).isEqualTo(2);
  }
}
