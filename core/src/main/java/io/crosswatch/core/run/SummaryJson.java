package io.crosswatch.core.run;

import io.crosswatch.core.provider.ApiUsage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link RunSummary} as the {@code --json} summary document. */
public final class SummaryJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SummaryJson() {}

  /** The summary as a pretty-printed JSON document; times are ISO-8601 UTC. */
  public static String toJson(RunSummary summary) {
    return MAPPER.writeValueAsString(toTree(summary));
  }

  /** The summary as a JSON tree, keys in their documented order. */
  public static ObjectNode toTree(RunSummary summary) {
    Objects.requireNonNull(summary, "summary");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("run_id", summary.runId());
    root.put("started_at", time(summary.startedAt()));
    root.put("finished_at", time(summary.finishedAt()));
    root.put("duration_ms", summary.durationMs());
    root.put("dry_run", summary.dryRun());
    root.put("exit_code", summary.exitCode());
    ArrayNode pairs = root.putArray("pairs");
    summary.pairs().forEach(p -> pairs.add(pair(p)));
    root.set("totals", totals(summary.totals()));
    ObjectNode api = root.putObject("api");
    new TreeMap<>(summary.api()).forEach((label, usage) -> api.set(label, api(usage)));
    return root;
  }

  private static ObjectNode pair(PairSummary p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", p.id());
    o.put("mode", p.mode());
    o.put("status", p.status().key());
    o.put("reason", p.reason());
    o.put("source", p.source());
    o.put("target", p.target());
    ArrayNode features = o.putArray("features");
    p.features().forEach(f -> features.add(feature(f)));
    return o;
  }

  private static ObjectNode feature(FeatureSummary f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("feature", f.feature());
    o.put("status", f.status().key());
    o.put("source_count", f.sourceCount());
    o.put("target_count", f.targetCount());
    o.set("planned", sides(f.planned()));
    o.set("applied", sides(f.applied()));
    o.put("unresolved", f.unresolved());
    o.put("blocked", f.blocked());
    o.put("chunks", f.chunks());
    ArrayNode warnings = o.putArray("warnings");
    f.warnings().forEach(warnings::add);
    o.put("duration_ms", f.durationMs());
    return o;
  }

  private static ObjectNode sides(SideCounts counts) {
    SideCounts c = counts == null ? SideCounts.ZERO : counts;
    ObjectNode o = MAPPER.createObjectNode();
    o.set("source", ops(c.source()));
    o.set("target", ops(c.target()));
    return o;
  }

  private static ObjectNode ops(OpCounts counts) {
    OpCounts c = counts == null ? OpCounts.ZERO : counts;
    ObjectNode o = MAPPER.createObjectNode();
    o.put("add", c.add());
    o.put("remove", c.remove());
    o.put("update", c.update());
    return o;
  }

  private static ObjectNode totals(Totals t) {
    Totals totals = t == null ? Totals.ZERO : t;
    ObjectNode o = MAPPER.createObjectNode();
    o.put("added", totals.added());
    o.put("removed", totals.removed());
    o.put("updated", totals.updated());
    o.put("unresolved", totals.unresolved());
    o.put("blocked", totals.blocked());
    return o;
  }

  private static ObjectNode api(ApiUsage usage) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("requests", usage.requests());
    o.put("retries", usage.retries());
    o.put("rate_limited", usage.rateLimited());
    ObjectNode endpoints = o.putObject("by_endpoint");
    new TreeMap<>(usage.byEndpoint()).forEach(endpoints::put);
    return o;
  }

  /** ISO-8601 UTC with at most millisecond precision, or {@code null}. */
  static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
