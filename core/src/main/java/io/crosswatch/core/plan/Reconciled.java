package io.crosswatch.core.plan;

import java.util.List;

/**
 * Fixed changes (a reviewed plan, or the reversal of a run) checked against the present snapshots.
 *
 * @param toApply the changes still to write
 * @param alreadyDone changes the sides already hold (they count as applied and are not written)
 * @param warnings why entries were skipped, one message each, naming the item
 */
public record Reconciled(Plan toApply, Plan alreadyDone, List<String> warnings) {
  public Reconciled {
    warnings = List.copyOf(warnings);
  }
}
