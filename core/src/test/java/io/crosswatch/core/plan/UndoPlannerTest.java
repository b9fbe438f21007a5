package io.crosswatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.JournalEntry;
import io.crosswatch.core.state.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UndoPlannerTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private static Item movie(int n) {
    return Item.movie("Movie " + n, 2000 + n, Ids.of(IdKind.IMDB, "tt000000" + n));
  }

  private static JournalEntry entry(String run, WriteOp op, Item item, Item previous) {
    return new JournalEntry(run, "p", Feature.RATINGS, Side.TARGET, op, item, T, previous);
  }

  private static Reconciled plan(
      List<JournalEntry> entries, List<JournalEntry> later, List<Item> target) {
    return UndoPlanner.plan(
        Feature.RATINGS,
        entries,
        later,
        Map.of(Side.SOURCE, List.of(), Side.TARGET, target),
        WINDOW);
  }

  @Test
  void anAddIsRemovedARemoveAddedBackAndAnUpdateGetsItsPreviousRating() {
    Item added = movie(1).withRating(8, T);
    Item removed = movie(2).withRating(5, T);
    Item updated = movie(3).withRating(9, T);
    Item before = movie(3).withRating(4, T.minusSeconds(60));

    Reconciled r =
        plan(
            List.of(
                entry("r1", WriteOp.ADD, added, null),
                entry("r1", WriteOp.REMOVE, removed, null),
                entry("r1", WriteOp.UPDATE, updated, before)),
            List.of(),
            List.of(added, updated));

    assertThat(r.toApply().target().removes()).containsExactly(added);
    assertThat(r.toApply().target().adds()).containsExactly(removed);
    assertThat(r.toApply().target().updates())
        .singleElement()
        .satisfies(i -> assertThat(i.rating()).isEqualTo(4));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void anItemALaterRunChangedIsSkippedNamingThatRun() {
    Item updated = movie(3).withRating(9, T);

    Reconciled r =
        plan(
            List.of(entry("r1", WriteOp.UPDATE, updated, movie(3).withRating(4, T))),
            List.of(entry("r2", WriteOp.UPDATE, movie(3).withRating(7, T), updated)),
            List.of(movie(3).withRating(7, T)));

    assertThat(r.toApply().isEmpty()).isTrue();
    assertThat(r.warnings()).singleElement().asString().contains("run r2 changed it again");
  }

  @Test
  void aRatingChangedOutsideCrosswatchIsSkippedAndAnUpdateWithoutPreviousToo() {
    Reconciled r =
        plan(
            List.of(
                entry("r1", WriteOp.UPDATE, movie(1).withRating(9, T), movie(1).withRating(4, T)),
                entry("r1", WriteOp.UPDATE, movie(2).withRating(9, T), null)),
            List.of(),
            List.of(movie(1).withRating(6, T), movie(2).withRating(9, T)));

    assertThat(r.toApply().isEmpty()).isTrue();
    assertThat(r.warnings())
        .anySatisfy(w -> assertThat(w).contains("Movie 1").contains("rates it 6 now"))
        .anySatisfy(w -> assertThat(w).contains("Movie 2").contains("previous rating"));
  }

  @Test
  void reversalsAlreadyInPlaceCountAsDone() {
    Reconciled r =
        plan(
            List.of(entry("r1", WriteOp.ADD, movie(1).withRating(8, T), null)),
            List.of(),
            List.of());

    assertThat(r.toApply().isEmpty()).isTrue();
    assertThat(r.alreadyDone().target().removes()).hasSize(1);
  }
}
