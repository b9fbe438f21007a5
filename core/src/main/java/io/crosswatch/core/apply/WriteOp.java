package io.crosswatch.core.apply;

import java.util.Locale;

/**
 * A kind of write to a provider, in the order they are applied within a feature: removes first, so
 * that a capped list makes room before it fills, then updates, then adds.
 */
public enum WriteOp {
  REMOVE,
  UPDATE,
  ADD;

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
