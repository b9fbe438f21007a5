package io.crosswatch.core.state;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;

/**
 * One applied change, as recorded in the journal. {@code previous} is what the side held before an
 * update (its previous rating), or {@code null} when unknown or not an update.
 */
public record JournalEntry(
    String runId,
    String pairId,
    Feature feature,
    Side side,
    WriteOp op,
    Item item,
    Instant at,
    Item previous) {

  /** An entry without a previous item. */
  public JournalEntry(
      String runId, String pairId, Feature feature, Side side, WriteOp op, Item item, Instant at) {
    this(runId, pairId, feature, side, op, item, at, null);
  }
}
