package io.crosswatch.server.web;

import io.crosswatch.server.web.DashboardView.PairCard;
import io.crosswatch.server.web.DashboardView.RunRow;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The dashboard: each pair with its last result, the schedule, provider health, recent runs. */
final class DashboardPage {
  /** How many recent runs are searched for each pair's last result. */
  private static final int RUNS_SEARCHED = 25;

  private static final int RUNS_LISTED = 8;

  private static final int RECENT_SCROBBLES = 12;

  private final PageServices services;

  DashboardPage(PageServices services) {
    this.services = services;
  }

  void show(Context ctx) {
    render(ctx, "");
  }

  /** Shows the dashboard with a message about what just failed. */
  void render(Context ctx, String notice) {
    List<JsonNode> runs = services.recentRuns(RUNS_SEARCHED);
    Map<String, PairResult> last = lastResults(runs);
    List<PairCard> pairs = new ArrayList<>();
    JsonNode list = services.maskedConfig().path("pairs");
    for (int i = 0; i < list.size(); i++) {
      pairs.add(card(list.get(i), i, last));
    }
    List<RunRow> rows = new ArrayList<>();
    for (JsonNode run : runs.subList(0, Math.min(RUNS_LISTED, runs.size()))) {
      rows.add(row(run));
    }
    DashboardView view =
        new DashboardView(
            pairs,
            services.nextRunAt().map(Html::time).orElse(""),
            services.runningRunId().orElse(""),
            rows,
            notice);
    Html.render(ctx, "dashboard.jte", Map.of("view", view));
  }

  void health(Context ctx) {
    List<HealthRow> rows = new ArrayList<>();
    String error = "";
    try {
      JsonNode health = services.health();
      JsonNode providers = health.has("providers") ? health.get("providers") : health;
      for (JsonNode p : providers.isArray() ? providers : List.<JsonNode>of()) {
        rows.add(
            new HealthRow(
                text(p, "provider", text(p, "instance", "?")),
                text(p, "status", "?").toLowerCase(java.util.Locale.ROOT),
                text(p, "message", ""),
                p.path("latency_ms").asLong(0)));
      }
    } catch (RuntimeException e) {
      error = "Health check failed: " + e.getMessage();
    }
    Html.render(ctx, "health.jte", Map.of("rows", rows, "error", error));
  }

  /** The "Now playing / recent scrobbles" panel. */
  void scrobble(Context ctx) {
    Html.render(
        ctx,
        "scrobble.jte",
        Map.of("view", ScrobbleView.of(services.scrobbling(RECENT_SCROBBLES))));
  }

  private Map<String, PairResult> lastResults(List<JsonNode> runs) {
    Map<String, PairResult> last = new HashMap<>();
    for (JsonNode run : runs) {
      if (run.path("exit_code").isNull() || run.path("exit_code").isMissingNode()) {
        continue;
      }
      services
          .summary(run.path("run_id").asString())
          .ifPresent(s -> SummaryReader.pairResults(s).forEach(last::putIfAbsent));
    }
    return last;
  }

  private static PairCard card(JsonNode pair, int index, Map<String, PairResult> last) {
    String id = text(pair, "id", "pair " + (index + 1));
    List<String> features = new ArrayList<>();
    JsonNode fs = pair.path("features");
    for (String name : fs.propertyNames()) {
      JsonNode f = fs.get(name);
      if (f.isBoolean() ? f.booleanValue() : f.isObject() && f.path("enable").asBoolean(true)) {
        features.add(name);
      }
    }
    PairResult result = last.get(id);
    return new PairCard(
        id,
        pair.path("enabled").asBoolean(true),
        side(pair, "source"),
        side(pair, "target"),
        text(pair, "mode", "one-way"),
        features,
        result == null ? null : withTime(result));
  }

  private static PairResult withTime(PairResult r) {
    return new PairResult(
        r.runId(),
        Html.time(r.finishedAt()),
        r.status(),
        r.dryRun(),
        r.added(),
        r.removed(),
        r.updated(),
        r.unresolved(),
        r.blocked());
  }

  private static RunRow row(JsonNode run) {
    JsonNode exit = run.path("exit_code");
    boolean done = exit.isNumber();
    int code = exit.asInt(-1);
    return new RunRow(
        text(run, "run_id", ""),
        Html.time(text(run, "started_at", "")),
        Html.time(text(run, "finished_at", "")),
        done ? "exit " + code : "running",
        !done ? "warn" : code == 0 ? "ok" : code == 3 ? "warn" : "bad",
        run.path("dry_run").asBoolean(false),
        text(run, "trigger", ""));
  }

  private static String side(JsonNode pair, String side) {
    String instance = text(pair, side + "_instance", "default");
    String provider = text(pair, side, "?");
    return "default".equals(instance) ? provider : provider + ":" + instance;
  }

  private static String text(JsonNode node, String key, String otherwise) {
    JsonNode v = node.path(key);
    return v.isString() && !v.stringValue().isBlank() ? v.stringValue() : otherwise;
  }
}
