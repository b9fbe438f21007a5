package io.crosswatch.core.plan;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Tombstone;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the planner looks at for one pair and feature. The source is side A, the target side
 * B.
 *
 * @param sourceBaseline the source's baseline, or {@code null} before the first successful run
 * @param targetBaseline the target's baseline, or {@code null} before the first successful run
 * @param tombstones the pair's tombstones for this feature, expired ones included
 * @param now the time of planning (tombstone expiry is judged against it)
 * @param hints capabilities and history plays that playlists and progress need ({@link
 *     PlanHints#NONE} for the other features)
 */
public record PlanInput(
    Feature feature,
    SyncMode mode,
    FeatureSettings settings,
    SyncSettings sync,
    List<Item> source,
    List<Item> target,
    Baseline sourceBaseline,
    Baseline targetBaseline,
    List<Tombstone> tombstones,
    Instant now,
    PlanHints hints) {

  /** An input without hints: watchlist, history and ratings need none. */
  public PlanInput(
      Feature feature,
      SyncMode mode,
      FeatureSettings settings,
      SyncSettings sync,
      List<Item> source,
      List<Item> target,
      Baseline sourceBaseline,
      Baseline targetBaseline,
      List<Tombstone> tombstones,
      Instant now) {
    this(
        feature,
        mode,
        settings,
        sync,
        source,
        target,
        sourceBaseline,
        targetBaseline,
        tombstones,
        now,
        PlanHints.NONE);
  }

  public PlanInput {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(tombstones, "tombstones");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(hints, "hints");
  }
}
