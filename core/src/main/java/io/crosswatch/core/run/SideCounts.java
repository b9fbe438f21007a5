package io.crosswatch.core.run;

/** Op counts for the source and the target side of a pair. */
public record SideCounts(OpCounts source, OpCounts target) {
  public static final SideCounts ZERO = new SideCounts(OpCounts.ZERO, OpCounts.ZERO);

  public int total() {
    return source.total() + target.total();
  }
}
