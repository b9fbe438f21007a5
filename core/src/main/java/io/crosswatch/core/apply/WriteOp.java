package io.crosswatch.core.apply;

import java.util.Locale;

/** A kind of write to a provider. */
public enum WriteOp {
  UPDATE,
  ADD,
  REMOVE;

  /** Lower-case name used in events, journal and messages. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
