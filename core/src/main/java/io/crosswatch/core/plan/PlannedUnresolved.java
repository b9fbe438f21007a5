package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;

/** An item that should go to {@code side} but cannot be matched there (e.g. {@code no_ids}). */
public record PlannedUnresolved(Side side, Item item, String reason) {}
