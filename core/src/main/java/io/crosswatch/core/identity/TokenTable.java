package io.crosswatch.core.identity;

import java.util.Arrays;

/**
 * An open-addressing map from 128-bit token hashes to item indexes.
 *
 * <p>Identity resolution handles millions of items per run; boxed maps of token strings would cost
 * several hundred bytes per token, so tokens are hashed twice (two independent 64-bit hashes) and
 * stored in primitive arrays. Two different tokens share both hashes with a probability around
 * 2^-128 per pair, far below any hardware error rate.
 */
final class TokenTable {
  private static final int EMPTY = -1;
  // Linear probing stays fast up to this load with well-mixed hashes.
  private static final double MAX_LOAD = 0.8;

  private long[] keys1;
  private long[] keys2;
  private int[] values;
  private int size;
  private int mask;

  /** A table sized for about {@code expected} tokens without growing. */
  TokenTable(int expected) {
    long wanted = Math.max(16, (long) (expected / MAX_LOAD) + 1);
    allocate((int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1));
  }

  private void allocate(int capacity) {
    keys1 = new long[capacity];
    keys2 = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, EMPTY);
    mask = capacity - 1;
    size = 0;
  }

  /**
   * Returns the value stored for the token, or stores {@code value} and returns -1 when the token
   * is new.
   */
  int putIfAbsent(long h1, long h2, int value) {
    int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
    while (values[slot] != EMPTY) {
      if (keys1[slot] == h1 && keys2[slot] == h2) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys1[slot] = h1;
    keys2[slot] = h2;
    values[slot] = value;
    if (++size > values.length * MAX_LOAD) {
      grow();
    }
    return EMPTY;
  }

  private void grow() {
    long[] k1 = keys1;
    long[] k2 = keys2;
    int[] v = values;
    allocate(v.length * 2);
    for (int i = 0; i < v.length; i++) {
      if (v[i] != EMPTY) {
        putIfAbsent(k1[i], k2[i], v[i]);
      }
    }
  }
}
