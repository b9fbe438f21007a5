package io.crosswatch.providers.mediabrowser;

import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
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

class MediaBrowserPlaylistsTest {

  private static Item member(int movie, String playlist, Integer position) {
    return movie(movie).withPlaylist(PlaylistRef.named(playlist).withPosition(position));
  }

  private static List<String> ids(List<MbItem> items, int... which) {
    return java.util.Arrays.stream(which).mapToObj(i -> items.get(i).id()).toList();
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void readsEveryPlaylistsMembersInOrder(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(4);
      Provider p = bed.provider();
      p.add(Feature.PLAYLISTS, List.of(member(3, "Road trip", null), member(1, "Road trip", null)));

      List<Item> members = p.snapshot(Feature.PLAYLISTS);

      assertThat(members).extracting(i -> i.playlist().name()).containsOnly("Road trip");
      assertThat(members).extracting(i -> i.playlist().position()).containsExactly(0, 1);
      assertThat(members.get(0).title()).isEqualTo(movies.get(2).name());
      assertThat(members.get(0).playlist().readOnly()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void addCreatesTheMissingPlaylistWithItsFirstMembersThenAddsInOneCall(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(4);
      Provider p = bed.provider();

      WriteResult first =
          p.add(
              Feature.PLAYLISTS,
              List.of(member(1, "Road trip", null), member(99, "Road trip", null)));
      WriteResult second =
          p.add(
              Feature.PLAYLISTS,
              List.of(
                  member(2, " ROAD trip", null),
                  member(4, "road trip", null),
                  member(1, "Road trip", null)));

      assertThat(first.outcomes())
          .extracting(ItemOutcome::status)
          .containsExactly(Status.CONFIRMED, Status.NOT_FOUND);
      assertThat(second.outcomes())
          .extracting(ItemOutcome::status)
          .containsExactly(Status.CONFIRMED, Status.CONFIRMED, Status.ALREADY_PRESENT);
      MbUser.Playlist road = bed.server.user().playlistNamed("Road trip").orElseThrow();
      assertThat(road.itemIds()).containsExactlyElementsOf(ids(movies, 0, 1, 3));
      assertThat(bed.server.count("POST /Playlists")).isEqualTo(1);
      assertThat(bed.server.count("POST /Playlists/" + road.id() + "/Items")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void removeTakesEntriesOutAndKeepsTheEmptiedPlaylist(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(2);
      Provider p = bed.provider();
      p.add(Feature.PLAYLISTS, List.of(member(1, "Road trip", null)));

      WriteResult r =
          p.remove(
              Feature.PLAYLISTS,
              List.of(member(1, "Road trip", null), member(2, "Road trip", null)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status)
          .containsExactly(Status.CONFIRMED, Status.ALREADY_PRESENT);
      assertThat(bed.server.user().playlistNamed("Road trip").orElseThrow().itemIds()).isEmpty();
      assertThat(p.snapshot(Feature.PLAYLISTS)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void reorderMovesEachMemberToItsPosition(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(4);
      Provider p = bed.provider();
      p.add(
          Feature.PLAYLISTS,
          List.of(
              member(1, "R", null),
              member(2, "R", null),
              member(3, "R", null),
              member(4, "R", null)));
      p.snapshot(Feature.PLAYLISTS);

      p.update(Feature.PLAYLISTS, List.of(member(4, "R", 0), member(3, "R", 1)));

      assertThat(bed.server.user().playlistNamed("R").orElseThrow().itemIds())
          .containsExactlyElementsOf(ids(movies, 3, 2, 0, 1));
      assertThat(p.canReorder(Feature.PLAYLISTS)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void theWatchlistPlaylistIsNotAPlaylistOfThisFeature(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(2);
      Provider p =
          bed.provider(
              s ->
                  s.putObject("watchlist")
                      .put("mode", "playlist")
                      .put("playlist_name", "Watchlist"));
      p.add(Feature.WATCHLIST, List.of(movie(1)));

      WriteResult r = p.add(Feature.PLAYLISTS, List.of(member(2, "watchlist", null)));

      assertThat(p.snapshot(Feature.PLAYLISTS)).isEmpty();
      assertThat(r.outcomes().get(0).status()).isEqualTo(Status.FAILED);
      assertThat(r.outcomes().get(0).reason()).contains("is the watchlist");
    }
  }
}
