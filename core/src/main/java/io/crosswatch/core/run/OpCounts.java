package io.crosswatch.core.run;

/** Numbers of adds, removes and updates on one side. */
public record OpCounts(int add, int remove, int update) {
  public static final OpCounts ZERO = new OpCounts(0, 0, 0);

  public OpCounts plus(OpCounts o) {
    return new OpCounts(add + o.add, remove + o.remove, update + o.update);
  }

  public int total() {
    return add + remove + update;
  }
}
