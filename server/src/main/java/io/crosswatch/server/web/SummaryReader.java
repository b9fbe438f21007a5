package io.crosswatch.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads a run's summary document (the {@code cw run --json} shape) into what the pages show. */
final class SummaryReader {
  private static final String[] OPS = {"add", "remove", "update"};

  private SummaryReader() {}

  /** The whole run as a table with totals and warnings. */
  static SummaryView view(JsonNode summary) {
    List<SummaryView.Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (JsonNode pair : list(summary, "pairs")) {
      String id = text(pair, "id");
      String reason = text(pair, "reason");
      if (!reason.isEmpty()) {
        problems.add(id + " " + text(pair, "status") + ": " + reason);
      }
      for (JsonNode f : list(pair, "features")) {
        String status = text(f, "status");
        rows.add(
            new SummaryView.Row(
                id,
                text(f, "feature"),
                status,
                tone(status, number(f, "unresolved") + number(f, "blocked")),
                number(f, "source_count"),
                number(f, "target_count"),
                changes(f.path("applied").path("target")),
                changes(f.path("applied").path("source")),
                number(f, "unresolved"),
                number(f, "blocked")));
        for (JsonNode w : list(f, "warnings")) {
          warnings.add(id + " " + text(f, "feature") + ": " + w.asString());
        }
      }
    }
    JsonNode totals = summary.path("totals");
    int exit = (int) number(summary, "exit_code");
    return new SummaryView(
        text(summary, "run_id"),
        exit,
        outcome(exit),
        exit == 0 ? "ok" : exit == 3 ? "warn" : "bad",
        summary.path("dry_run").asBoolean(false),
        number(summary, "duration_ms"),
        text(summary, "started_at"),
        text(summary, "finished_at"),
        rows,
        problems,
        warnings,
        number(totals, "added"),
        number(totals, "removed"),
        number(totals, "updated"),
        number(totals, "unresolved"),
        number(totals, "blocked"));
  }

  /** Each pair's outcome in this run, by pair id. */
  static Map<String, PairResult> pairResults(JsonNode summary) {
    Map<String, PairResult> out = new LinkedHashMap<>();
    for (JsonNode pair : list(summary, "pairs")) {
      long[] sums = new long[5];
      for (JsonNode f : list(pair, "features")) {
        for (String side : new String[] {"source", "target"}) {
          JsonNode applied = f.path("applied").path(side);
          sums[0] += number(applied, "add");
          sums[1] += number(applied, "remove");
          sums[2] += number(applied, "update");
        }
        sums[3] += number(f, "unresolved");
        sums[4] += number(f, "blocked");
      }
      out.put(
          text(pair, "id"),
          new PairResult(
              text(summary, "run_id"),
              text(summary, "finished_at"),
              text(pair, "status"),
              summary.path("dry_run").asBoolean(false),
              sums[0],
              sums[1],
              sums[2],
              sums[3],
              sums[4]));
    }
    return out;
  }

  /** What an exit code means, in the words of the README. */
  static String outcome(int exitCode) {
    return switch (exitCode) {
      case 0 -> "every planned change was applied";
      case 3 -> "finished, but some items are unresolved or blocked";
      case 1 -> "a pair or feature failed";
      case 2 -> "invalid config or usage";
      default -> "exit code " + exitCode;
    };
  }

  private static String tone(String status, long leftOver) {
    if ("failed".equals(status)) {
      return "bad";
    }
    return "ok".equals(status) && leftOver == 0 ? "ok" : "warn";
  }

  private static String changes(JsonNode counts) {
    StringBuilder out = new StringBuilder();
    String[] signs = {"+", "−", "~"};
    for (int i = 0; i < OPS.length; i++) {
      out.append(i == 0 ? "" : " ").append(signs[i]).append(number(counts, OPS[i]));
    }
    return out.toString();
  }

  private static Iterable<JsonNode> list(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isArray() ? v : List.of();
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isNull() || v.isMissingNode() ? "" : v.asString();
  }

  private static long number(JsonNode node, String key) {
    return node.path(key).asLong(0);
  }
}
