package io.crosswatch.core.config;

/** Direction of a pair. */
public enum SyncMode {
  ONE_WAY("one-way"),
  TWO_WAY("two-way");

  private final String key;

  SyncMode(String key) {
    this.key = key;
  }

  /** The config spelling, {@code one-way} or {@code two-way}. */
  public String key() {
    return key;
  }
}
