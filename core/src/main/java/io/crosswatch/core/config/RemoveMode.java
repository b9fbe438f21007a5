package io.crosswatch.core.config;

/** How one-way pairs derive removals on the target. */
public enum RemoveMode {
  /** Remove from the target what the source's baseline held and the source no longer holds. */
  SOURCE_DELETES("source_deletes"),
  /** Also remove what the target holds and the source does not. */
  MIRROR("mirror");

  private final String key;

  RemoveMode(String key) {
    this.key = key;
  }

  /** The config spelling. */
  public String key() {
    return key;
  }
}
