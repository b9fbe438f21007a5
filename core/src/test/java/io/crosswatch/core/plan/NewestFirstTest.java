package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NewestFirstTest {
  static Item point(String title, Instant pausedAt) {
    return movie(title, null, null).withProgress(600_000L, 6_000_000L, pausedAt);
  }

  @Test
  void newestPauseComesFirstNanosecondsCountAndPointsWithoutATimeComeLast() {
    Instant noon = Instant.parse("2026-05-30T12:00:00Z");
    Item undated = point("undated", null);
    Item old = point("old", Instant.parse("1901-01-01T00:00:00Z"));
    Item atNoon = point("noon", noon);
    Item justAfterNoon = point("noon and a nanosecond", noon.plusNanos(1));
    Item alsoAtNoon = point("also noon", noon);
    List<Item> points = new ArrayList<>(List.of(undated, atNoon, old, justAfterNoon, alsoAtNoon));

    NewestFirst.sort(points);

    assertThat(points).containsExactly(justAfterNoon, atNoon, alsoAtNoon, old, undated);
  }

  @Test
  void ordersAsAStableSortByDescendingPauseTimeWithUndatedLast() {
    Random random = new Random(7);
    List<Item> points = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Instant at =
          random.nextInt(20) == 0
              ? null
              : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(500), random.nextInt(3));
      points.add(point("title " + i, at));
    }
    List<Item> expected = new ArrayList<>(points);
    expected.sort(
        (x, y) -> {
          if (x.pausedAt() == null || y.pausedAt() == null) {
            return Boolean.compare(x.pausedAt() == null, y.pausedAt() == null);
          }
          return y.pausedAt().compareTo(x.pausedAt());
        });

    NewestFirst.sort(points);

    assertThat(points).containsExactlyElementsOf(expected);
  }
}
