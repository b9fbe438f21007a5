package io.crosswatch.core.run;

import io.crosswatch.core.apply.ChunkResult;
import io.crosswatch.core.apply.ChunkSizing;
import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.guard.GuardNotice;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.state.Side;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run events of one pair and feature, each carrying the pair and feature. */
final class FeatureEvents {
  private final RunEvents events;
  private final String pairId;
  private final Feature feature;

  FeatureEvents(RunEvents events, String pairId, Feature feature) {
    this.events = events;
    this.pairId = pairId;
    this.feature = feature;
  }

  void start() {
    events.emit("feature:start", base());
  }

  void snapshot(String provider, Side side, int count, boolean cached) {
    Map<String, Object> f = base();
    f.put("provider", provider);
    f.put("side", side.key());
    f.put("count", count);
    f.put("cached", cached);
    events.emit("snapshot", f);
  }

  void plan(SideCounts planned, int unresolved, int blocked) {
    plan(planned, unresolved, blocked, false);
  }

  /** The plan event; {@code unchanged} when nothing was read because neither side changed. */
  void plan(SideCounts planned, int unresolved, int blocked, boolean unchanged) {
    Map<String, Object> f = base();
    putCounts(f, "source_", planned.source());
    putCounts(f, "target_", planned.target());
    f.put("unresolved", unresolved);
    f.put("blocked", blocked);
    f.put("unchanged", unchanged);
    events.emit("plan", f);
  }

  void guard(GuardNotice notice) {
    Map<String, Object> f = base();
    f.put("guard", notice.guard());
    f.put("provider", notice.provider());
    f.put("side", notice.side().key());
    f.put("blocked", notice.blocked());
    f.put("message", notice.message());
    events.emit("guard", f);
  }

  void chunk(
      String provider,
      Side side,
      WriteOp op,
      ChunkSizing sizing,
      ChunkResult chunk,
      int applied,
      int failed) {
    Map<String, Object> f = base();
    f.put("provider", provider);
    f.put("side", side.key());
    f.put("op", op.key());
    f.put("chunk", chunk.index());
    f.put("of", chunk.of());
    f.put("items", chunk.outcomes().size());
    f.put("chunk_size", sizing.size());
    f.put("chunk_size_from", sizing.source());
    f.put("pause_ms", chunk.index() > 1 ? sizing.pause().toMillis() : 0);
    f.put("applied", applied);
    f.put("failed", failed);
    f.put("attempts", chunk.attempts());
    events.emit("apply:chunk", f);
  }

  void done(FeatureSummary summary) {
    Map<String, Object> f = base();
    f.put("status", summary.status().key());
    putCounts(f, "applied_source_", summary.applied().source());
    putCounts(f, "applied_target_", summary.applied().target());
    f.put("unresolved", summary.unresolved());
    f.put("blocked", summary.blocked());
    f.put("unchanged", summary.unchanged());
    f.put("duration_ms", summary.durationMs());
    events.emit("feature:done", f);
  }

  private Map<String, Object> base() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("pair", pairId);
    f.put("feature", feature.key());
    return f;
  }

  private static void putCounts(Map<String, Object> f, String prefix, OpCounts counts) {
    f.put(prefix + "add", counts.add());
    f.put(prefix + "remove", counts.remove());
    f.put(prefix + "update", counts.update());
  }
}
