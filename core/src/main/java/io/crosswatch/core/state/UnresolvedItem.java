package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;

/**
 * An item that could not be written or matched, with the reason (e.g. {@code no_ids}, {@code
 * not_found}, {@code not_in_library}).
 */
public record UnresolvedItem(
    String pairId, Feature feature, Side side, String key, Item item, String reason, Instant at) {}
