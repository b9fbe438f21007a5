package io.crosswatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryProviderTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(Map.of(IdKind.IMDB, "tt0133093", IdKind.TMDB, 603)));

  private final InMemoryProvider provider = new InMemoryProvider("TRAKT");

  @Test
  void addingANewItemIsConfirmedAndAddingItAgainIsAlreadyPresent() throws ProviderException {
    ItemOutcome first =
        provider.add(Feature.WATCHLIST, List.of(MATRIX.withListedAt(T))).outcomes().get(0);
    ItemOutcome again = provider.add(Feature.WATCHLIST, List.of(MATRIX)).outcomes().get(0);

    assertThat(first.status()).isEqualTo(ItemOutcome.Status.CONFIRMED);
    assertThat(again.status()).isEqualTo(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(provider.snapshot(Feature.WATCHLIST)).containsExactly(MATRIX.withListedAt(T));
  }

  @Test
  void anyCommonIdIsTheSameTitle() throws ProviderException {
    provider.put(Feature.WATCHLIST, List.of(MATRIX));
    Item byTmdbOnly = Item.movie("Matrix", null, Ids.of(IdKind.TMDB, "603"));

    assertThat(provider.add(Feature.WATCHLIST, List.of(byTmdbOnly)).outcomes().get(0).status())
        .isEqualTo(ItemOutcome.Status.ALREADY_PRESENT);
  }

  @Test
  void itemsWithoutIdsMatchByNormalizedTitleAndYear() throws ProviderException {
    provider.put(Feature.WATCHLIST, List.of(Item.movie("Amélie!", 2001, Ids.empty())));

    assertThat(
            provider
                .remove(Feature.WATCHLIST, List.of(Item.movie("amelie", 2001, Ids.empty())))
                .outcomes()
                .get(0)
                .status())
        .isEqualTo(ItemOutcome.Status.CONFIRMED);
    assertThat(provider.items(Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void episodesMatchByShowSeasonAndNumber() throws ProviderException {
    ShowRef show = new ShowRef("Show", 2000, Ids.of(IdKind.TVDB, 300001));
    provider.put(
        Feature.HISTORY,
        List.of(Item.episode(show, 1, 2, "Pilot", Ids.of(IdKind.TVDB, 42)).withWatchedAt(T)));

    Item sameEpisodeNoOwnIds = Item.episode(show, 1, 2, null, Ids.empty()).withWatchedAt(T);
    Item nextEpisode = Item.episode(show, 1, 3, null, Ids.empty()).withWatchedAt(T);

    assertThat(provider.add(Feature.HISTORY, List.of(sameEpisodeNoOwnIds, nextEpisode)).outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.ALREADY_PRESENT, ItemOutcome.Status.CONFIRMED);
  }

  @Test
  void historyPlaysMatchOnlyAtTheSameSecond() throws ProviderException {
    provider.put(Feature.HISTORY, List.of(MATRIX.withWatchedAt(T)));

    List<ItemOutcome> outcomes =
        provider
            .add(
                Feature.HISTORY,
                List.of(
                    MATRIX.withWatchedAt(T.plusMillis(300)),
                    MATRIX.withWatchedAt(T.plusSeconds(60))))
            .outcomes();

    assertThat(outcomes)
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.ALREADY_PRESENT, ItemOutcome.Status.CONFIRMED);
    assertThat(provider.items(Feature.HISTORY)).hasSize(2);
  }

  @Test
  void removingAMissingItemIsNotFound() throws ProviderException {
    ItemOutcome outcome = provider.remove(Feature.RATINGS, List.of(MATRIX)).outcomes().get(0);

    assertThat(outcome.status()).isEqualTo(ItemOutcome.Status.NOT_FOUND);
    assertThat(outcome.reason()).isEqualTo("not_found");
  }

  @Test
  void ratingsAreReplacedForTheSameTitle() throws ProviderException {
    provider.put(Feature.RATINGS, List.of(MATRIX.withRating(7, T)));

    ItemOutcome same =
        provider
            .add(Feature.RATINGS, List.of(MATRIX.withRating(7, T.plusSeconds(9))))
            .outcomes()
            .get(0);
    ItemOutcome changed =
        provider
            .update(Feature.RATINGS, List.of(MATRIX.withRating(9, T.plusSeconds(5))))
            .outcomes()
            .get(0);

    assertThat(same.status()).isEqualTo(ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(changed.status()).isEqualTo(ItemOutcome.Status.CONFIRMED);
    assertThat(provider.items(Feature.RATINGS))
        .containsExactly(MATRIX.withRating(9, T.plusSeconds(5)));
  }

  @Test
  void countsCallsPerOperation() throws ProviderException {
    provider.health();
    provider.snapshot(Feature.WATCHLIST);
    provider.add(Feature.WATCHLIST, List.of(MATRIX));
    provider.add(Feature.WATCHLIST, List.of(MATRIX));
    provider.remove(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(provider.calls(Operation.HEALTH)).isEqualTo(1);
    assertThat(provider.calls(Operation.SNAPSHOT)).isEqualTo(1);
    assertThat(provider.calls(Operation.ADD)).isEqualTo(2);
    assertThat(provider.calls(Operation.UPDATE)).isZero();
    assertThat(provider.writeCalls()).isEqualTo(3);
  }

  @Test
  void reportsTheHealthATestSets() {
    assertThat(provider.health().status()).isEqualTo(HealthReport.Status.OK);

    provider.setHealth(HealthReport.Status.AUTH_FAILED, "token revoked");

    HealthReport report = provider.health();
    assertThat(report.status()).isEqualTo(HealthReport.Status.AUTH_FAILED);
    assertThat(report.message()).isEqualTo("token revoked");
    assertThat(report.usable()).isFalse();
  }

  @Test
  void refusesFeaturesItDoesNotOffer() {
    provider.setFeatures(Set.of(Feature.WATCHLIST));

    assertThatThrownBy(() -> provider.snapshot(Feature.RATINGS))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("ratings");
  }
}
