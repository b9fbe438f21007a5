package io.crosswatch.core.identity;

/** Disjoint sets over item indexes, with path halving and union by size. */
final class UnionFind {
  private final int[] parent;
  private final int[] size;

  UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
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
