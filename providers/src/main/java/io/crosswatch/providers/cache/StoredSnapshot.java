package io.crosswatch.providers.cache;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored snapshot of a feature.
 *
 * @param takenAt when it was stored
 * @param marks the change marks that were current when it was read (e.g. Trakt's activity
 *     timestamps); equal marks later mean the data is unchanged
 * @param items the snapshot
 */
public record StoredSnapshot(Instant takenAt, Map<String, String> marks, List<Item> items) {

  public StoredSnapshot {
    Objects.requireNonNull(takenAt, "takenAt");
    marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
    items = List.copyOf(items);
  }
}
