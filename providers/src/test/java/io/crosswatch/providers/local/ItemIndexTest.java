package io.crosswatch.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemIndexTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(Map.of(IdKind.IMDB, "tt0133093", IdKind.TMDB, 603)));
  private static final ShowRef SHOW =
      new ShowRef("Show 1", 1960, Ids.of(Map.of(IdKind.TVDB, 300001, IdKind.IMDB, "tt5000001")));

  @Test
  void anEntryMatchesAnItemSharingAnyCrossProviderId() {
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.TMDB, "603")))).hasSize(1);
    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.IMDB, "tt0133093")))).hasSize(1);
    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.TMDB, "604")))).isEmpty();
  }

  @Test
  void typesMustAgree() {
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(index.matches(Item.show("The Matrix", 1999, Ids.of(IdKind.TMDB, 603)))).isEmpty();
  }

  @Test
  void providerLocalIdsNeverMatch() {
    Item onPlex = Item.movie("A", 2000, Ids.of(IdKind.PLEX, "123"));
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(onPlex));

    assertThat(index.matches(Item.movie("B", 2001, Ids.of(IdKind.PLEX, "123")))).isEmpty();
  }

  @Test
  void itemsWithoutIdsMatchByNormalizedTitleAndYearOnlyAmongThemselves() {
    ItemIndex index =
        ItemIndex.of(
            Feature.WATCHLIST, List.of(Item.movie("Léon: The Professional", 1994, Ids.empty())));

    assertThat(index.matches(Item.movie("leon the professional", 1994, Ids.empty()))).hasSize(1);
    assertThat(index.matches(Item.movie("leon the professional", 1995, Ids.empty()))).isEmpty();
    assertThat(index.matches(Item.movie("Léon: The Professional", 1994, Ids.of(IdKind.TMDB, 101))))
        .isEmpty();
  }

  @Test
  void episodesMatchByOwnIdsOrByShowSeasonAndNumber() {
    Item episode = Item.episode(SHOW, 1, 2, "Second", Ids.of(IdKind.TVDB, 20010102));
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(episode));
    ShowRef showByImdbOnly = new ShowRef("Show One", null, Ids.of(IdKind.IMDB, "tt5000001"));

    assertThat(index.matches(Item.episode(showByImdbOnly, 1, 2, null, Ids.empty()))).hasSize(1);
    assertThat(index.matches(Item.episode(showByImdbOnly, 1, 3, null, Ids.empty()))).isEmpty();
    assertThat(index.matches(Item.episode(showByImdbOnly, 2, 2, null, Ids.empty()))).isEmpty();
  }

  @Test
  void episodesOfShowsWithoutIdsMatchByShowTitle() {
    ShowRef bare = new ShowRef("Home Movies", 1999, Ids.empty());
    ItemIndex index =
        ItemIndex.of(Feature.WATCHLIST, List.of(Item.episode(bare, 1, 1, null, Ids.empty())));

    assertThat(
            index.matches(
                Item.episode(
                    new ShowRef("home movies", 1999, Ids.empty()), 1, 1, "Pilot", Ids.empty())))
        .hasSize(1);
  }

  @Test
  void historyEntriesMatchOnlyAtTheSamePlayTimeToTheSecond() {
    ItemIndex index = ItemIndex.of(Feature.HISTORY, List.of(MATRIX.withWatchedAt(T)));

    assertThat(index.matches(MATRIX.withWatchedAt(T.plusMillis(999)))).hasSize(1);
    assertThat(index.matches(MATRIX.withWatchedAt(T.plusSeconds(1)))).isEmpty();
    assertThat(index.matches(MATRIX)).isEmpty();
  }

  @Test
  void anItemKnownByTwoEntriesMatchesBoth() {
    Item byImdb = Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093"));
    Item byTmdb = Item.movie("The Matrix", 1999, Ids.of(IdKind.TMDB, 603));
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(byImdb, byTmdb));

    assertThat(index.matches(MATRIX))
        .extracting(ItemIndex.Entry::item)
        .containsExactlyInAnyOrder(byImdb, byTmdb);
  }

  @Test
  void removeAndReplaceKeepTheIndexAndOrderCurrent() {
    Item other = Item.movie("Other", 2000, Ids.of(IdKind.TMDB, 1));
    Item third = Item.movie("Third", 2001, Ids.of(IdKind.TMDB, 2));
    ItemIndex index = ItemIndex.of(Feature.RATINGS, List.of(MATRIX.withRating(5, T), other, third));

    index.remove(index.matches(other).get(0));
    ItemIndex.Entry matrix = index.matches(MATRIX).get(0);
    index.replace(matrix, MATRIX.withRating(9, T));

    assertThat(index.items()).containsExactly(MATRIX.withRating(9, T), third);
    assertThat(index.matches(other)).isEmpty();
    assertThat(index.add(other).id()).isEqualTo(4);
  }
}
