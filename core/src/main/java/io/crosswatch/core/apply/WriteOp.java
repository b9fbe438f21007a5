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

  /** The op with the given lower-case name, if any. */
  public static java.util.Optional<WriteOp> fromKey(String key) {
    for (WriteOp op : values()) {
      if (op.key().equals(key)) {
        return java.util.Optional.of(op);
      }
    }
    return java.util.Optional.empty();
  }
}
