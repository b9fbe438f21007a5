package io.crosswatch.core.plan;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Baseline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves out of a progress input what cannot change its plan, so that identity resolution works on
 * fewer items: baseline points a side still holds unchanged as valid, dated progress (the baseline
 * matters only where a side lost its point, or where neither side dates its points), and history
 * plays older than every resume point (a play counts only at or after a pause).
 */
final class ProgressInputs {
  private ProgressInputs() {}

  static PlanInput trimmed(PlanInput in) {
    Instant oldest = oldestPause(in.source(), in.target());
    PlanHints h = in.hints();
    PlanHints hints =
        new PlanHints(
            h.sourceReorders(),
            h.targetReorders(),
            playsSince(h.sourcePlays(), oldest),
            playsSince(h.targetPlays(), oldest),
            h.explain());
    return new PlanInput(
        in.feature(),
        in.mode(),
        in.settings(),
        in.sync(),
        in.source(),
        in.target(),
        changedOnly(in.sourceBaseline(), in.source()),
        changedOnly(in.targetBaseline(), in.target()),
        in.tombstones(),
        in.now(),
        hints);
  }

  /** The earliest pause of any point, or {@code null} when some point has no pause time. */
  private static Instant oldestPause(List<Item> a, List<Item> b) {
    Instant oldest = Instant.MAX;
    for (List<Item> list : List.of(a, b)) {
      for (Item p : list) {
        if (p.pausedAt() == null) {
          return null;
        }
        if (p.pausedAt().isBefore(oldest)) {
          oldest = p.pausedAt();
        }
      }
    }
    return oldest;
  }

  private static List<Item> playsSince(List<Item> plays, Instant oldest) {
    if (oldest == null) {
      return plays;
    }
    List<Item> kept = new ArrayList<>(plays.size());
    for (Item play : plays) {
      if (play.watchedAt() == null || !play.watchedAt().isBefore(oldest)) {
        kept.add(play);
      }
    }
    return kept;
  }

  /**
   * The baseline without the points the side still holds with the same ids as valid, dated
   * progress. Items without ids of their own are always kept.
   */
  private static Baseline changedOnly(Baseline baseline, List<Item> present) {
    if (baseline == null) {
      return null;
    }
    Map<Ids, Item> held = new HashMap<>(present.size() * 2);
    for (Item p : present) {
      if (!p.ids().isEmpty() && p.pausedAt() != null && ProgressRules.isProgress(p)) {
        held.put(p.ids(), p);
      }
    }
    List<Item> kept = new ArrayList<>();
    for (Item before : baseline.items()) {
      Item now = before.ids().isEmpty() ? null : held.get(before.ids());
      if (now == null || now.type() != before.type()) {
        kept.add(before);
      }
    }
    return new Baseline(kept, baseline.updatedAt());
  }
}
