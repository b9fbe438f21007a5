package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.movie;
import static io.crosswatch.core.plan.PlanFixtures.play;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.identity.IdentityResolver;
import io.crosswatch.core.identity.IdentityResolver.Resolution;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleGroupsTest {
  static final Item MATRIX = movie("The Matrix", "tt0133093", 603);
  static final Item ALIEN = movie("Alien", "tt0078748", 348);
  static final Item HEAT = movie("Heat", "tt0113277", 949);

  @Test
  void eachTitlesItemsAreGroupedOldestFirstUndatedFirstAndEqualTimesInListOrder() {
    Item matrixLate = play(MATRIX, "2026-05-30T20:00:00Z");
    Item alienOnce = play(ALIEN, "2026-05-01T20:00:00Z");
    Item matrixUndated = MATRIX;
    Item matrixEarly = play(MATRIX, "2026-05-01T20:00:00Z");
    Item matrixEarlyAgain = play(movie("Matrix", "tt0133093", 603), "2026-05-01T20:00:00Z");
    List<Item> plays = List.of(matrixLate, alienOnce, matrixUndated, matrixEarly, matrixEarlyAgain);
    Resolution resolution = IdentityResolver.resolve(List.of(List.of(HEAT), plays));

    TitleGroups groups = new TitleGroups(plays, 1, resolution, Feature.HISTORY);

    int heat = resolution.title(0, 0);
    int matrix = resolution.title(1, 0);
    int alien = resolution.title(1, 1);
    assertThat(groups.count(heat)).isZero();
    assertThat(groups.latest(heat)).isNull();
    assertThat(items(groups, matrix))
        .containsExactly(matrixUndated, matrixEarly, matrixEarlyAgain, matrixLate);
    assertThat(groups.position(matrix, 0)).isEqualTo(2);
    assertThat(groups.latest(matrix)).isSameAs(matrixLate);
    assertThat(items(groups, alien)).containsExactly(alienOnce);
  }

  @Test
  void anEmptyListHoldsNothingForAnyTitle() {
    Resolution resolution = IdentityResolver.resolve(List.of(List.of(MATRIX, ALIEN), List.of()));

    TitleGroups groups = new TitleGroups(List.of(), 1, resolution, Feature.PROGRESS);

    for (int t = 0; t < resolution.titleCount(); t++) {
      assertThat(groups.count(t)).isZero();
      assertThat(groups.first(t)).isNull();
    }
  }

  private static List<Item> items(TitleGroups groups, int title) {
    List<Item> out = new ArrayList<>();
    for (int k = 0; k < groups.count(title); k++) {
      out.add(groups.get(title, k));
    }
    return out;
  }
}
