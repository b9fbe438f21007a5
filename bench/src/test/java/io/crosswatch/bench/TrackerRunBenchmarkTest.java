package io.crosswatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.trakt.TraktCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerRunBenchmarkTest {
  private final TraktCatalogue catalogue = new TraktCatalogue();
  private final TrackerRunBenchmark.Library library = TrackerRunBenchmark.seed(catalogue);

  @Test
  void theLibraryHasTheAdvertisedSizes() {
    assertThat(library.history()).hasSize(TrackerRunBenchmark.PLAYS);
    assertThat(library.watchlist()).hasSize(TrackerRunBenchmark.WATCHLIST);
    assertThat(library.ratings()).hasSize(TrackerRunBenchmark.RATINGS);
  }

  @Test
  void theHistoryHoldsRewatches() {
    long titles = library.history().stream().map(i -> i.withWatchedAt(null)).distinct().count();

    assertThat(titles).isLessThan(TrackerRunBenchmark.PLAYS);
  }

  @Test
  void theFakeTraktKnowsEveryTitleOfTheLibrary() {
    for (List<Item> feature : List.of(library.watchlist(), library.history(), library.ratings())) {
      for (Item item : feature) {
        assertThat(known(item)).as(item.label()).isTrue();
      }
    }
  }

  private boolean known(Item item) {
    if (item.type() == MediaType.MOVIE) {
      return catalogue
          .find(MediaType.MOVIE, Map.of("imdb", item.ids().value(IdKind.IMDB)))
          .isPresent();
    }
    return catalogue
        .find(MediaType.SHOW, Map.of("tvdb", item.show().ids().value(IdKind.TVDB)))
        .flatMap(show -> catalogue.episode(show, item.season(), item.number()))
        .isPresent();
  }
}
