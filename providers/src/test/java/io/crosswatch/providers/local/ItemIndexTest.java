package io.crosswatch.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index of a local provider's list; core's MatchTokensTest specifies the rule itself. */
class ItemIndexTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(Map.of(IdKind.IMDB, "tt0133093", IdKind.TMDB, 603)));

  @Test
  void anEntryMatchesAnItemSharingAnyCrossProviderId() {
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.TMDB, "603")))).hasSize(1);
    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.IMDB, "tt0133093")))).hasSize(1);
    assertThat(index.matches(Item.movie("x", null, Ids.of(IdKind.TMDB, "604")))).isEmpty();
  }

  @Test
  void anIndexMatchesByTheRuleOfItsFeature() {
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
