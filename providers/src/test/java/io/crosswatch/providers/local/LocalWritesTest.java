package io.crosswatch.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalWritesTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Item A = Item.movie("A", 2000, Ids.of(IdKind.TMDB, 1));
  private static final Item B = Item.movie("B", 2001, Ids.of(IdKind.TMDB, 2));

  @Test
  void addConfirmsNewItemsAndReportsHeldOnesAsAlreadyPresent() {
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(A));

    LocalWrites.Outcome outcome = LocalWrites.apply(index, LocalWrites.Op.ADD, List.of(A, B, B));

    assertThat(statuses(outcome))
        .containsExactly(Status.ALREADY_PRESENT, Status.CONFIRMED, Status.ALREADY_PRESENT);
    assertThat(outcome.changes().added()).extracting(ItemIndex.Entry::item).containsExactly(B);
    assertThat(index.items()).containsExactly(A, B);
  }

  @Test
  void removeOfAMissingItemIsNotFoundAndChangesNothing() {
    ItemIndex index = ItemIndex.of(Feature.WATCHLIST, List.of(A));

    LocalWrites.Outcome outcome = LocalWrites.apply(index, LocalWrites.Op.REMOVE, List.of(B));

    ItemOutcome only = outcome.result().outcomes().get(0);
    assertThat(only.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(only.reason()).isEqualTo("not_found");
    assertThat(outcome.changes().isEmpty()).isTrue();
  }

  @Test
  void ratingsAddReplacesADifferentRatingAndKeepsAnEqualOne() {
    ItemIndex index =
        ItemIndex.of(Feature.RATINGS, List.of(A.withRating(6, T), B.withRating(8, T)));

    LocalWrites.Outcome outcome =
        LocalWrites.apply(
            index,
            LocalWrites.Op.ADD,
            List.of(A.withRating(6, T.plusSeconds(5)), B.withRating(3, T.plusSeconds(5))));

    assertThat(statuses(outcome)).containsExactly(Status.ALREADY_PRESENT, Status.CONFIRMED);
    assertThat(index.items())
        .containsExactly(A.withRating(6, T), B.withRating(3, T.plusSeconds(5)));
    assertThat(outcome.changes().replaced()).hasSize(1);
  }

  @Test
  void ratingsUpdateReplacesTheRatingOfTheSameTitleKeepingTheEntry() {
    Item heldWithMoreIds =
        Item.movie("A", 2000, A.ids().with(IdKind.IMDB, "tt001")).withRating(6, T);
    ItemIndex index = ItemIndex.of(Feature.RATINGS, List.of(heldWithMoreIds));

    LocalWrites.Outcome outcome =
        LocalWrites.apply(index, LocalWrites.Op.UPDATE, List.of(A.withRating(9, T.plusSeconds(1))));

    assertThat(statuses(outcome)).containsExactly(Status.CONFIRMED);
    assertThat(index.items()).containsExactly(heldWithMoreIds.withRating(9, T.plusSeconds(1)));
  }

  @Test
  void ratingsUpdateOfTheSameRatingAndTimeChangesNothing() {
    ItemIndex index = ItemIndex.of(Feature.RATINGS, List.of(A.withRating(6, T)));

    LocalWrites.Outcome outcome =
        LocalWrites.apply(index, LocalWrites.Op.UPDATE, List.of(A.withRating(6, T)));

    assertThat(statuses(outcome)).containsExactly(Status.ALREADY_PRESENT);
    assertThat(outcome.changes().isEmpty()).isTrue();
  }

  @Test
  void aRatingWithoutValueFailsPermanently() {
    ItemIndex index = new ItemIndex(Feature.RATINGS);

    ItemOutcome outcome =
        LocalWrites.apply(index, LocalWrites.Op.ADD, List.of(A)).result().outcomes().get(0);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.retriable()).isFalse();
    assertThat(index.size()).isZero();
  }

  @Test
  void historyAddsAnotherPlayOfTheSameTitleAtAnotherTime() {
    ItemIndex index = ItemIndex.of(Feature.HISTORY, List.of(A.withWatchedAt(T)));

    LocalWrites.Outcome outcome =
        LocalWrites.apply(
            index,
            LocalWrites.Op.ADD,
            List.of(A.withWatchedAt(T), A.withWatchedAt(T.plusSeconds(3600))));

    assertThat(statuses(outcome)).containsExactly(Status.ALREADY_PRESENT, Status.CONFIRMED);
    assertThat(index.size()).isEqualTo(2);
  }

  private static List<Status> statuses(LocalWrites.Outcome outcome) {
    return outcome.result().outcomes().stream().map(ItemOutcome::status).toList();
  }
}
