package io.crosswatch.providers.mediabrowser;

import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.episode;
import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUserData;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaBrowserProgressTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void resumePointsComeFromTheLibraryPassInMillisecondsWithTheRuntime(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(3);
      MbItem series = bed.server.library().generateSeries(1, 1, 2);
      MbItem ep = bed.server.library().episode(series, 1, 2).orElseThrow();
      bed.server.user().setPosition(movies.get(1), 24_000_000_000L, T0); // 40 min
      bed.server.user().setPosition(ep, 6_000_000_000L, T0.plusSeconds(60));
      bed.server.library().setRunTimeTicks(ep, 0);
      Provider p = bed.provider();

      List<Item> history = p.snapshot(Feature.HISTORY);
      long afterPass = bed.server.requests().size();
      List<Item> points = p.snapshot(Feature.PROGRESS);

      assertThat(history).isEmpty();
      assertThat(bed.server.requests()).hasSize((int) afterPass); // no request of its own
      assertThat(points).hasSize(2);
      Item movie = points.stream().filter(i -> i.show() == null).findFirst().orElseThrow();
      assertThat(movie.progressMs()).isEqualTo(2_400_000L);
      assertThat(movie.durationMs()).isEqualTo(7_200_000L);
      assertThat(movie.pausedAt()).isEqualTo(T0);
      Item episode = points.stream().filter(i -> i.show() != null).findFirst().orElseThrow();
      assertThat(episode.progressMs()).isEqualTo(600_000L);
      assertThat(episode.durationMs()).isNull(); // the server does not know the runtime
      assertThat(episode.season()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void writingAPointSetsTheTicksAndThePauseTimeOnAnUnplayedTitle(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(2);
      bed.server.user().rate(movies.get(0), 8.0);
      Provider p = bed.provider();

      WriteResult r =
          p.add(
              Feature.PROGRESS,
              List.of(
                  movie(1).withProgress(2_400_000L, 7_200_000L, T0),
                  movie(77).withProgress(60_000L, null, T0)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status)
          .containsExactly(Status.CONFIRMED, Status.NOT_FOUND);
      MbUserData data = bed.server.user().userData(movies.get(0));
      assertThat(data.playbackPositionTicks()).isEqualTo(24_000_000_000L);
      assertThat(data.lastPlayedDate()).isEqualTo(T0);
      assertThat(data.rating()).isEqualTo(8.0); // Emby replaces user data whole: kept anyway
      assertThat(data.played()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aPlayedTitleKeepsItsPlayDateWhenAPointIsWritten(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      bed.server.user().markPlayed(m, T0);
      Provider p = bed.provider();

      p.update(
          Feature.PROGRESS, List.of(movie(1).withProgress(600_000L, null, T0.plusSeconds(999))));

      MbUserData data = bed.server.user().userData(m);
      assertThat(data.playbackPositionTicks()).isEqualTo(6_000_000_000L);
      assertThat(data.lastPlayedDate()).isEqualTo(T0);
      assertThat(data.played()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void clearingAPointSetsTheTicksToZeroAndAnAbsentOneSendsNothing(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(2);
      bed.server.user().setPosition(movies.get(0), 24_000_000_000L, T0);
      Provider p = bed.provider();
      p.snapshot(Feature.PROGRESS);
      bed.server.clearLog();

      WriteResult r = p.remove(Feature.PROGRESS, List.of(movie(1), movie(2)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status)
          .containsExactly(Status.CONFIRMED, Status.ALREADY_PRESENT);
      assertThat(bed.server.user().userData(movies.get(0)).playbackPositionTicks()).isZero();
      assertThat(bed.server.requests()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void episodesAreFoundByShowSeasonAndNumber(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem series = bed.server.library().generateSeries(1, 1, 3);
      MbItem ep = bed.server.library().episode(series, 1, 3).orElseThrow();

      bed.provider()
          .add(Feature.PROGRESS, List.of(episode(1, 1, 3).withProgress(90_000L, null, T0)));

      assertThat(bed.server.user().userData(ep).playbackPositionTicks()).isEqualTo(900_000_000L);
    }
  }

  @org.junit.jupiter.api.Test
  void aLargeLibrarysResumePointsCostNoRequestBeyondTheLibraryPass() throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(ServerDialect.JELLYFIN)) {
      List<MbItem> movies = bed.server.library().generateMovies(20_000);
      for (int i = 0; i < 2_000; i++) {
        bed.server.user().setPosition(movies.get(i * 10), 6_000_000_000L, T0);
      }

      bed.provider().snapshot(Feature.HISTORY);
      long libraryPass = bed.server.requests().size();
      bed.server.clearLog();
      List<Item> points = bed.provider().snapshot(Feature.PROGRESS);

      assertThat(points).hasSize(2_000);
      assertThat(bed.server.requests()).hasSize((int) libraryPass);
    }
  }
}
