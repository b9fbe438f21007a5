package io.crosswatch.core.review;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.plan.SidePlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewed plan as written by {@code cw plan --out}: per pair and feature the changes to make on
 * each side, with full items, and the hash of the config it was made under.
 *
 * @param createdAt when the plan was made
 * @param configSha256 lower-case hex SHA-256 of the config file's bytes
 * @param pairs the planned pairs, in run order
 */
public record PlanDocument(Instant createdAt, String configSha256, List<PairChanges> pairs) {
  /** The format this version writes and reads. */
  public static final String FORMAT = "crosswatch-plan/1";

  public PlanDocument {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(configSha256, "configSha256");
    pairs = List.copyOf(pairs);
  }

  /** The planned features of one pair. */
  public record PairChanges(String id, List<FeatureChanges> features) {
    public PairChanges {
      Objects.requireNonNull(id, "id");
      features = List.copyOf(features);
    }
  }

  /** The changes of one feature: what to write to the source and to the target. */
  public record FeatureChanges(Feature feature, SidePlan source, SidePlan target) {
    public FeatureChanges {
      Objects.requireNonNull(feature, "feature");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  /** The changes of a pair and feature, if the plan holds them. */
  public Optional<FeatureChanges> changes(String pairId, Feature feature) {
    for (PairChanges p : pairs) {
      if (p.id().equals(pairId)) {
        for (FeatureChanges f : p.features()) {
          if (f.feature() == feature) {
            return Optional.of(f);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** How many changes the plan holds in all. */
  public int size() {
    int n = 0;
    for (PairChanges p : pairs) {
      for (FeatureChanges f : p.features()) {
        n += f.source().size() + f.target().size();
      }
    }
    return n;
  }
}
