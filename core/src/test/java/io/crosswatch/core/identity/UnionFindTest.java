package io.crosswatch.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnionFindTest {
  @Test
  void setsAreNumberedInOrderOfTheirFirstMember() {
    UnionFind sets = new UnionFind(7);
    sets.union(5, 1);
    sets.union(3, 6);
    sets.union(6, 1);
    sets.union(4, 4);

    assertThat(sets.compact()).containsExactly(0, 1, 2, 1, 3, 1, 1);
  }

  @Test
  void anyOrderOfUnionsGivesTheSameSetsAsJoiningByLabel() {
    Random random = new Random(11);
    int n = 20_000;
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = random.nextInt(3_000);
    }
    UnionFind sets = new UnionFind(n);
    int[] firstWithLabel = new int[3_000];
    java.util.Arrays.fill(firstWithLabel, -1);
    for (int i = n - 1; i >= 0; i--) { // joins in an order unrelated to the numbering
      int other = random.nextInt(n);
      if (label[other] == label[i]) {
        sets.union(i, other);
      }
      if (firstWithLabel[label[i]] >= 0) {
        sets.union(firstWithLabel[label[i]], i);
      }
      firstWithLabel[label[i]] = i;
    }

    int[] numbers = sets.compact();

    int[] numberOfLabel = new int[3_000];
    java.util.Arrays.fill(numberOfLabel, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (numberOfLabel[label[i]] < 0) {
        numberOfLabel[label[i]] = next++;
      }
      assertThat(numbers[i]).as("item %d", i).isEqualTo(numberOfLabel[label[i]]);
    }
  }
}
