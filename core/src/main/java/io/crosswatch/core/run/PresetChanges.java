package io.crosswatch.core.run;

import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.Reconciled;
import java.util.List;

/**
 * Fixed changes that a run applies instead of planning them (a reviewed plan, the reversal of a
 * run). The run still reads both sides, guards, chunks, journals and reports as usual.
 */
public interface PresetChanges {

  /** Whether this preset holds changes for the pair and feature (only those are run). */
  boolean covers(String pairId, Feature feature);

  /** The changes of one pair and feature, checked against the sides' present items. */
  Reconciled changes(
      PairSettings pair, Feature feature, List<Item> source, List<Item> target, SyncSettings sync);

  /** Whether the removal guards (suspect snapshot, mass removal) judge these changes. */
  boolean guarded();
}
