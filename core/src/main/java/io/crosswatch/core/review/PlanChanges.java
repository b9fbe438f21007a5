package io.crosswatch.core.review;

import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlanRecheck;
import io.crosswatch.core.plan.Reconciled;
import io.crosswatch.core.review.PlanDocument.FeatureChanges;
import io.crosswatch.core.run.PresetChanges;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The changes of a reviewed plan, rechecked against the present snapshots when applied. */
public final class PlanChanges implements PresetChanges {
  private final PlanDocument plan;

  public PlanChanges(PlanDocument plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  @Override
  public boolean covers(String pairId, Feature feature) {
    return plan.changes(pairId, feature).isPresent();
  }

  @Override
  public Reconciled changes(
      PairSettings pair, Feature feature, List<Item> source, List<Item> target, SyncSettings sync) {
    FeatureChanges stored = plan.changes(pair.id(), feature).orElseThrow();
    return PlanRecheck.recheck(
        feature,
        pair.mode(),
        new Plan(stored.source(), stored.target(), List.of(), List.of(), List.of()),
        source,
        target,
        Duration.ofSeconds(sync.historyMatchWindowSec()));
  }

  @Override
  public boolean guarded() {
    return true;
  }
}
