package io.crosswatch.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP server of {@code cw serve}: Javalin on one host and port with the given route groups,
 * {@code GET /healthz}, and an access rule that closes every route not marked {@link Role#PUBLIC}.
 */
public final class WebServer implements AutoCloseable {
  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening on {@code host:port} (port 0 picks a free one) and returns once it accepts
   * connections.
   */
  public static WebServer start(String host, int port, AccessRule access, List<Routes> groups) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(groups, "groups");
    Javalin app =
        Javalin.create(
            config -> {
              configure(config);
              config.routes.beforeMatched(access::check);
              ErrorAnswers.addTo(config.routes);
              config.routes.get(
                  "/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")), Role.PUBLIC);
              groups.forEach(g -> g.addTo(config.routes));
            });
    app.start(host, port);
    return new WebServer(app);
  }

  private static void configure(JavalinConfig config) {
    config.jsonMapper(new JacksonMapper());
    config.startup.showJavalinBanner = false;
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = ServerLimits.MAX_BODY_BYTES;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** Every HTTP route the router knows (the tests check each one's access rule). */
  public List<ParsedEndpoint> endpoints() {
    return app.unsafe.internalRouter.allHttpHandlers();
  }

  /** Stops listening and ends open requests. */
  @Override
  public void close() {
    app.stop();
  }
}
