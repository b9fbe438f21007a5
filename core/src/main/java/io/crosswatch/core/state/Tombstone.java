package io.crosswatch.core.state;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.Objects;

/**
 * An intentional removal, remembered so that the item is removed on the other side too and not
 * re-added from there until the tombstone expires.
 *
 * @param key the item's storage key ({@link io.crosswatch.core.model.ItemKeys#key})
 * @param item the removed item with all ids known at removal
 * @param removedAt when the removal was detected
 */
public record Tombstone(String key, Item item, Instant removedAt) {
  public Tombstone {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(removedAt, "removedAt");
  }
}
