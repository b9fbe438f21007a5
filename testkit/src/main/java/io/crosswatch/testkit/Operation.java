package io.crosswatch.testkit;

/** A {@link io.crosswatch.core.provider.Provider} call, as counted and recorded by the fakes. */
public enum Operation {
  HEALTH,
  SNAPSHOT,
  ADD,
  REMOVE,
  UPDATE,
  SETTLE;

  /** Whether the call writes (add, remove, update). */
  public boolean isWrite() {
    return this == ADD || this == REMOVE || this == UPDATE;
  }
}
