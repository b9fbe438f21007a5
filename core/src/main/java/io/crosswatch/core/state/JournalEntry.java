package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;

/** One applied change, as recorded in the journal. {@code op} is add, remove or update. */
public record JournalEntry(
    String runId, String pairId, Feature feature, Side side, String op, Item item, Instant at) {}
