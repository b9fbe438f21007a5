package io.crosswatch.core.review;

import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.Reconciled;
import io.crosswatch.core.plan.UndoPlanner;
import io.crosswatch.core.run.PresetChanges;
import io.crosswatch.core.state.JournalEntry;
import io.crosswatch.core.state.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reversal of a run, from its journal. Every removal it makes is one the run's own adds call
 * for, so the removal guards do not judge it.
 */
public final class UndoChanges implements PresetChanges {
  private final List<JournalEntry> entries;
  private final List<JournalEntry> later;

  /**
   * @param entries the journal of the run to undo
   * @param later journal entries written by later runs
   */
  public UndoChanges(List<JournalEntry> entries, List<JournalEntry> later) {
    this.entries = List.copyOf(entries);
    this.later = List.copyOf(later);
  }

  /** The pairs the run changed, in journal order. */
  public Set<String> pairIds() {
    Set<String> ids = new LinkedHashSet<>();
    entries.forEach(e -> ids.add(e.pairId()));
    return ids;
  }

  /** The features the run changed, in journal order. */
  public Set<Feature> features() {
    Set<Feature> features = new LinkedHashSet<>();
    entries.forEach(e -> features.add(e.feature()));
    return features;
  }

  @Override
  public boolean covers(String pairId, Feature feature) {
    return !of(entries, pairId, feature).isEmpty();
  }

  @Override
  public Reconciled changes(
      PairSettings pair, Feature feature, List<Item> source, List<Item> target, SyncSettings sync) {
    Map<Side, List<Item>> present = new EnumMap<>(Side.class);
    present.put(Side.SOURCE, source);
    present.put(Side.TARGET, target);
    return UndoPlanner.plan(
        feature,
        of(entries, pair.id(), feature),
        of(later, pair.id(), feature),
        present,
        Duration.ofSeconds(sync.historyMatchWindowSec()));
  }

  @Override
  public boolean guarded() {
    return false;
  }

  private static List<JournalEntry> of(List<JournalEntry> list, String pairId, Feature feature) {
    List<JournalEntry> matching = new ArrayList<>();
    for (JournalEntry e : list) {
      if (e.pairId().equals(pairId) && e.feature() == feature) {
        matching.add(Objects.requireNonNull(e));
      }
    }
    return matching;
  }
}
