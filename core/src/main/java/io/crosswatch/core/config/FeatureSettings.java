package io.crosswatch.core.config;

/**
 * One feature of a pair. A feature given as {@code true} in the config is {@code enable, add, no
 * remove}; a missing feature is off.
 *
 * @param rewatches history only: every play is sent, not only the latest
 * @param preserveOrder playlists only ({@code "order": "preserve"}): on a one-way pair the target's
 *     members end in the source's order where the target can reorder
 */
public record FeatureSettings(
    boolean enable, boolean add, boolean remove, boolean rewatches, boolean preserveOrder) {
  public static final FeatureSettings OFF = new FeatureSettings(false, false, false, false);
  public static final FeatureSettings ADD_ONLY = new FeatureSettings(true, true, false, false);

  /** Settings without playlist order (every feature but playlists). */
  public FeatureSettings(boolean enable, boolean add, boolean remove, boolean rewatches) {
    this(enable, add, remove, rewatches, false);
  }
}
