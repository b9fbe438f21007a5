package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;

/**
 * An item whose write failed permanently three runs in a row; it is not planned again until {@code
 * until} (or until cleared with {@code cw state}).
 */
public record ParkedItem(
    String pairId,
    Feature feature,
    Side side,
    String key,
    Item item,
    String reason,
    Instant until) {}
