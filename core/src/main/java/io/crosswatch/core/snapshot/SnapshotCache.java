package io.crosswatch.core.snapshot;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Present snapshots per provider instance and feature, kept for {@code snapshot_ttl_sec} within one
 * process; any write to a provider and feature drops its entry.
 */
public final class SnapshotCache {
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry> entries = new HashMap<>();

  private record Entry(List<Item> items, Instant takenAt) {}

  public SnapshotCache(Clock clock, Duration ttl) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /** The cached snapshot, if taken less than the TTL ago and not invalidated since. */
  public synchronized Optional<List<Item>> get(String providerLabel, Feature feature) {
    Entry e = entries.get(key(providerLabel, feature));
    if (e == null || !clock.instant().isBefore(e.takenAt().plus(ttl))) {
      return Optional.empty();
    }
    return Optional.of(e.items());
  }

  /** Remembers a snapshot taken now. */
  public synchronized void put(String providerLabel, Feature feature, List<Item> items) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    entries.put(key(providerLabel, feature), new Entry(List.copyOf(items), clock.instant()));
  }

  /** Drops the entry after a write. */
  public synchronized void invalidate(String providerLabel, Feature feature) {
    entries.remove(key(providerLabel, feature));
  }

  private static String key(String providerLabel, Feature feature) {
    return providerLabel + "/" + feature.key();
  }
}
