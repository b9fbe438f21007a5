package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbLibrary;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jellyfin has no reliable user-data change filter ({@code MinDateLastSavedForUser} compares the
 * item's own save date, which plays, favourites and ratings leave alone; the fake does the same):
 * each run reads every item's user data, so changes made on the server are seen by the next run.
 */
class JellyfinUserDataChangesTest {
  @TempDir Path state;

  @Test
  void aPlayAFavouriteAndARatingMadeWithoutAnItemSaveAreSeenByTheNextRun() throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(ServerDialect.JELLYFIN)) {
      MbLibrary library = bed.server.library();
      MbUser user = bed.server.user();
      List<MbItem> movies = library.generateMovies(4);
      bed.time.advance(Duration.ofDays(1));
      Provider firstRun = bed.provider(s -> {}, state);
      assertThat(firstRun.snapshot(Feature.HISTORY)).isEmpty();
      assertThat(firstRun.snapshot(Feature.WATCHLIST)).isEmpty();
      assertThat(firstRun.snapshot(Feature.RATINGS)).isEmpty();
      Instant firstRunAt = bed.time.instant();
      bed.time.advance(Duration.ofHours(1));
      Instant playedAt = bed.time.instant();

      user.markPlayed(movies.get(0), playedAt);
      user.setFavorite(movies.get(1), true);
      user.rate(movies.get(2), 7.0);
      bed.time.advance(Duration.ofHours(1));
      Provider nextRun = bed.provider(s -> {}, state);
      List<Item> history = nextRun.snapshot(Feature.HISTORY);
      List<Item> watchlist = nextRun.snapshot(Feature.WATCHLIST);
      List<Item> ratings = nextRun.snapshot(Feature.RATINGS);

      assertThat(movies).allMatch(m -> library.dateLastSaved(m).isBefore(firstRunAt));
      assertThat(history)
          .extracting(Item::title, Item::watchedAt)
          .containsExactly(tuple("Movie 1", playedAt));
      assertThat(watchlist).extracting(Item::title).containsExactly("Movie 2");
      assertThat(ratings)
          .extracting(Item::title, Item::rating)
          .containsExactly(tuple("Movie 3", 7));
    }
  }
}
