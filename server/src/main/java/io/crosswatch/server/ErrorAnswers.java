package io.crosswatch.server;

import io.crosswatch.server.runs.RunBusyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns refusals and failures into JSON answers {@code {"error": "…"}}: the API's own problems, a
 * run holding the lock (409 with {@code running_run_id}), unknown paths (404), wrong methods (405),
 * oversized bodies (413) and unexpected errors (500, logged).
 */
final class ErrorAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

  private ErrorAnswers() {}

  static void addTo(RoutesConfig routes) {
    routes.exception(ApiProblem.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
    routes.exception(
        RunBusyException.class,
        (e, ctx) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("error", "a run holds the state lock: " + e.getMessage());
          body.put("running_run_id", e.runningRunId());
          ctx.status(409).json(body);
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", message(e.getStatus(), ctx))));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
          ctx.status(500)
              .json(
                  Map.of(
                      "error",
                      "internal error: " + e.getClass().getSimpleName() + "; see the service log"));
        });
    for (int status : new int[] {404, 405, 413}) {
      routes.error(
          status,
          ctx -> {
            String result = ctx.result();
            if (result == null || result.isEmpty()) {
              ctx.json(Map.of("error", message(status, ctx)));
            }
          });
    }
  }

  private static String message(int status, Context ctx) {
    return switch (status) {
      case 404 -> "no such path: " + ctx.method() + " " + ctx.path();
      case 405 -> ctx.method() + " is not allowed on " + ctx.path();
      case 413 -> "the request body is larger than " + ServerLimits.MAX_BODY_BYTES + " bytes";
      default -> "request refused (" + status + ")";
    };
  }
}
