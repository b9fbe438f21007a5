package io.crosswatch.providers.simkl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
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

class SimklIncrementalSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final List<String> LIBRARY_READS =
      List.of(
          "GET /sync/all-items/movies", "GET /sync/all-items/shows", "GET /sync/all-items/anime");

  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<SimklTitle> movies = simkl.catalogue().generateMovies(10);
  @TempDir Path stateDir;

  @BeforeEach
  void seed() {
    simkl.user().addToList(movies.get(0), "plantowatch", T0);
    simkl.user().watchMovie(movies.get(1), T0);
    simkl.user().rate(movies.get(2), 7, T0);
    time.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() {
    simkl.close();
  }

  /** A provider as one run creates it. */
  private Provider run(String settingsJson) {
    ObjectNode settings = (ObjectNode) JsonMapper.builder().build().readTree(settingsJson);
    settings.put("client_id", FakeSimklServer.CLIENT_ID);
    settings.put("base_url", simkl.baseUrl());
    if (!settings.has("access_token")) {
      settings.put("access_token", FakeSimklServer.ACCESS_TOKEN);
    }
    ProviderContext context =
        new ProviderContext(
            "SIMKL",
            "default",
            settings,
            "simkl",
            stateDir,
            stateDir,
            time,
            false,
            DiagnosticLog.silent());
    return new SimklProviderFactory()
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
    return simkl.requests().stream().map(RecordedRequest::endpoint).toList();
  }

  private static Item movie(long simklId) {
    return Item.movie(null, null, Ids.of(IdKind.SIMKL, simklId));
  }

  @Test
  void aRunWhereNothingChangedMakesOneActivitiesCallAndNoOtherRequest() throws Exception {
    Provider first = run();
    first.health();
    List<List<Item>> before = everything(first);
    simkl.clearLog();

    Provider second = run();
    HealthReport health = second.health();
    List<List<Item>> after = everything(second);

    assertThat(endpoints()).containsExactly("GET /sync/activities");
    assertThat(after).isEqualTo(before);
    assertThat(after).allSatisfy(items -> assertThat(items).hasSize(1));
    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
  }

  @Test
  void aChangeOnSimklReadsTheLibraryOnceAndOnlyForTheFeaturesItTouches() throws Exception {
    everything(run());
    simkl.user().rate(movies.get(3), 9, T0);
    simkl.clearLog();

    Provider p = run();
    List<Item> watchlist = p.snapshot(Feature.WATCHLIST);
    List<Item> ratings = p.snapshot(Feature.RATINGS);

    List<String> expected = new ArrayList<>(List.of("GET /sync/activities"));
    expected.addAll(LIBRARY_READS);
    assertThat(endpoints()).containsExactlyElementsOf(expected);
    assertThat(watchlist).hasSize(1);
    assertThat(ratings).extracting(Item::rating).containsExactlyInAnyOrder(7, 9);
  }

  @Test
  void ownWritesAreReadAgainWhenTheRunSettlesSoTheNextRunMakesOnlyTheActivitiesCall()
      throws Exception {
    Provider first = run();
    everything(first);
    first.add(Feature.RATINGS, List.of(movie(1005).withRating(6, T0)));
    time.advance(Duration.ofSeconds(5));
    simkl.clearLog();

    first.settle();

    List<String> settling = new ArrayList<>(List.of("GET /sync/activities"));
    settling.addAll(LIBRARY_READS);
    assertThat(endpoints()).containsExactlyElementsOf(settling);
    simkl.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(endpoints()).containsExactly("GET /sync/activities");
    assertThat(after.get(2)).extracting(Item::rating).containsExactlyInAnyOrder(7, 6);
  }

  @Test
  void aRunThatWroteButNeverSettledLeavesTheNextRunToReadAgain() throws Exception {
    Provider first = run();
    everything(first);
    first.add(Feature.RATINGS, List.of(movie(1005).withRating(6, T0)));
    time.advance(Duration.ofSeconds(5));
    simkl.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(endpoints()).containsAll(LIBRARY_READS);
    assertThat(after.get(2)).extracting(Item::rating).containsExactlyInAnyOrder(7, 6);
  }

  @Test
  void aRunThatDidNotWriteSettlesWithoutARequest() throws Exception {
    Provider p = run();
    everything(p);
    simkl.clearLog();

    p.settle();

    assertThat(endpoints()).isEmpty();
  }

  @Test
  void aChangeMadeElsewhereAfterTheRunSettledIsSeenByTheNextRun() throws Exception {
    Provider first = run();
    everything(first);
    first.add(Feature.RATINGS, List.of(movie(1005).withRating(6, T0)));
    time.advance(Duration.ofSeconds(5));
    first.settle();
    time.advance(Duration.ofMinutes(1));
    simkl.user().rate(movies.get(8), 3, time.instant());
    simkl.clearLog();

    List<List<Item>> after = everything(run());

    assertThat(endpoints()).containsAll(LIBRARY_READS);
    assertThat(after.get(2)).extracting(Item::rating).containsExactlyInAnyOrder(7, 6, 3);
  }

  @Test
  void aStoredSnapshotIsNeverReadAgainForItsAgeAlone() throws Exception {
    everything(run());
    time.advance(Duration.ofDays(400));
    simkl.clearLog();

    everything(run());

    assertThat(endpoints()).containsExactly("GET /sync/activities");
  }

  @Test
  void fullRefreshDaysIsNotASimklKey() {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("full_refresh_days", 7);

    assertThat(SimklSettings.validate(settings, "simkl"))
        .extracting(ConfigIssue::path, ConfigIssue::isError)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("simkl.full_refresh_days", false));
  }

  @Test
  void aTokenInTheStoreWinsOverTheConfigBlock() throws Exception {
    new TokenStore(stateDir)
        .save("SIMKL", "default", Tokens.of(FakeSimklServer.ACCESS_TOKEN, "", 0));

    HealthReport health = run("{\"access_token\": \"revoked-long-ago\"}").health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(simkl.requests())
        .allSatisfy(
            r ->
                assertThat(r.request().header("authorization"))
                    .contains("Bearer " + FakeSimklServer.ACCESS_TOKEN));
  }

  @Test
  void aDamagedTokenFileIsAnAuthFailureNamingTheFileNotItsContent() throws Exception {
    Path file = new TokenStore(stateDir).file("SIMKL", "default");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"access_token\": \"half-written-secret");

    HealthReport health = run().health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(health.message()).contains(file.toString()).doesNotContain("half-written-secret");
    assertThat(simkl.requests()).isEmpty();
  }
}
