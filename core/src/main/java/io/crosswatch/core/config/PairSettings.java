package io.crosswatch.core.config;

import io.crosswatch.core.model.Feature;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code pairs}.
 *
 * @param features every feature, present or not ({@link FeatureSettings#OFF} when missing)
 * @param ratingsFilter which ratings the {@code ratings} feature plans ({@link RatingsFilter#ALL}
 *     unless its {@code types} or {@code from_date} limit them)
 */
public record PairSettings(
    String id,
    boolean enabled,
    String source,
    String sourceInstance,
    String target,
    String targetInstance,
    SyncMode mode,
    Map<Feature, FeatureSettings> features,
    RatingsFilter ratingsFilter) {

  public PairSettings {
    features = Map.copyOf(features);
    Objects.requireNonNull(ratingsFilter, "ratingsFilter");
  }

  /** A pair whose ratings are not filtered. */
  public PairSettings(
      String id,
      boolean enabled,
      String source,
      String sourceInstance,
      String target,
      String targetInstance,
      SyncMode mode,
      Map<Feature, FeatureSettings> features) {
    this(
        id,
        enabled,
        source,
        sourceInstance,
        target,
        targetInstance,
        mode,
        features,
        RatingsFilter.ALL);
  }

  /** Settings of one feature (never null). */
  public FeatureSettings feature(Feature feature) {
    return features.getOrDefault(feature, FeatureSettings.OFF);
  }

  /** {@code SOURCE:instance}. */
  public String sourceLabel() {
    return sides().get(0).label();
  }

  /** {@code TARGET:instance}. */
  public String targetLabel() {
    return sides().get(1).label();
  }

  /** The pair's two instances, source first. */
  public List<InstanceRef> sides() {
    return List.of(
        new InstanceRef(source, sourceInstance), new InstanceRef(target, targetInstance));
  }
}
