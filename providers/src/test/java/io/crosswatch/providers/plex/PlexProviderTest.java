package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class PlexProviderTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final String CLIENT_ID = "crosswatch-test-device";

  private final FakeTime time = FakeTime.standard();
  private FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexSection moviesSection = plex.catalogue().addMovieSection("Movies");
  private final PlexSection showsSection = plex.catalogue().addShowSection("TV Shows");
  private final List<PlexTitle> movies = plex.catalogue().generateMovies(moviesSection, 5);
  private final PlexTitle show = plex.catalogue().generateShow(showsSection, 2, 3);
  // Writes run on several threads at once and log from each of them.
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    plex.close();
  }

  private void restart(FakePlex.Builder builder) {
    plex.close();
    plex = builder.clock(time).build().start();
  }

  private Provider provider() {
    return provider(s -> {});
  }

  private Provider provider(Consumer<ObjectNode> tweak) {
    ObjectNode settings = PlexApi.MAPPER.createObjectNode();
    settings.put("server_url", plex.serverUrl().toString());
    settings.put("discover_url", plex.discoverUrl().toString());
    settings.put("plex_tv_url", plex.plexTvUrl().toString());
    settings.put("account_token", FakePlex.TOKEN);
    settings.put("client_id", CLIENT_ID);
    settings.put("timeout", 5);
    tweak.accept(settings);
    ProviderContext context =
        new ProviderContext(
            "PLEX", "default", settings, "plex", Path.of("."), stateDir, time, true, log);
    return new PlexProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private PlexTitle episode(int season, int number) {
    return plex.catalogue().episode(show, season, number).orElseThrow();
  }

  private static Item movieByImdb(String imdb) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  private static Item episodeOf(long showTvdb, int season, int number) {
    return Item.episode(
        new ShowRef(null, null, Ids.of(IdKind.TVDB, showTvdb)), season, number, null, Ids.empty());
  }

  private static List<ItemOutcome.Status> statuses(WriteResult r) {
    return r.outcomes().stream().map(ItemOutcome::status).toList();
  }

  // --- health -----------------------------------------------------------------------------

  @Test
  void healthReportsServerVersionMachineAndFeatures() {
    HealthReport report = provider().health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(report.features()).containsExactlyInAnyOrder(Feature.values());
    assertThat(report.details())
        .containsEntry("machine_identifier", FakePlex.MACHINE_ID)
        .containsEntry("sections", "2")
        .containsEntry("account", "crosswatch")
        .containsKey("server_version");
  }

  @Test
  void healthReportsARefusedTokenAsAuthFailedWithoutPrintingIt() {
    HealthReport report = provider(s -> s.put("account_token", "wrong-token")).health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message())
        .contains("PLEX:default GET /library/sections: 401")
        .doesNotContain("wrong-token");
  }

  @Test
  void healthReportsAMissingTokenWithoutCalling() {
    HealthReport report = provider(s -> s.put("account_token", "")).health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message()).contains("account_token is empty", "cw auth plex");
    assertThat(plex.requests()).isEmpty();
  }

  @Test
  void healthReportsAnUnreachableServerAsDown() {
    plex.faults().failNext(10, 503);

    HealthReport report = provider().health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(report.message()).contains("GET /identity: 503 after 4 attempts");
  }

  @Test
  void healthReportsAnotherServerThanTheConfiguredMachineAsDown() {
    HealthReport report = provider(s -> s.put("machine_id", "some-other-server")).health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(report.message()).contains("not the configured machine_id some-other-server");
  }

  @Test
  void aRefusedAccountTokenOnlyTakesTheWatchlistAwayWhenTheServerWorks() {
    plex.addUser("server-only", "pms-token");

    HealthReport report =
        provider(s -> s.put("pms_token", "pms-token").put("account_token", "revoked")).health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
    assertThat(report.features())
        .containsExactlyInAnyOrder(
            Feature.HISTORY, Feature.RATINGS, Feature.PLAYLISTS, Feature.PROGRESS);
    assertThat(report.message()).contains("/api/v2/user: 401", "watchlist is unavailable");
  }

  // --- reads ------------------------------------------------------------------------------

  @Test
  void sendsPlexsHeadersOnEveryCall() throws Exception {
    Provider p = provider();
    p.health();
    p.snapshot(Feature.HISTORY);
    p.snapshot(Feature.WATCHLIST);

    List<RecordedRequest> all = new ArrayList<>(plex.requests());
    all.addAll(plex.discoverRequests());
    all.addAll(plex.plexTvRequests());
    assertThat(all).hasSizeGreaterThan(5);
    for (RecordedRequest r : all) {
      assertThat(r.request().header("X-Plex-Client-Identifier")).contains(CLIENT_ID);
      assertThat(r.request().header("X-Plex-Product")).contains("crosswatch");
      assertThat(r.request().header("X-Plex-Version")).isPresent();
      assertThat(r.request().header("Accept")).contains("application/json");
      if (!r.path().equals("/identity")) {
        assertThat(r.request().header("X-Plex-Token")).contains(FakePlex.TOKEN);
      }
    }
  }

  @Test
  void theIndexFollowsEveryPageWhateverSizeTheServerServes() throws Exception {
    restart(FakePlex.builder().pageCap(7));
    PlexSection section = plex.catalogue().addMovieSection("Movies");
    List<PlexTitle> many = plex.catalogue().generateMovies(section, 30);
    many.forEach(m -> plex.user().play(m, T0));

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(30);
    assertThat(plays).extracting(Item::title).doesNotHaveDuplicates();
    assertThat(plex.count("GET /library/sections/1/all")).isEqualTo(5);
    RecordedRequest first =
        plex.requests().stream()
            .filter(r -> r.path().equals("/library/sections/1/all"))
            .findFirst()
            .orElseThrow();
    assertThat(first.request().header("X-Plex-Container-Start")).contains("0");
    assertThat(first.request().header("X-Plex-Container-Size")).contains("500");
    assertThat(first.request().param("includeGuids")).contains("1");
    assertThat(first.request().param("type")).contains("1");
  }

  @Test
  void historyHoldsOnePlayPerPlayedMovieOrEpisodeAtItsLastViewedDate() throws Exception {
    plex.user().play(movies.get(0), T0);
    plex.user().play(movies.get(0), T0.plusSeconds(3600));
    plex.user().play(episode(2, 3), T0.plusSeconds(60));

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(2);
    Item movie = plays.get(0);
    assertThat(movie.type()).isEqualTo(MediaType.MOVIE);
    assertThat(movie.title()).isEqualTo("Movie 1");
    assertThat(movie.watchedAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(movie.ids().asMap())
        .containsEntry(IdKind.IMDB, "tt1000001")
        .containsEntry(IdKind.TMDB, "5001")
        .containsKey(IdKind.PLEX);
    Item ep = plays.get(1);
    assertThat(ep.type()).isEqualTo(MediaType.EPISODE);
    assertThat(ep.show().title()).isEqualTo("Show 1");
    assertThat(ep.show().ids().asMap())
        .containsEntry(IdKind.TVDB, "300001")
        .containsEntry(IdKind.IMDB, "tt5000001");
    assertThat(ep.season()).isEqualTo(2);
    assertThat(ep.number()).isEqualTo(3);
    assertThat(ep.ids().value(IdKind.TVDB)).isEqualTo("20010203");
    assertThat(ep.watchedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void legacyAgentTitlesMapByTheirGuids() throws Exception {
    List<PlexTitle> legacy = plex.catalogue().generateLegacyMovies(moviesSection, 1);
    PlexTitle legacyShow = plex.catalogue().generateLegacyShow(showsSection, 1, 2);
    plex.user().play(legacy.get(0), T0);
    plex.user().play(plex.catalogue().episode(legacyShow, 1, 2).orElseThrow(), T0);

    List<Item> plays = provider().snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(2);
    assertThat(plays.get(0).ids()).isEqualTo(Ids.of(IdKind.IMDB, "tt1000006"));
    Item ep = plays.get(1);
    assertThat(ep.show().ids()).isEqualTo(Ids.of(IdKind.TVDB, 300002));
    assertThat(ep.season()).isEqualTo(1);
    assertThat(ep.number()).isEqualTo(2);
    assertThat(ep.hasUsableIds()).isTrue();
  }

  @Test
  void ratingsMapPlexsZeroToTenScaleToWholeNumbers() throws Exception {
    plex.user().rate(movies.get(0), 8.0, T0);
    plex.user().rate(movies.get(1), 7.5, T0.plusSeconds(1));
    plex.user().rate(movies.get(2), 0.0, T0);
    plex.user().rate(show, 10.0, T0.plusSeconds(2));
    plex.user().rate(episode(1, 1), 1.0, T0.plusSeconds(3));

    List<Item> ratings = provider().snapshot(Feature.RATINGS);

    assertThat(ratings).extracting(Item::rating).containsExactly(8, 8, 10, 1);
    assertThat(ratings)
        .extracting(Item::type)
        .containsExactly(MediaType.MOVIE, MediaType.MOVIE, MediaType.SHOW, MediaType.EPISODE);
    assertThat(ratings.get(0).ratedAt()).isEqualTo(T0);
  }

  @Test
  void librariesLimitAFeatureToSectionsNamedByIdOrTitle() throws Exception {
    plex.user().play(movies.get(0), T0);
    plex.user().play(episode(1, 1), T0);
    plex.user().rate(movies.get(0), 6.0, T0);
    Provider p =
        provider(
            s -> {
              s.putObject("history").putArray("libraries").add("tv shows").add("Nope");
              s.putObject("ratings").putArray("libraries").add(1);
            });

    List<Item> plays = p.snapshot(Feature.HISTORY);
    List<Item> ratings = p.snapshot(Feature.RATINGS);

    assertThat(plays).extracting(Item::type).containsExactly(MediaType.EPISODE);
    assertThat(ratings).extracting(Item::type).containsExactly(MediaType.MOVIE);
    assertThat(log.lines()).anyMatch(l -> l.contains("plex.history.libraries names \"Nope\""));
    WriteResult outside = p.add(Feature.HISTORY, List.of(movieByImdb("tt1000002")));
    assertThat(outside.outcomes().get(0).reason()).isEqualTo("not_in_library");
  }

  @Test
  void oneLibraryPassServesEveryFeatureAndWriteOfTheRun() throws Exception {
    Provider p = provider();

    p.snapshot(Feature.HISTORY);
    p.snapshot(Feature.RATINGS);
    p.add(Feature.HISTORY, List.of(movieByImdb("tt1000001")));
    p.snapshot(Feature.HISTORY);

    assertThat(plex.count("GET /library/sections")).isEqualTo(1);
    assertThat(plex.count("GET /library/sections/1/all")).isEqualTo(1);
    assertThat(plex.count("GET /library/sections/2/all")).isEqualTo(2);
  }

  // --- server writes -----------------------------------------------------------------------

  @Test
  void historyAddMarksTitlesPlayedByExternalIdsOrShowSeasonAndNumber() throws Exception {
    Provider p = provider();
    time.advance(Duration.ofHours(1));
    Instant now = time.instant();

    WriteResult r =
        p.add(
            Feature.HISTORY,
            List.of(movieByImdb("tt1000002").withWatchedAt(T0), episodeOf(300001, 2, 1)));
    List<Item> plays = p.snapshot(Feature.HISTORY);

    assertThat(statuses(r)).containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(plex.user().state(movies.get(1)).viewCount()).isEqualTo(1);
    assertThat(plex.user().state(episode(2, 1)).viewCount()).isEqualTo(1);
    assertThat(plays).extracting(Item::watchedAt).containsExactly(T0, now);
    assertThat(plex.user().state(movies.get(1)).lastViewedAt()).isEqualTo(now);
    RecordedRequest scrobble =
        plex.requests().stream()
            .filter(q -> q.path().equals("/:/scrobble"))
            .findFirst()
            .orElseThrow();
    assertThat(scrobble.request().param("identifier")).contains("com.plexapp.plugins.library");
  }

  @Test
  void addingAPlayToAPlayedTitleIsAlreadyPresentAndSendsNothing() throws Exception {
    plex.user().play(movies.get(0), T0);

    WriteResult r =
        provider().add(Feature.HISTORY, List.of(movieByImdb("tt1000001").withWatchedAt(T0)));

    assertThat(statuses(r)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(plex.count("GET /:/scrobble")).isZero();
    assertThat(plex.user().state(movies.get(0)).viewCount()).isEqualTo(1);
  }

  @Test
  void aWrittenPlayKeepsItsOwnTimeInTheNextRunsUntilTheServerSeesAnotherViewing() throws Exception {
    time.advance(Duration.ofDays(3));
    provider().add(Feature.HISTORY, List.of(movieByImdb("tt1000002").withWatchedAt(T0)));

    List<Item> nextRun = provider().snapshot(Feature.HISTORY);
    time.advance(Duration.ofHours(2));
    plex.user().play(movies.get(1), time.instant());
    List<Item> afterViewing = provider().snapshot(Feature.HISTORY);

    assertThat(nextRun).extracting(Item::watchedAt).containsExactly(T0);
    assertThat(afterViewing).extracting(Item::watchedAt).containsExactly(time.instant());
    assertThat(PlexPlayDates.file(stateDir, "default")).exists();
  }

  @Test
  void aPlayNewerThanTheTitlesLastViewingMarksItPlayedAgain() throws Exception {
    plex.user().play(movies.get(0), T0);
    Instant later = T0.plus(Duration.ofDays(30));

    WriteResult r =
        provider().add(Feature.HISTORY, List.of(movieByImdb("tt1000001").withWatchedAt(later)));

    assertThat(statuses(r)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(plex.user().state(movies.get(0)).viewCount()).isEqualTo(2);
    assertThat(provider().snapshot(Feature.HISTORY)).extracting(Item::watchedAt).contains(later);
  }

  @Test
  void titlesTheLibraryLacksAreNotFoundNotInLibrary() throws Exception {
    Item unknownMovie = movieByImdb("tt7777777");
    Item unknownEpisode = episodeOf(300001, 5, 1);
    Item season = Item.season(new ShowRef(null, null, Ids.of(IdKind.TVDB, 300001)), 1, Ids.empty());

    WriteResult history = provider().add(Feature.HISTORY, List.of(unknownMovie, unknownEpisode));
    WriteResult ratings = provider().add(Feature.RATINGS, List.of(season.withRating(5, T0)));

    assertThat(history.outcomes()).extracting(ItemOutcome::reason).containsOnly("not_in_library");
    assertThat(statuses(ratings)).containsExactly(ItemOutcome.Status.NOT_FOUND);
    assertThat(plex.requests()).noneMatch(q -> q.path().startsWith("/:/"));
  }

  @Test
  void historyRemoveMarksUnplayedAndAnUnplayedTitleIsAlreadyGone() throws Exception {
    plex.user().play(movies.get(0), T0);
    Provider p = provider();

    WriteResult r =
        p.remove(
            Feature.HISTORY,
            List.of(movieByImdb("tt1000001").withWatchedAt(T0), movieByImdb("tt1000002")));

    assertThat(statuses(r))
        .containsExactly(ItemOutcome.Status.CONFIRMED, ItemOutcome.Status.NOT_FOUND);
    assertThat(plex.user().state(movies.get(0)).viewCount()).isZero();
    assertThat(p.snapshot(Feature.HISTORY)).isEmpty();
  }

  @Test
  void ratingsAreSetChangedAndClearedOnPlexsScale() throws Exception {
    Provider p = provider();
    Item rated = movieByImdb("tt1000003");

    WriteResult set = p.add(Feature.RATINGS, List.of(rated.withRating(8, T0)));
    WriteResult same = p.update(Feature.RATINGS, List.of(rated.withRating(8, T0)));
    WriteResult changed = p.update(Feature.RATINGS, List.of(rated.withRating(3, T0)));
    Double afterChange = plex.user().state(movies.get(2)).userRating();
    WriteResult cleared = p.remove(Feature.RATINGS, List.of(rated));
    WriteResult again = p.remove(Feature.RATINGS, List.of(rated));

    assertThat(statuses(set)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(statuses(same)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(statuses(changed)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(afterChange).isEqualTo(3.0);
    assertThat(statuses(cleared)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(plex.user().state(movies.get(2)).userRating()).isNull();
    assertThat(statuses(again)).containsExactly(ItemOutcome.Status.NOT_FOUND);
    assertThat(plex.requests().stream().filter(q -> q.path().equals("/:/rate")))
        .extracting(q -> q.request().param("rating").orElseThrow())
        .containsExactly("8", "3", "-1");
    assertThat(p.snapshot(Feature.RATINGS)).isEmpty();
  }

  @Test
  void aRatingOutside1To10FailsWithoutBeingSent() throws Exception {
    WriteResult r =
        provider().add(Feature.RATINGS, List.of(movieByImdb("tt1000001").withRating(11, T0)));

    assertThat(r.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(r.outcomes().get(0).retriable()).isFalse();
    assertThat(plex.count("PUT /:/rate")).isZero();
  }

  @Test
  void manyWritesAllGetTheirOutcome() throws Exception {
    List<PlexTitle> more = plex.catalogue().generateMovies(moviesSection, 20);
    List<Item> items = new ArrayList<>();
    more.forEach(m -> items.add(movieByImdb(m.externalGuids().get(0).substring(7))));

    WriteResult r = provider().add(Feature.HISTORY, items);

    assertThat(r.outcomes()).hasSize(20).allMatch(ItemOutcome::succeeded);
    assertThat(more).allMatch(m -> plex.user().state(m).viewCount() == 1);
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    plex.user().play(movies.get(0), T0);
    Provider p = provider();
    plex.faults().failNext(2, 503);

    List<Item> plays = p.snapshot(Feature.HISTORY);

    assertThat(plays).hasSize(1);
    assertThat(p.apiUsage().orElseThrow().retries()).isEqualTo(2);
  }

  @Test
  void aRevokedTokenFailsAWriteAsAnAuthFailure() throws Exception {
    Provider p = provider();
    p.snapshot(Feature.HISTORY);
    plex.revokeToken(FakePlex.TOKEN);

    assertThatThrownBy(() -> p.add(Feature.HISTORY, List.of(movieByImdb("tt1000001"))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("401").doesNotContain(FakePlex.TOKEN);
            });
  }

  @Test
  void aServerDownDuringWritesLeavesTheRestRetriable() throws Exception {
    Provider p = provider();
    p.snapshot(Feature.HISTORY);
    plex.faults().failNext(100, 503);

    assertThatThrownBy(() -> p.add(Feature.HISTORY, List.of(movieByImdb("tt1000001"))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  // --- watchlist ---------------------------------------------------------------------------

  @Test
  void watchlistReadsDiscoverAndFetchesIdsItsListingLacks() throws Exception {
    List<PlexTitle> wanted = plex.catalogue().generateDiscoverMovies(2);
    plex.user().addToWatchlist(wanted.get(0), T0);
    plex.user().addToWatchlist(show, T0.plusSeconds(5));

    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items).extracting(Item::type).containsExactly(MediaType.SHOW, MediaType.MOVIE);
    Item movie = items.get(1);
    assertThat(movie.title()).isEqualTo(wanted.get(0).title());
    assertThat(movie.ids().value(IdKind.IMDB)).isEqualTo("tt1000006");
    assertThat(movie.ids().value(IdKind.PLEX)).isEqualTo(wanted.get(0).discoverKey());
    assertThat(movie.listedAt()).isEqualTo(T0);
    assertThat(items.get(0).ids().value(IdKind.TVDB)).isEqualTo("300001");
    assertThat(plex.discoverRequests())
        .filteredOn(r -> r.path().startsWith("/library/metadata/"))
        .hasSize(2);
  }

  @Test
  void aSecondSnapshotOfAnUnchangedWatchlistReadsNoMetadata() throws Exception {
    List<PlexTitle> wanted = plex.catalogue().generateDiscoverMovies(3);
    wanted.forEach(t -> plex.user().addToWatchlist(t, T0));
    List<Item> first = provider().snapshot(Feature.WATCHLIST);
    plex.clearLogs();

    List<Item> second = provider().snapshot(Feature.WATCHLIST);

    assertThat(second).isEqualTo(first);
    assertThat(second).allMatch(i -> i.ids().value(IdKind.IMDB) != null);
    assertThat(metadataReads()).isEmpty();
    assertThat(Files.getPosixFilePermissions(PlexDiscoverIds.file(stateDir, "default")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void onlyANewlyListedTitleIsLookedUpAndTitlesThatLeftAreForgotten() throws Exception {
    List<PlexTitle> wanted = plex.catalogue().generateDiscoverMovies(3);
    plex.user().addToWatchlist(wanted.get(0), T0);
    plex.user().addToWatchlist(wanted.get(1), T0);
    provider().snapshot(Feature.WATCHLIST);
    plex.user().addToWatchlist(wanted.get(2), T0);
    plex.user().removeFromWatchlist(wanted.get(0));
    plex.clearLogs();

    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items)
        .extracting(i -> i.ids().value(IdKind.PLEX))
        .containsOnly(wanted.get(1).discoverKey(), wanted.get(2).discoverKey());
    assertThat(items).allMatch(i -> i.ids().value(IdKind.TMDB) != null);
    assertThat(metadataReads()).containsExactly("/library/metadata/" + wanted.get(2).discoverKey());
    assertThat(Files.readString(PlexDiscoverIds.file(stateDir, "default")))
        .contains(wanted.get(1).discoverKey(), wanted.get(2).discoverKey())
        .doesNotContain(wanted.get(0).discoverKey());
  }

  @Test
  void aDamagedIdCacheIsIgnoredWithAWarningAndRebuilt() throws Exception {
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);
    plex.user().addToWatchlist(wanted, T0);
    Path cache = PlexDiscoverIds.file(stateDir, "default");
    Files.createDirectories(cache.getParent());
    Files.writeString(cache, "{\"version\": 1, \"ids\": {");

    List<Item> items = provider().snapshot(Feature.WATCHLIST);
    plex.clearLogs();
    provider().snapshot(Feature.WATCHLIST);

    assertThat(items.get(0).ids().value(IdKind.IMDB)).isEqualTo("tt1000006");
    assertThat(log.lines()).anyMatch(l -> l.contains("watchlist ids") && l.contains("rebuilt"));
    assertThat(metadataReads()).isEmpty();
  }

  @Test
  void idsReadBeforeALookupFailedAreKeptForTheNextRun() throws Exception {
    List<PlexTitle> wanted = plex.catalogue().generateDiscoverMovies(3);
    wanted.forEach(t -> plex.user().addToWatchlist(t, T0));
    String failing = "/library/metadata/" + wanted.get(1).discoverKey();
    plex.discoverFaults().failNext(1, 400, failing);

    assertThatThrownBy(() -> provider().snapshot(Feature.WATCHLIST))
        .isInstanceOf(ProviderException.class);
    List<String> readBefore =
        plex.discoverRequests().stream()
            .filter(r -> r.status() == 200 && r.path().startsWith("/library/metadata/"))
            .map(RecordedRequest::path)
            .toList();
    plex.clearLogs();
    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items).allMatch(i -> i.ids().value(IdKind.TMDB) != null);
    assertThat(metadataReads()).contains(failing).doesNotContainAnyElementsOf(readBefore);
    assertThat(readBefore.size() + metadataReads().size()).isEqualTo(3);
  }

  private List<String> metadataReads() {
    return plex.discoverRequests().stream()
        .map(RecordedRequest::path)
        .filter(path -> path.startsWith("/library/metadata/"))
        .toList();
  }

  @Test
  void watchlistUsesGuidChildrenWhenDiscoverSendsThem() throws Exception {
    restart(FakePlex.builder().discoverHonoursIncludeGuids(true));
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);
    plex.user().addToWatchlist(wanted, T0);

    List<Item> items = provider().snapshot(Feature.WATCHLIST);

    assertThat(items.get(0).ids().value(IdKind.TMDB)).isEqualTo("5001");
    assertThat(plex.discoverRequests()).hasSize(1);
    assertThat(plex.discoverRequests().get(0).request().param("includeExternalMedia"))
        .contains("1");
  }

  @Test
  void watchlistAddAndRemoveFindTheDiscoverKeyByExternalIds() throws Exception {
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);
    Provider p = provider();
    Item byTmdb = Item.movie(null, null, Ids.of(IdKind.TMDB, 5006));
    Item showByTvdb = Item.show(null, null, Ids.of(IdKind.TVDB, 300001));

    WriteResult added = p.add(Feature.WATCHLIST, List.of(byTmdb, showByTvdb));
    WriteResult removed = p.remove(Feature.WATCHLIST, List.of(byTmdb));

    assertThat(statuses(added)).containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(statuses(removed)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(plex.user().watchlist()).extracting(e -> e.title()).containsExactly(show);
    assertThat(plex.discoverRequests())
        .filteredOn(r -> r.path().equals("/library/metadata/matches"))
        .extracting(
            r ->
                r.request().param("type").orElseThrow()
                    + " "
                    + r.request().param("guid").orElseThrow())
        .containsExactlyInAnyOrder("1 tmdb://5006", "2 tvdb://300001");
    assertThat(plex.discoverRequests())
        .filteredOn(r -> r.path().startsWith("/actions/"))
        .extracting(r -> r.request().param("ratingKey").orElseThrow())
        .contains(wanted.discoverKey());
  }

  @Test
  void titlesAlreadyOnOrOffTheListAreSuccessWithoutWriting() throws Exception {
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(2).get(0);
    plex.user().addToWatchlist(wanted, T0);
    Provider p = provider();
    p.snapshot(Feature.WATCHLIST);

    WriteResult add = p.add(Feature.WATCHLIST, List.of(movieByImdb("tt1000006")));
    WriteResult remove = p.remove(Feature.WATCHLIST, List.of(movieByImdb("tt1000007")));

    assertThat(statuses(add)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(statuses(remove)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(plex.discoverRequests()).noneMatch(r -> r.path().startsWith("/actions/"));
  }

  @Test
  void conflictAnswersForListedOrUnlistedTitlesAreSuccess() throws Exception {
    restart(FakePlex.builder().watchlistConflicts(true));
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);
    plex.user().addToWatchlist(wanted, T0);
    Item item = Item.movie(null, null, Ids.of(IdKind.PLEX, wanted.discoverKey()));
    Provider p = provider();

    WriteResult add = p.add(Feature.WATCHLIST, List.of(item));
    plex.user().removeFromWatchlist(wanted);
    WriteResult remove = p.remove(Feature.WATCHLIST, List.of(item));

    assertThat(statuses(add)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(statuses(remove)).containsExactly(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(plex.discoverRequests()).allMatch(r -> r.status() == 409);
  }

  @Test
  void watchlistTitlesDiscoverDoesNotKnowAreNotFound() throws Exception {
    Item unknown = movieByImdb("tt9999999");
    Item noIds = Item.movie("Home Video", 2001, Ids.empty());
    Item episode = episodeOf(300001, 1, 1);

    WriteResult r = provider().add(Feature.WATCHLIST, List.of(unknown, noIds, episode));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status, ItemOutcome::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ItemOutcome.Status.NOT_FOUND, "not_found"),
            org.assertj.core.groups.Tuple.tuple(ItemOutcome.Status.NOT_FOUND, "no_ids"),
            org.assertj.core.groups.Tuple.tuple(
                ItemOutcome.Status.FAILED,
                "the plex watchlist holds movies and shows, not episodes"));
  }

  @Test
  void plexTvRateLimitsAreWaitedOutAsAsked() throws Exception {
    restart(FakePlex.builder().accountMinInterval(Duration.ofSeconds(5)));
    PlexTitle wanted = plex.catalogue().generateDiscoverMovies(1).get(0);
    Provider p = provider();

    Item item = Item.movie(null, null, Ids.of(IdKind.TMDB, 5001));
    assertThatThrownBy(() -> p.add(Feature.WATCHLIST, List.of(item)))
        .as("a write is sent once; the applier retries it after the wait asked for")
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
            });
    WriteResult r = p.add(Feature.WATCHLIST, List.of(item));

    assertThat(statuses(r)).containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(plex.user().watchlist()).extracting(e -> e.title()).containsExactly(wanted);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    assertThat(p.apiUsage().orElseThrow().rateLimited()).isEqualTo(1);
  }

  @Test
  void theWatchlistNeedsTheAccountToken() {
    Provider p =
        provider(
            s -> {
              s.put("account_token", "");
              s.put("pms_token", FakePlex.TOKEN);
            });

    assertThat(p.features())
        .containsExactlyInAnyOrder(
            Feature.HISTORY, Feature.RATINGS, Feature.PLAYLISTS, Feature.PROGRESS);
    assertThatThrownBy(() -> p.snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.getMessage()).contains("plex.account_token"));
  }

  @Test
  void debugHttpLinesCarryNoTokens() throws Exception {
    Provider p = provider();
    p.health();
    p.snapshot(Feature.HISTORY);
    p.add(Feature.HISTORY, List.of(movieByImdb("tt1000001")));

    assertThat(log.lines()).isNotEmpty();
    assertThat(String.join("\n", log.lines()))
        .contains("GET " + plex.serverUrl() + "/identity -> 200")
        .doesNotContain(FakePlex.TOKEN);
  }
}
