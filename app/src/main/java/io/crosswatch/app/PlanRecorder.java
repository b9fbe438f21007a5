package io.crosswatch.app;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.review.PlanDocument;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.PairSummary;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.Status;
import io.crosswatch.core.state.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes every event on to the console reporter and collects the planned changes of the features
 * that planned (not those that failed or are unsupported) into a plan document.
 */
final class PlanRecorder implements RunListener {
  private static final List<String> OPS = List.of("add", "remove", "update");

  private final RunListener next;
  private final Map<String, Map<Feature, List<List<Item>>>> pairs = new LinkedHashMap<>();

  PlanRecorder(RunListener next) {
    this.next = next;
  }

  /** The plan document of what was planned. */
  PlanDocument document(Instant createdAt, String configSha256) {
    List<PlanDocument.PairChanges> list = new ArrayList<>();
    pairs.forEach(
        (id, features) -> {
          List<PlanDocument.FeatureChanges> changes = new ArrayList<>();
          features.forEach(
              (feature, lists) ->
                  changes.add(
                      new PlanDocument.FeatureChanges(
                          feature, side(lists, Side.SOURCE), side(lists, Side.TARGET))));
          if (!changes.isEmpty()) {
            list.add(new PlanDocument.PairChanges(id, changes));
          }
        });
    return new PlanDocument(createdAt, configSha256, list);
  }

  private static SidePlan side(List<List<Item>> lists, Side side) {
    int base = side.ordinal() * OPS.size();
    return new SidePlan(lists.get(base), lists.get(base + 1), lists.get(base + 2));
  }

  @Override
  public void featureStarted(PairSettings pair, Feature feature) {
    List<List<Item>> lists = new ArrayList<>();
    for (int i = 0; i < Side.values().length * OPS.size(); i++) {
      lists.add(new ArrayList<>());
    }
    pairs.computeIfAbsent(pair.id(), id -> new LinkedHashMap<>()).put(feature, lists);
    next.featureStarted(pair, feature);
  }

  @Override
  public void planned(PairSettings pair, Feature feature, Side side, WriteOp op, Item item) {
    int list = side.ordinal() * OPS.size() + OPS.indexOf(op.key());
    pairs.get(pair.id()).get(feature).get(list).add(item);
    next.planned(pair, feature, side, op, item);
  }

  @Override
  public void featureFinished(PairSettings pair, FeatureSummary summary) {
    if (summary.status() != Status.OK && summary.status() != Status.BLOCKED) {
      Feature.fromKey(summary.feature()).ifPresent(f -> pairs.get(pair.id()).remove(f));
    }
    next.featureFinished(pair, summary);
  }

  @Override
  public void pairStarted(PairSettings pair) {
    next.pairStarted(pair);
  }

  @Override
  public void pairFinished(PairSettings pair, PairSummary summary) {
    next.pairFinished(pair, summary);
  }

  @Override
  public void debug(String message) {
    next.debug(message);
  }

  @Override
  public void warning(String message) {
    next.warning(message);
  }

  @Override
  public void progress(String task, long done, long total) {
    next.progress(task, done, total);
  }
}
