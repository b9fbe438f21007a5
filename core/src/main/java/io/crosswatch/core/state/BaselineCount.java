package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import java.time.Instant;

/**
 * How many items one side's baseline of a pair and feature holds (a playlist member and a resume
 * point count as one item each), for {@code cw state show}.
 */
public record BaselineCount(
    String pairId, Feature feature, Side side, int items, Instant updatedAt) {}
