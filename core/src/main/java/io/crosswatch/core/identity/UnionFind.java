package io.crosswatch.core.identity;

/**
 * Disjoint sets over item indexes, with path halving and union by size.
 *
 * <p>One array holds both: a member's entry is its parent, a root's entry is minus its set's size.
 * Identity resolution unions hundreds of thousands of items in random order, so keeping a root's
 * size in the entry just read (not in a second array) halves the memory it touches.
 */
final class UnionFind {
  private final int[] parent;

  UnionFind(int n) {
    parent = new int[n];
    java.util.Arrays.fill(parent, -1);
  }

  int find(int x) {
    int p;
    while ((p = parent[x]) >= 0) {
      int grand = parent[p];
      if (grand >= 0) {
        parent[x] = grand;
        x = grand;
      } else {
        return p;
      }
    }
    return x;
  }

  void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (parent[ra] > parent[rb]) { // ra's set is smaller (sizes are stored negated)
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[ra] += parent[rb];
    parent[rb] = ra;
  }

  /** Set numbers 0..k-1 for every element, numbered in order of first appearance. */
  int[] compact() {
    int n = parent.length;
    int[] number = new int[n];
    java.util.Arrays.fill(number, -1);
    int[] result = new int[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      int root = find(i);
      if (number[root] < 0) {
        number[root] = next++;
      }
      result[i] = number[root];
    }
    return result;
  }
}
