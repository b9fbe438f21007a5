package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.MbUserData;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaBrowserSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void oneLibraryPassAcrossPagesFeedsAllThreeFeatures(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect, b -> b.pageCap(7))) {
      List<MbItem> movies = bed.server.library().generateMovies(20);
      bed.server.library().generateSeries(1, 2, 5);
      movies.forEach(m -> bed.server.user().markPlayed(m, T0));
      Provider p = bed.provider();

      List<Item> history = p.snapshot(Feature.HISTORY);
      p.snapshot(Feature.WATCHLIST);
      p.snapshot(Feature.RATINGS);

      assertThat(history).hasSize(20);
      assertThat(bed.server.count(bed.itemsEndpoint())).isEqualTo(5);
      assertThat(bed.server.requests().get(1).request().query())
          .containsEntry("IncludeItemTypes", "Movie,Series,Episode")
          .containsEntry("Fields", "ProviderIds,ProductionYear,UserData")
          .containsEntry("Recursive", "true")
          .containsEntry("Limit", "500");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aSecondSnapshotOfAFeatureReadsTheLibraryAgain(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem movie = bed.server.library().generateMovies(1).get(0);
      Provider p = bed.provider();
      p.snapshot(Feature.HISTORY);
      bed.server.user().markPlayed(movie, T0);

      List<Item> again = p.snapshot(Feature.HISTORY);

      assertThat(again).hasSize(1);
      assertThat(bed.server.count(bed.itemsEndpoint())).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void historyIsOnePlayPerPlayedTitleAtItsLastPlayedDate(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(3);
      MbItem series = bed.server.library().generateSeries(1, 2, 3);
      MbItem episode = bed.server.library().episode(series, 2, 3).orElseThrow();
      MbUser user = bed.server.user();
      user.markPlayed(movies.get(0), T0);
      user.replace(movies.get(1), new MbUserData(true, 1, null, false, null));
      user.markPlayed(episode, T0.plusSeconds(60));
      user.markPlayed(movies.get(2), T0);
      user.markUnplayed(movies.get(2));

      List<Item> history = bed.provider().snapshot(Feature.HISTORY);

      assertThat(history).hasSize(3);
      Item m = history.stream().filter(i -> "Movie 1".equals(i.title())).findFirst().orElseThrow();
      assertThat(m.watchedAt()).isEqualTo(T0);
      assertThat(m.year()).isEqualTo(1971);
      assertThat(m.ids().asMap())
          .containsEntry(IdKind.IMDB, "tt1000001")
          .containsEntry(IdKind.TMDB, "5001")
          .containsKey(bed.localKind());
      Item undated =
          history.stream().filter(i -> "Movie 2".equals(i.title())).findFirst().orElseThrow();
      assertThat(undated.watchedAt()).isNull();
      Item e = history.stream().filter(i -> i.type() == MediaType.EPISODE).findFirst().get();
      assertThat(e.watchedAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(e.season()).isEqualTo(2);
      assertThat(e.number()).isEqualTo(3);
      assertThat(e.ids().value(IdKind.TVDB)).isEqualTo("20010203");
      assertThat(e.show().title()).isEqualTo("Show 1");
      assertThat(e.show().ids().asMap())
          .containsEntry(IdKind.TVDB, "300001")
          .containsEntry(IdKind.IMDB, "tt5000001");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aFullyPlayedSeriesIsNoPlayOfItsOwn(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem series = bed.server.library().generateSeries(1, 1, 2);
      bed.server.library().episodes(series).forEach(e -> bed.server.user().markPlayed(e, T0));

      List<Item> history = bed.provider().snapshot(Feature.HISTORY);

      assertThat(history).extracting(Item::type).containsOnly(MediaType.EPISODE).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void watchlistIsTheFavourites(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem movie = bed.server.library().generateMovies(2).get(1);
      MbItem series = bed.server.library().generateSeries(1, 1, 1);
      bed.server.user().setFavorite(movie, true);
      bed.server.user().setFavorite(series, true);

      List<Item> watchlist = bed.provider().snapshot(Feature.WATCHLIST);

      assertThat(watchlist).extracting(Item::type).containsExactly(MediaType.MOVIE, MediaType.SHOW);
      assertThat(watchlist.get(1).ids().value(IdKind.TVDB)).isEqualTo("300001");
      assertThat(watchlist).allMatch(i -> i.listedAt() == null);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void ratingsAreRoundedToOneToTenAndZeroIsUnrated(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(5);
      double[] ratings = {7.0, 8.5, 0.3, 0.0, 10.0};
      for (int i = 0; i < 5; i++) {
        bed.server.user().rate(movies.get(i), ratings[i]);
      }

      List<Item> rated = bed.provider().snapshot(Feature.RATINGS);

      assertThat(rated)
          .extracting(Item::title, Item::rating)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Movie 1", 7),
              org.assertj.core.groups.Tuple.tuple("Movie 2", 9),
              org.assertj.core.groups.Tuple.tuple("Movie 3", 1),
              org.assertj.core.groups.Tuple.tuple("Movie 5", 10));
      assertThat(rated).allMatch(i -> i.ratedAt() == null);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aFeatureRestrictedToLibrariesSeesOnlyThose(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem movie = bed.server.library().generateMovies(1).get(0);
      MbItem series = bed.server.library().generateSeries(1, 1, 1);
      MbItem episode = bed.server.library().episodes(series).get(0);
      bed.server.user().markPlayed(movie, T0);
      bed.server.user().markPlayed(episode, T0);
      bed.server.user().setFavorite(episode, true);
      Provider p =
          bed.provider(s -> s.putObject("history").putArray("libraries").add("shows").add("Anime"));

      List<Item> history = p.snapshot(Feature.HISTORY);
      List<Item> watchlist = p.snapshot(Feature.WATCHLIST);

      assertThat(history).extracting(Item::type).containsExactly(MediaType.EPISODE);
      assertThat(watchlist).hasSize(1);
      assertThat(bed.log.lines())
          .anyMatch(l -> l.contains(bed.name().toLowerCase() + ".history.libraries: no library"));
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void librariesThatDoNotExistFailTheSnapshotRatherThanEmptyIt(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(1);
      Provider p = bed.provider(s -> s.putObject("ratings").putArray("libraries").add("Nope"));

      assertThatThrownBy(() -> p.snapshot(Feature.RATINGS))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> {
                assertThat(e.retriable()).isFalse();
                assertThat(e.getMessage()).contains("ratings.libraries: none of [Nope]");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aRevokedTokenFailsTheSnapshotAsAuth(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      Provider p = bed.provider();
      bed.server.revokeToken(
          io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer.ACCESS_TOKEN);

      assertThatThrownBy(() -> p.snapshot(Feature.HISTORY))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH));
    }
  }
}
