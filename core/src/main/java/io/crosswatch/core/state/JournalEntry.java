package io.crosswatch.core.state;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;

/** One applied change, as recorded in the journal. */
public record JournalEntry(
    String runId, String pairId, Feature feature, Side side, WriteOp op, Item item, Instant at) {}
