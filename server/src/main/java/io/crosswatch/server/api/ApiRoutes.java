package io.crosswatch.server.api;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.Json;
import io.crosswatch.server.Routes;
import io.crosswatch.server.api.ConfigService.SaveResult;
import io.crosswatch.server.metrics.ServiceMetrics;
import io.crosswatch.server.runs.EventFollower;
import io.crosswatch.server.runs.RunRecordJson;
import io.crosswatch.server.runs.RunService;
import io.crosswatch.server.runs.RunStart;
import io.crosswatch.server.schedule.Scheduler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** The REST API of {@code cw serve} and {@code /metrics}; every route needs a signed-in caller. */
public final class ApiRoutes implements Routes {
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 10_000;

  private final String version;
  private final RunService runs;
  private final ConfigService config;
  private final StateService state;
  private final HealthService health;
  private final Scheduler scheduler;
  private final ServiceMetrics metrics;
  private final StatusAnswer status;

  public ApiRoutes(
      String version,
      RunService runs,
      ConfigService config,
      StateService state,
      HealthService health,
      Scheduler scheduler,
      ServiceMetrics metrics) {
    this.version = version;
    this.runs = runs;
    this.config = config;
    this.state = state;
    this.health = health;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.status =
        new StatusAnswer(
            version, runs::runningRunId, scheduler::nextRunAt, runs::lastRun, RunRecordJson::of);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/api/status", this::status);
    routes.get("/api/runs", this::listRuns);
    routes.post("/api/runs", this::startRun);
    routes.get("/api/runs/{id}", this::runSummary);
    routes.get("/api/runs/{id}/events", this::runEvents);
    routes.get("/api/config", ctx -> ctx.json(config.masked()));
    routes.put("/api/config", this::saveConfig);
    routes.get("/api/health", ctx -> ctx.json(health.check()));
    routes.get("/api/state/unresolved", ctx -> ctx.json(state.unresolved(ctx.queryParam("pair"))));
    routes.post("/api/state/clear-unresolved", ctx -> ctx.json(state.clearUnresolved(pairOf(ctx))));
    routes.get("/api/schedule", ctx -> ctx.json(scheduler.status()));
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void status(Context ctx) throws IOException {
    sendJson(ctx, status.bytes());
  }

  /**
   * Answers 200 with {@code body} as JSON, written to the response at once with its length.
   * Javalin's own {@code ctx.result} would copy it through a new buffer of its own on every
   * request, which for the status polled by many clients was most of the garbage the service made.
   */
  private static void sendJson(Context ctx, byte[] body) throws IOException {
    ctx.res().setContentType("application/json");
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
  }

  private void listRuns(Context ctx) throws IOException {
    int limit = DEFAULT_LIMIT;
    String text = ctx.queryParam("limit");
    if (text != null) {
      if (!text.matches("\\d{1,6}")
          || Integer.parseInt(text) < 1
          || Integer.parseInt(text) > MAX_LIMIT) {
        throw ApiProblem.badRequest(
            "limit must be a whole number from 1 to " + MAX_LIMIT + ", got \"" + text + "\"");
      }
      limit = Integer.parseInt(text);
    }
    List<RunRecord> list = runs.recentRunRecords(limit);
    // written straight from the records: with thousands of runs, maps in between cost more
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 160 * list.size());
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeName("runs");
      g.writeStartArray();
      for (RunRecord r : list) {
        RunRecordJson.write(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    sendJson(ctx, out.toByteArray());
  }

  private void startRun(Context ctx) {
    JsonNode body = Json.parseOptionalObject(ctx.body());
    List<String> pairs = strings(body, "pairs");
    List<String> features = strings(body, "features");
    JsonNode dry = body.get("dry_run");
    if (dry != null && !dry.isBoolean()) {
      throw ApiProblem.badRequest("dry_run must be true or false");
    }
    for (String key : body.propertyNames()) {
      if (!List.of("pairs", "features", "dry_run").contains(key)) {
        throw ApiProblem.badRequest(
            "unknown key \"" + key + "\"; send pairs, features and dry_run");
      }
    }
    String runId =
        runs.start(new RunStart(pairs, features, dry != null && dry.booleanValue(), "api"));
    ctx.status(202).json(Map.of("run_id", runId));
  }

  private static List<String> strings(JsonNode body, String key) {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ApiProblem.badRequest(key + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isString()) {
        throw ApiProblem.badRequest(key + " must be a list of strings");
      }
      out.add(n.stringValue());
    }
    return out;
  }

  private void runSummary(Context ctx) {
    String id = ctx.pathParam("id");
    if (runs.isActive(id)) {
      ctx.json(Map.of("run_id", id, "status", "running"));
      return;
    }
    String summary =
        runs.summaryJson(id).orElseThrow(() -> new ApiProblem(404, "no run " + id + " is known"));
    ctx.contentType("application/json").result(summary);
  }

  private void runEvents(Context ctx) throws IOException, InterruptedException {
    String id = ctx.pathParam("id");
    var log = runs.eventLog(id);
    if (!java.nio.file.Files.exists(log) && !runs.isActive(id)) {
      throw new ApiProblem(404, "no events of run " + id + " are kept");
    }
    ctx.res().setStatus(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    out.write(": events of run ".concat(id).concat("\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    EventFollower.follow(
        log,
        () -> runs.isActive(id),
        line -> {
          out.write(("data: " + line + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        });
  }

  private void saveConfig(Context ctx) {
    SaveResult result = config.save(Json.parseBody(ctx.body()));
    if (!result.saved()) {
      ctx.status(400)
          .json(Map.of("errors", io.crosswatch.server.ConfigSource.issues(result.errors())));
      return;
    }
    ctx.json(Map.of("warnings", io.crosswatch.server.ConfigSource.issues(result.warnings())));
  }

  private static String pairOf(Context ctx) {
    String q = ctx.queryParam("pair");
    if (q != null) {
      return q;
    }
    JsonNode body = Json.parseOptionalObject(ctx.body());
    JsonNode pair = body.get("pair");
    return pair == null || pair.isNull() ? null : pair.asString();
  }
}
