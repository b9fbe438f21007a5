package io.crosswatch.core.config;

/**
 * One feature of a pair. A feature given as {@code true} in the config is {@code enable, add, no
 * remove}; a missing feature is off.
 */
public record FeatureSettings(boolean enable, boolean add, boolean remove, boolean rewatches) {
  public static final FeatureSettings OFF = new FeatureSettings(false, false, false, false);
  public static final FeatureSettings ADD_ONLY = new FeatureSettings(true, true, false, false);
}
