package io.crosswatch.providers.simkl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteCost;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklPlayback;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimklProgressTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<SimklTitle> movies = simkl.catalogue().generateMovies(4);
  private final SimklTitle show = simkl.catalogue().generateShow(1, 2, 3);
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    simkl.close();
  }

  private Provider provider() {
    return SimklTestbed.provider(
        simkl, FakeSimklServer.ACCESS_TOKEN, time, stateDir, new RecordingLog());
  }

  private static Item movie(SimklTitle t) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, t.imdb()));
  }

  private long runtimeMs(SimklTitle t) {
    return simkl.catalogue().runtime(t) * 60_000L;
  }

  @Test
  void readsPercentagesAsMillisecondsOfTheRuntimeSimklGivesPerTitle() throws Exception {
    Instant at = Instant.parse("2025-05-01T20:00:00Z");
    simkl.user().pause(movies.get(0), 25.0, at);
    simkl.user().pause(show, 1, 2, 50.0, at);
    simkl.user().pause(show, 2, 1, 10.0, at);

    List<Item> points = provider().snapshot(Feature.PROGRESS);

    Item movie = points.stream().filter(i -> i.show() == null).findFirst().orElseThrow();
    assertThat(movie.ids().value(IdKind.IMDB)).isEqualTo(movies.get(0).imdb());
    assertThat(movie.durationMs()).isEqualTo(runtimeMs(movies.get(0)));
    assertThat(movie.progressMs()).isEqualTo(Math.round(runtimeMs(movies.get(0)) * 0.25));
    assertThat(movie.pausedAt()).isEqualTo(at);
    Item episode =
        points.stream().filter(i -> i.show() != null && i.season() == 1).findFirst().orElseThrow();
    assertThat(episode.number()).isEqualTo(2);
    assertThat(episode.show().ids().value(IdKind.TVDB)).isEqualTo(String.valueOf(show.tvdb()));
    assertThat(episode.progressMs()).isEqualTo(Math.round(runtimeMs(show) * 0.5));
    // One runtime lookup per title, not per point.
    assertThat(simkl.count("GET /tv/" + show.simkl())).isEqualTo(1);
    assertThat(simkl.count("GET /movies/" + movies.get(0).simkl())).isEqualTo(1);
  }

  @Test
  void aPointWhoseTitleHasNoRuntimeCannotBeAPositionAndIsLeftOut() throws Exception {
    simkl.catalogue().setRuntime(movies.get(1), null);
    simkl.user().pause(movies.get(1), 40.0, time.instant());
    simkl.user().pause(movies.get(2), 40.0, time.instant());

    assertThat(provider().snapshot(Feature.PROGRESS))
        .extracting(i -> i.ids().value(IdKind.IMDB))
        .containsExactly(movies.get(2).imdb());
  }

  @Test
  void writesEachPointAsAPausedScrobbleAtItsPercentageOneCallEach() throws Exception {
    Provider p = provider();
    Item episode =
        Item.episode(
                new ShowRef("Show 1", null, Ids.of(IdKind.TVDB, show.tvdb())),
                2,
                3,
                null,
                Ids.empty())
            .withProgress(30 * 60_000L, 40 * 60_000L, time.instant());

    WriteResult result =
        p.add(
            Feature.PROGRESS,
            List.of(
                movie(movies.get(0)).withProgress(45 * 60_000L, 90 * 60_000L, time.instant()),
                movie(movies.get(1)).withProgress(10 * 60_000L, 120 * 60_000L, time.instant()),
                episode));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(simkl.user().playback().of(movies.get(0), 0, 0).orElseThrow().progress())
        .isEqualTo(50.0);
    assertThat(simkl.user().playback().of(movies.get(1), 0, 0).orElseThrow().progress())
        .isEqualTo(8.33);
    assertThat(simkl.user().playback().of(show, 2, 3).orElseThrow().progress()).isEqualTo(75.0);
    assertThat(simkl.count("POST /scrobble/pause")).isEqualTo(3);
    assertThat(simkl.rateLimited()).isZero();
  }

  @Test
  void aWrittenPointReadsBackAtTheSamePercentage() throws Exception {
    long duration = runtimeMs(movies.get(3));
    provider()
        .add(
            Feature.PROGRESS,
            List.of(movie(movies.get(3)).withProgress(duration / 4, duration, time.instant())));

    List<Item> points = provider().snapshot(Feature.PROGRESS);

    assertThat(points).hasSize(1);
    assertThat(points.get(0).progressMs()).isEqualTo(duration / 4);
  }

  @Test
  void aPointWithoutRuntimeOrIdsIsNotSent() throws Exception {
    WriteResult result =
        provider()
            .add(
                Feature.PROGRESS,
                List.of(
                    movie(movies.get(0)).withProgress(600_000L, null, time.instant()),
                    Item.movie("Nowhere", 1999, Ids.empty())
                        .withProgress(600_000L, 6_000_000L, time.instant())));

    assertThat(result.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(result.outcomes().get(0).retriable()).isFalse();
    assertThat(result.outcomes().get(0).reason()).contains("duration_ms");
    assertThat(result.outcomes().get(1).status()).isEqualTo(ItemOutcome.Status.NOT_FOUND);
    assertThat(simkl.count("POST /scrobble/pause")).isZero();
  }

  @Test
  void clearingDeletesThePlaybackAndAnAbsentOneIsAlreadyGone() throws Exception {
    SimklPlayback.Paused paused = simkl.user().pause(movies.get(0), 30.0, time.instant());
    Provider p = provider();
    p.snapshot(Feature.PROGRESS);

    WriteResult result =
        p.remove(Feature.PROGRESS, List.of(movie(movies.get(0)), movie(movies.get(2))));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.CONFIRMED, ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(simkl.user().playback().all()).isEmpty();
    assertThat(simkl.count("DELETE /sync/playback/" + paused.id())).isEqualTo(1);
  }

  @Test
  void anUnchangedPlaybackActivityReusesTheStoredPointsAndAPauseReadsThemAgain() throws Exception {
    simkl.user().pause(movies.get(0), 30.0, time.instant());
    provider().snapshot(Feature.PROGRESS);

    provider().snapshot(Feature.PROGRESS);
    assertThat(simkl.count("GET /sync/playback")).isEqualTo(1);

    time.advance(Duration.ofMinutes(5));
    simkl.user().pause(movies.get(1), 60.0, time.instant());
    assertThat(provider().snapshot(Feature.PROGRESS)).hasSize(2);
    assertThat(simkl.count("GET /sync/playback")).isEqualTo(2);
  }

  @Test
  void aSuspectProgressSnapshotIsReadAgainWhileTheLibraryStaysStored() throws Exception {
    simkl.user().pause(movies.get(0), 30.0, time.instant());
    simkl.user().addToList(movies.get(1), "plantowatch", time.instant());
    Provider first = provider();
    first.snapshot(Feature.PROGRESS);
    first.snapshot(Feature.WATCHLIST);
    first.discardSnapshot(Feature.PROGRESS);

    Provider next = provider();
    next.snapshot(Feature.PROGRESS);
    next.snapshot(Feature.WATCHLIST);

    assertThat(simkl.count("GET /sync/playback")).isEqualTo(2);
    assertThat(simkl.count("GET /sync/all-items/movies")).isEqualTo(1);
  }

  @Test
  void statesTheCostOfOneCallPerSecondPerPointAndHasNoPlaylists() {
    Provider p = provider();
    assertThat(p.writeCost(Feature.PROGRESS, WriteOp.ADD, 120))
        .contains(new WriteCost(120, Duration.ofSeconds(120)));
    assertThat(p.writeCost(Feature.WATCHLIST, WriteOp.ADD, 120)).isEmpty();
    assertThat(p.features()).doesNotContain(Feature.PLAYLISTS);
  }
}
