package io.crosswatch.core.run;

/** Sums over every pair and feature of a run (applied changes). */
public record Totals(int added, int removed, int updated, int unresolved, int blocked) {
  /** Nothing done. */
  public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);
}
