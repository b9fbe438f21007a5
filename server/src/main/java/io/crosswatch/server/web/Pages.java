package io.crosswatch.server.web;

import io.crosswatch.server.Role;
import io.crosswatch.server.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The pages of {@code cw serve}: login, dashboard, run, config, state and providers, plus their
 * static assets. Only the login page and the assets are public.
 */
public final class Pages implements Routes {
  private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

  /** Asset name to its class-path resource and content type. */
  private static final Map<String, String[]> ASSETS =
      Map.of(
          "app.css", new String[] {"/web/app.css", "text/css; charset=utf-8"},
          "app.js", new String[] {"/web/app.js", "text/javascript; charset=utf-8"},
          "run.js", new String[] {"/web/run.js", "text/javascript; charset=utf-8"},
          "htmx.min.js", new String[] {HTMX, "text/javascript; charset=utf-8"});

  private final DashboardPage dashboard;
  private final RunPages runs;
  private final ConfigPage config;
  private final StatePage state;
  private final ProvidersPage providers;

  public Pages(PageServices services) {
    this(
        services,
        new SignIns(java.time.Clock.systemUTC(), io.crosswatch.core.apply.Sleeper.SYSTEM));
  }

  /** Pages whose sign-ins wait with {@code signIns}' clock and sleeper (tests pass fast ones). */
  Pages(PageServices services, SignIns signIns) {
    Objects.requireNonNull(services, "services");
    this.dashboard = new DashboardPage(services);
    this.runs = new RunPages(services, dashboard);
    this.config = new ConfigPage(services);
    this.state = new StatePage(services);
    this.providers = new ProvidersPage(services, signIns);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/login", Pages::login, Role.PUBLIC);
    routes.get("/assets/{name}", Pages::asset, Role.PUBLIC);
    routes.get("/", dashboard::show);
    routes.get("/fragments/health", dashboard::health);
    routes.get("/fragments/scrobble", dashboard::scrobble);
    routes.post("/runs", runs::start);
    routes.get("/runs/{id}", runs::show);
    routes.get("/runs/{id}/summary", runs::summary);
    routes.get("/config", config::show);
    routes.post("/config", config::save);
    routes.get("/state", state::show);
    routes.post("/state/clear-unresolved", state::clearUnresolved);
    routes.post("/state/prune-tombstones", state::pruneTombstones);
    routes.get("/providers", providers::show);
    routes.post("/providers/{provider}/{instance}/sign-in", providers::signIn);
    routes.get("/fragments/sign-in/{id}", providers::flow);
  }

  private static void login(Context ctx) {
    Html.render(ctx, "login.jte", Map.of("next", localPath(ctx.queryParam("next"))));
  }

  /** Only a path on this service is a place to go after signing in. */
  static String localPath(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }

  private static void asset(Context ctx) throws IOException {
    String[] asset = ASSETS.get(ctx.pathParam("name"));
    if (asset == null) {
      throw new NotFoundResponse("no such asset");
    }
    try (InputStream in = Pages.class.getResourceAsStream(asset[0])) {
      if (in == null) {
        throw new NotFoundResponse("no such asset");
      }
      ctx.contentType(asset[1]);
      ctx.header("Cache-Control", "max-age=300");
      ctx.result(in.readAllBytes());
    }
  }
}
