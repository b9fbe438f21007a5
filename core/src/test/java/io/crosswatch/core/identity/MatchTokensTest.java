package io.crosswatch.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MatchTokensTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(Map.of(IdKind.IMDB, "tt0133093", IdKind.TMDB, 603)));
  private static final ShowRef SHOW =
      new ShowRef("Show 1", 1960, Ids.of(Map.of(IdKind.TVDB, 300001, IdKind.IMDB, "tt5000001")));
  private static final ShowRef SHOW_BY_IMDB_ONLY =
      new ShowRef("Show One", null, Ids.of(IdKind.IMDB, "tt5000001"));
  private static final ShowRef BARE_SHOW = new ShowRef("Home Movies", 1999, Ids.empty());

  private static boolean same(Item a, Item b) {
    return same(a, b, Feature.WATCHLIST);
  }

  private static boolean same(Item a, Item b, Feature feature) {
    return !Collections.disjoint(MatchTokens.of(a, feature), MatchTokens.of(b, feature));
  }

  @Test
  void itemsSharingAnyCrossProviderIdMatch() {
    assertThat(same(MATRIX, Item.movie("x", null, Ids.of(IdKind.TMDB, "603")))).isTrue();
    assertThat(same(MATRIX, Item.movie("x", null, Ids.of(IdKind.IMDB, "tt0133093")))).isTrue();
    assertThat(same(MATRIX, Item.movie("The Matrix", 1999, Ids.of(IdKind.TMDB, "604")))).isFalse();
  }

  @Test
  void theSameValueUnderAnotherIdKindDoesNotMatch() {
    Item byTmdb = Item.movie("A", 2000, Ids.of(IdKind.TMDB, 42));
    Item byTvdb = Item.movie("A", 2000, Ids.of(IdKind.TVDB, 42));

    assertThat(same(byTmdb, byTvdb)).isFalse();
  }

  @Test
  void typesMustAgree() {
    assertThat(same(MATRIX, Item.show("The Matrix", 1999, Ids.of(IdKind.TMDB, 603)))).isFalse();
    assertThat(
            same(
                Item.movie("Home Movies", 1999, Ids.empty()),
                Item.show("Home Movies", 1999, Ids.empty())))
        .isFalse();
  }

  @Test
  void providerLocalIdsNeverMatch() {
    Item onPlex = Item.movie("A", 2000, Ids.of(IdKind.PLEX, "123"));

    assertThat(same(onPlex, Item.movie("B", 2001, Ids.of(IdKind.PLEX, "123")))).isFalse();
    assertThat(MatchTokens.of(onPlex, Feature.WATCHLIST)).noneMatch(t -> t.contains("123"));
  }

  @Test
  void itemsWithoutIdsMatchByNormalizedTitleAndYearOnlyAmongThemselves() {
    Item leon = Item.movie("Léon: The Professional", 1994, Ids.empty());

    assertThat(same(leon, Item.movie("leon the professional", 1994, Ids.empty()))).isTrue();
    assertThat(same(leon, Item.movie("leon the professional", 1995, Ids.empty()))).isFalse();
    assertThat(same(leon, Item.movie("leon the professional", null, Ids.empty()))).isFalse();
    assertThat(same(leon, Item.movie("Léon: The Professional", 1994, Ids.of(IdKind.TMDB, 101))))
        .isFalse();
  }

  @Test
  void itemsWithOnlyProviderLocalIdsMatchByTitleLikeItemsWithoutIds() {
    Item onPlex = Item.movie("Amélie!", 2001, Ids.of(IdKind.PLEX, "9"));

    assertThat(same(onPlex, Item.movie("amelie", 2001, Ids.empty()))).isTrue();
  }

  @Test
  void episodesMatchByOwnIdsOrByShowIdSeasonAndNumber() {
    Item episode = Item.episode(SHOW, 1, 2, "Second", Ids.of(IdKind.TVDB, 20010102));

    assertThat(same(episode, Item.episode(SHOW, 9, 9, null, Ids.of(IdKind.TVDB, 20010102))))
        .isTrue();
    assertThat(same(episode, Item.episode(SHOW_BY_IMDB_ONLY, 1, 2, null, Ids.empty()))).isTrue();
    assertThat(same(episode, Item.episode(SHOW_BY_IMDB_ONLY, 1, 3, null, Ids.empty()))).isFalse();
    assertThat(same(episode, Item.episode(SHOW_BY_IMDB_ONLY, 2, 2, null, Ids.empty()))).isFalse();
  }

  @Test
  void seasonsMatchByShowIdAndSeasonButNeverAnEpisode() {
    Item season = Item.season(SHOW, 1, Ids.empty());

    assertThat(same(season, Item.season(SHOW_BY_IMDB_ONLY, 1, Ids.empty()))).isTrue();
    assertThat(same(season, Item.season(SHOW_BY_IMDB_ONLY, 2, Ids.empty()))).isFalse();
    assertThat(same(season, Item.episode(SHOW, 1, 1, null, Ids.empty()))).isFalse();
  }

  @Test
  void episodesOfShowsWithoutIdsMatchByShowTitleYearAndPosition() {
    Item pilot = Item.episode(BARE_SHOW, 1, 1, null, Ids.empty());
    ShowRef sameShowOtherSpelling = new ShowRef("home movies", 1999, Ids.empty());
    ShowRef otherYear = new ShowRef("Home Movies", 2001, Ids.empty());

    assertThat(same(pilot, Item.episode(sameShowOtherSpelling, 1, 1, "Pilot", Ids.empty())))
        .isTrue();
    assertThat(same(pilot, Item.episode(sameShowOtherSpelling, 1, 2, null, Ids.empty()))).isFalse();
    assertThat(same(pilot, Item.episode(otherYear, 1, 1, null, Ids.empty()))).isFalse();
  }

  @Test
  void anEpisodeWithItsOwnIdsNeverMatchesByShowTitle() {
    Item withIds = Item.episode(BARE_SHOW, 1, 1, null, Ids.of(IdKind.TVDB, 7));

    assertThat(same(withIds, Item.episode(BARE_SHOW, 1, 1, null, Ids.empty()))).isFalse();
  }

  @Test
  void historyEntriesMatchOnlyAtTheSamePlayTimeToTheSecond() {
    Item played = MATRIX.withWatchedAt(T);

    assertThat(same(played, MATRIX.withWatchedAt(T.plusMillis(999)), Feature.HISTORY)).isTrue();
    assertThat(same(played, MATRIX.withWatchedAt(T.plusSeconds(1)), Feature.HISTORY)).isFalse();
    assertThat(same(played, MATRIX, Feature.HISTORY)).isFalse();
    assertThat(same(MATRIX, MATRIX, Feature.HISTORY)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Feature.class,
      names = {"HISTORY"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherFeaturesIgnoreThePlayTime(Feature feature) {
    assertThat(same(MATRIX.withWatchedAt(T), MATRIX.withWatchedAt(T.plusSeconds(60)), feature))
        .isTrue();
  }

  @Test
  void everyItemHasAtLeastOneToken() {
    Item bare = Item.movie(null, null, Ids.empty());

    assertThat(MatchTokens.of(bare, Feature.WATCHLIST)).isNotEmpty();
    assertThat(MatchTokens.of(Item.season(BARE_SHOW, 1, Ids.empty()), Feature.RATINGS))
        .isNotEmpty();
  }

  @Test
  void refusesMissingArguments() {
    assertThatThrownBy(() -> MatchTokens.of(null, Feature.WATCHLIST))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("item");
    assertThatThrownBy(() -> MatchTokens.of(MATRIX, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("feature");
  }
}
