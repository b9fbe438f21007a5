package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteCost;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktPlayback;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraktProgressTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(4);
  private final TraktTitle show = trakt.catalogue().generateShow(1, 1, 3);
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Provider provider() {
    return TraktTestbed.provider(trakt, time, stateDir);
  }

  private static Item movie(TraktTitle t) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, t.imdb()));
  }

  @Test
  void readsPercentagesAsMillisecondsOfTheRuntime() throws Exception {
    Instant at = Instant.parse("2025-05-01T20:00:00Z");
    trakt.user().pause(movies.get(0), 25.0, at); // of 120 minutes
    trakt.user().pause(trakt.catalogue().episode(show, 1, 2).orElseThrow(), 50.0, at);

    List<Item> points = provider().snapshot(Feature.PROGRESS);

    Item movie = points.stream().filter(i -> i.show() == null).findFirst().orElseThrow();
    Item episode = points.stream().filter(i -> i.show() != null).findFirst().orElseThrow();
    assertThat(movie.progressMs()).isEqualTo(30 * 60_000L);
    assertThat(movie.durationMs()).isEqualTo(120 * 60_000L);
    assertThat(movie.pausedAt()).isEqualTo(at);
    assertThat(episode.progressMs()).isEqualTo(Math.round(22.5 * 60_000));
    assertThat(episode.season()).isEqualTo(1);
    assertThat(episode.number()).isEqualTo(2);
  }

  @Test
  void aPointWhoseTitleHasNoRuntimeCannotBeAPositionAndIsLeftOut() throws Exception {
    trakt.catalogue().setRuntime(movies.get(1), null);
    trakt.user().pause(movies.get(1), 40.0, time.instant());

    assertThat(provider().snapshot(Feature.PROGRESS)).isEmpty();
  }

  @Test
  void writesEachPointAsAPausedScrobbleAtItsPercentageOneCallEach() throws Exception {
    Provider p = provider();

    WriteResult result =
        p.add(
            Feature.PROGRESS,
            List.of(
                movie(movies.get(0)).withProgress(45 * 60_000L, 90 * 60_000L, time.instant()),
                movie(movies.get(1)).withProgress(10 * 60_000L, 120 * 60_000L, time.instant())));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(trakt.user().playback().of(movies.get(0)).orElseThrow().progress()).isEqualTo(50.0);
    assertThat(trakt.user().playback().of(movies.get(1)).orElseThrow().progress()).isEqualTo(8.33);
    assertThat(trakt.count("POST /scrobble/pause")).isEqualTo(2);
    assertThat(trakt.rateLimited()).isZero();
  }

  @Test
  void aPointWithoutRuntimeCannotBeWrittenAsAPercentageAndSaysSo() throws Exception {
    WriteResult result =
        provider()
            .add(
                Feature.PROGRESS,
                List.of(movie(movies.get(0)).withProgress(600_000L, null, time.instant())));

    ItemOutcome outcome = result.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(outcome.retriable()).isFalse();
    assertThat(outcome.reason()).contains("duration_ms");
    assertThat(trakt.count("POST /scrobble/pause")).isZero();
  }

  @Test
  void clearingDeletesThePlaybackEntryAndAnAbsentOneIsAlreadyGone() throws Exception {
    TraktPlayback.Paused paused = trakt.user().pause(movies.get(0), 30.0, time.instant());
    Provider p = provider();
    p.snapshot(Feature.PROGRESS);

    WriteResult result =
        p.remove(Feature.PROGRESS, List.of(movie(movies.get(0)), movie(movies.get(2))));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.CONFIRMED, ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(trakt.user().playback().all()).isEmpty();
    assertThat(trakt.count("DELETE /sync/playback/" + paused.id())).isEqualTo(1);
  }

  @Test
  void statesTheCostOfOneCallPerSecondPerPoint() {
    assertThat(provider().writeCost(Feature.PROGRESS, WriteOp.ADD, 120))
        .contains(new WriteCost(120, Duration.ofSeconds(120)));
    assertThat(provider().writeCost(Feature.PLAYLISTS, WriteOp.ADD, 120)).isEmpty();
  }
}
