package io.crosswatch.providers.mediabrowser;

import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.episode;
import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlaylistWatchlistTest {

  private static Provider playlistProvider(MediaBrowserTestbed bed) {
    return bed.provider(
        s -> s.putObject("watchlist").put("mode", "playlist").put("playlist_name", "To Watch"));
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void theFirstAddCreatesThePlaylist(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(2);
      MbItem series = bed.server.library().generateSeries(1, 1, 2);
      Provider p = playlistProvider(bed);

      assertThat(p.snapshot(Feature.WATCHLIST)).isEmpty();
      WriteResult r = p.add(Feature.WATCHLIST, List.of(movie(2), episode(1, 1, 2), movie(2)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status)
          .containsOnly(Status.CONFIRMED, Status.ALREADY_PRESENT);
      MbUser.Playlist playlist = bed.server.user().playlistNamed("To Watch").orElseThrow();
      assertThat(playlist.itemIds())
          .containsExactlyInAnyOrder(
              movies.get(1).id(), bed.server.library().episode(series, 1, 2).orElseThrow().id());
      assertThat(bed.server.user().userData(movies.get(1)).favorite()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void snapshotListsThePlaylistAndRemovesFindTheirEntries(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(3);
      Provider p = playlistProvider(bed);
      p.add(Feature.WATCHLIST, List.of(movie(1), movie(3)));

      WriteResult removed = p.remove(Feature.WATCHLIST, List.of(movie(3), movie(2)));
      List<Item> listed = p.snapshot(Feature.WATCHLIST);

      assertThat(removed.outcomes())
          .extracting(ItemOutcome::status, ItemOutcome::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Status.CONFIRMED, null),
              org.assertj.core.groups.Tuple.tuple(Status.NOT_FOUND, "not_listed"));
      assertThat(listed).extracting(Item::title).containsExactly("Movie 1");
      assertThat(listed.get(0).ids().value(IdKind.IMDB)).isEqualTo("tt1000001");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void showsCannotGoOnAPlaylist(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateSeries(1, 1, 1);

      WriteResult r =
          playlistProvider(bed)
              .add(Feature.WATCHLIST, List.of(Item.show(null, null, Ids.of(IdKind.TVDB, 300001))));

      assertThat(r.outcomes().get(0).status()).isEqualTo(Status.FAILED);
      assertThat(r.outcomes().get(0).retriable()).isFalse();
    }
  }
}
