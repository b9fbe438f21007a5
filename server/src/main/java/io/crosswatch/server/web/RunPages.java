package io.crosswatch.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Starting a run from a page, and the run page that follows it live and then shows its summary. */
final class RunPages {
  private final PageServices services;
  private final DashboardPage dashboard;

  RunPages(PageServices services, DashboardPage dashboard) {
    this.services = services;
    this.dashboard = dashboard;
  }

  /**
   * {@code POST /runs} with {@code pair} (may repeat; none: every enabled pair) and {@code
   * dry_run}.
   */
  void start(Context ctx) {
    List<String> pairs = ctx.formParams("pair").stream().filter(p -> !p.isBlank()).toList();
    boolean dryRun = "true".equals(ctx.formParam("dry_run"));
    try {
      String runId = services.startRun(pairs, dryRun);
      ctx.redirect("/runs/" + runId, HttpStatus.SEE_OTHER);
    } catch (PageServices.RunRefused e) {
      ctx.status(e.runningRunId().isPresent() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
      dashboard.render(ctx, e.getMessage());
    }
  }

  /** {@code GET /runs/{id}}: live events while it runs, then the summary table and warnings. */
  void show(Context ctx) {
    String runId = ctx.pathParam("id");
    if (!services.knownRun(runId)) {
      throw new NotFoundResponse("no run " + runId);
    }
    Optional<JsonNode> summary = services.summary(runId);
    Map<String, Object> params = new HashMap<>();
    params.put("runId", runId);
    params.put("summary", summary.map(SummaryReader::view).orElse(null));
    Html.render(ctx, "run.jte", params);
  }

  /** {@code GET /runs/{id}/summary}: the summary fragment the run page loads at the end. */
  void summary(Context ctx) {
    String runId = ctx.pathParam("id");
    JsonNode summary =
        services
            .summary(runId)
            .orElseThrow(() -> new NotFoundResponse("run " + runId + " has no summary yet"));
    Html.render(ctx, "summary.jte", Map.of("s", SummaryReader.view(summary)));
  }
}
