package io.crosswatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LibraryGeneratorTest {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theSameSeedGivesTheSameLibrary() {
    LibraryGenerator.Library a = new LibraryGenerator(42).library(500, BASE);
    LibraryGenerator.Library b = new LibraryGenerator(42).library(500, BASE);

    assertThat(a).isEqualTo(b);
  }

  @Test
  void differentSeedsGiveDifferentLibraries() {
    assertThat(new LibraryGenerator(1).titles(50)).isNotEqualTo(new LibraryGenerator(2).titles(50));
  }

  @Test
  void moviesCarryImdbAndTmdbAndSometimesTrakt() {
    List<Item> movies = new LibraryGenerator(7).movies(500);

    assertThat(movies)
        .allSatisfy(
            m -> {
              assertThat(m.type()).isEqualTo(MediaType.MOVIE);
              assertThat(m.title()).isNotBlank();
              assertThat(m.year()).isBetween(1950, 2025);
              assertThat(m.ids().value(IdKind.IMDB)).matches("tt\\d{7}");
              assertThat(m.ids().value(IdKind.TMDB)).isNotNull();
            });
    assertThat(movies).anyMatch(m -> m.ids().value(IdKind.TRAKT) != null);
    assertThat(movies).anyMatch(m -> m.ids().value(IdKind.TRAKT) == null);
  }

  @Test
  void episodesBelongToShowsWithIdsAndHaveTheirOwnTvdbId() {
    List<Item> episodes = new LibraryGenerator(7).episodes(300);

    assertThat(episodes)
        .allSatisfy(
            e -> {
              assertThat(e.type()).isEqualTo(MediaType.EPISODE);
              assertThat(e.show().title()).isNotBlank();
              assertThat(e.show().year()).isNotNull();
              assertThat(e.show().ids().value(IdKind.TVDB)).isNotNull();
              assertThat(e.show().ids().value(IdKind.IMDB)).matches("tt\\d{7}");
              assertThat(e.season()).isPositive();
              assertThat(e.number()).isPositive();
              assertThat(e.ids().value(IdKind.TVDB)).isNotNull();
            });
    long shows = episodes.stream().map(e -> e.show().ids()).distinct().count();
    assertThat(shows).isBetween(5L, 100L);
  }

  @Test
  void idsAreUniqueWithinAGenerator() {
    List<Item> titles = new LibraryGenerator(3).titles(5_000);

    Set<String> keys = new HashSet<>();
    for (Item t : titles) {
      assertThat(keys.add(ItemKeys.titleKey(t))).as("duplicate %s", t).isTrue();
    }
  }

  @Test
  void historyHasSeveralPlaysForSomeTitlesAtDistinctTimesBeforeTheBase() {
    List<Item> plays = new LibraryGenerator(5).history(1_000, BASE);

    Map<String, List<Item>> byTitle =
        plays.stream().collect(Collectors.groupingBy(ItemKeys::titleKey));
    assertThat(byTitle).hasSize(1_000);
    assertThat(byTitle.values()).anyMatch(list -> list.size() > 1);
    assertThat(byTitle.values())
        .allMatch(list -> list.stream().map(Item::watchedAt).distinct().count() == list.size());
    assertThat(plays).allMatch(p -> p.watchedAt().isBefore(BASE) || p.watchedAt().equals(BASE));
    assertThat(plays).allMatch(p -> p.watchedAt().getNano() == 0);
  }

  @Test
  void watchlistAndRatingsCarryTheirFeatureFields() {
    LibraryGenerator gen = new LibraryGenerator(5);

    assertThat(gen.watchlist(200, BASE)).allMatch(i -> i.listedAt().isBefore(BASE));
    assertThat(gen.ratings(200, BASE))
        .allMatch(i -> i.rating() >= 1 && i.rating() <= 10 && i.ratedAt().isBefore(BASE))
        .extracting(Item::rating)
        .contains(1, 10);
  }

  @Test
  void theOtherSideSharesTheRequestedFractionByIdentity() throws ProviderException {
    LibraryGenerator gen = new LibraryGenerator(11);
    List<Item> side = gen.watchlist(1_000, BASE);

    List<Item> other = gen.otherSide(side, Feature.WATCHLIST, 0.3, BASE);

    assertThat(other).hasSize(1_000);
    InMemoryProvider provider = new InMemoryProvider("X").put(Feature.WATCHLIST, side);
    Map<ItemOutcome.Status, Long> outcomes =
        provider.add(Feature.WATCHLIST, other).outcomes().stream()
            .collect(Collectors.groupingBy(ItemOutcome::status, Collectors.counting()));
    assertThat(outcomes)
        .containsEntry(ItemOutcome.Status.ALREADY_PRESENT, 300L)
        .containsEntry(ItemOutcome.Status.CONFIRMED, 700L);
  }

  @Test
  void theOtherSideVariesIdsSoThatIdentityNeedsAnySharedId() {
    LibraryGenerator gen = new LibraryGenerator(13);
    List<Item> side = gen.watchlist(2_000, BASE);

    List<Item> other = gen.otherSide(side, Feature.WATCHLIST, 1.0, BASE);

    assertThat(other)
        .anyMatch(
            i ->
                i.type() == MediaType.MOVIE
                    && i.ids().size() == 1
                    && i.ids().value(IdKind.TMDB) != null);
    assertThat(other)
        .anyMatch(
            i ->
                i.type() == MediaType.MOVIE
                    && i.ids().size() == 1
                    && i.ids().value(IdKind.IMDB) != null);
    assertThat(other).anyMatch(i -> i.type() == MediaType.EPISODE && i.ids().isEmpty());
    assertThat(other)
        .extracting(Item::listedAt)
        .containsExactlyInAnyOrderElementsOf(side.stream().map(Item::listedAt).toList());
  }

  @Test
  void historyOfTheOtherSideKeepsPlayTimesOfSharedPlays() throws ProviderException {
    LibraryGenerator gen = new LibraryGenerator(17);
    List<Item> side = gen.history(500, BASE);

    List<Item> other = gen.otherSide(side, Feature.HISTORY, 0.5, BASE);

    InMemoryProvider provider = new InMemoryProvider("X").put(Feature.HISTORY, side);
    long present =
        provider.add(Feature.HISTORY, other).outcomes().stream()
            .filter(o -> o.status() == ItemOutcome.Status.ALREADY_PRESENT)
            .count();
    assertThat(present).isEqualTo(Math.round(side.size() * 0.5));
  }
}
