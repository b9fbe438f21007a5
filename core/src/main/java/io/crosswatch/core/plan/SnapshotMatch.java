package io.crosswatch.core.plan;

import io.crosswatch.core.identity.IdentityResolver;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for each item of a list of changes, the item of a present snapshot that names the same
 * title and, for history, the same play (a play within the match window, the closest one).
 */
public final class SnapshotMatch {
  private final Feature feature;
  private final long windowSec;
  private final List<Item> queries;
  private final IdentityResolver.Resolution resolution;
  private final Map<Integer, List<Item>> byTitle = new HashMap<>();

  private SnapshotMatch(Feature feature, Duration window, List<Item> snapshot, List<Item> queries) {
    this.feature = feature;
    this.windowSec = window.getSeconds();
    this.queries = queries;
    this.resolution = IdentityResolver.resolve(List.of(snapshot, queries));
    for (int i = 0; i < snapshot.size(); i++) {
      byTitle.computeIfAbsent(resolution.title(0, i), t -> new ArrayList<>()).add(snapshot.get(i));
    }
  }

  /** Matches {@code queries} against {@code snapshot}; {@code window} applies to history plays. */
  public static SnapshotMatch of(
      Feature feature, Duration window, List<Item> snapshot, List<Item> queries) {
    return new SnapshotMatch(feature, window, snapshot, queries);
  }

  /** The snapshot's item for query {@code i}, or {@code null} when the snapshot lacks it. */
  public Item match(int i) {
    List<Item> same = byTitle.get(resolution.title(1, i));
    if (same == null) {
      return null;
    }
    if (feature != Feature.HISTORY) {
      return same.get(0);
    }
    Instant at = queries.get(i).watchedAt();
    Item best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Item play : same) {
      if (at == null || play.watchedAt() == null) {
        return play; // a play without a time matches any play of the title
      }
      long distance = Math.abs(Duration.between(at, play.watchedAt()).getSeconds());
      if (distance <= windowSec && distance < bestDistance) {
        best = play;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The matches of every query, in order ({@code null} where the snapshot lacks one). */
  public List<Item> matches() {
    List<Item> all = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      all.add(match(i));
    }
    return all;
  }
}
