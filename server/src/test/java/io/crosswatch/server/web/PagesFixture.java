package io.crosswatch.server.web;

import io.crosswatch.core.run.RunListener;
import io.crosswatch.server.AccessRule;
import io.crosswatch.server.Role;
import io.crosswatch.server.Routes;
import io.crosswatch.server.WebServer;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages served on a free local port over a config of FILE and TRACKER pairs, with a login
 * ({@value #USER} / {@value #PASSWORD}) and the run event stream the run page follows.
 */
final class PagesFixture implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "correct horse battery";
  static final String SECRET = "s3cret-client-value-never-shown";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final Path dir;
  final Path config;
  final LocalServices services;
  final FakeSimklServer simkl = FakeSimklServer.builder().build().start();
  private final WebServer server;
  private final String session = UUID.randomUUID().toString();

  PagesFixture(Path dir, RunListener listener) throws IOException {
    this.dir = dir;
    Path stateDir = Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("library.json"), library());
    this.config = dir.resolve("config.json");
    Files.writeString(config, config(stateDir, simkl.baseUrl()));
    this.services = new LocalServices(config, stateDir, listener);
    AccessRule access = this::check;
    Routes login =
        routes -> {
          routes.post("/api/login", this::login, Role.PUBLIC);
          routes.post("/api/logout", ctx -> ctx.removeCookie("cw_session", "/").json(Map.of()));
          routes.get("/api/runs/{id}/events", this::events);
        };
    this.server = WebServer.start("127.0.0.1", 0, access, List.of(login, new PageRoutes(services)));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private void check(Context ctx) {
    if (ctx.routeRoles().contains(Role.PUBLIC) || session.equals(ctx.cookie("cw_session"))) {
      return;
    }
    if (ctx.path().startsWith("/api/")) {
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "sign in first"));
    } else {
      ctx.redirect("/login?next=" + ctx.path(), HttpStatus.SEE_OTHER);
    }
    ctx.skipRemainingHandlers();
  }

  private void login(Context ctx) {
    JsonNode body = JSON.readTree(ctx.body());
    if (USER.equals(body.path("user").asString())
        && PASSWORD.equals(body.path("password").asString())) {
      Cookie cookie = new Cookie("cw_session", session);
      cookie.setHttpOnly(true);
      cookie.setPath("/");
      ctx.cookie(cookie);
      ctx.json(Map.of("user", USER));
    } else {
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "wrong user or password"));
    }
  }

  /** Every line of the run's event log as it is written, one {@code data:} line each. */
  private void events(Context ctx) throws IOException, InterruptedException {
    Path log = services.eventLog(ctx.pathParam("id"));
    ctx.contentType("text/event-stream");
    ctx.header("Cache-Control", "no-cache");
    OutputStream out = ctx.res().getOutputStream();
    int sent = 0;
    for (int waited = 0; waited < 600; waited++) {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      for (; sent < lines.size(); sent++) {
        String line = lines.get(sent);
        if (line.isBlank()) {
          continue;
        }
        out.write(("data: " + line + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (line.contains("\"run:done\"")) {
          return;
        }
      }
      Thread.sleep(50);
    }
  }

  private static String library() {
    return """
        {"watchlist": [
          {"type": "movie", "title": "The Matrix", "year": 1999, "ids": {"imdb": "tt0133093", "tmdb": 603}},
          {"type": "movie", "title": "Heat", "year": 1995, "ids": {"imdb": "tt0113277", "tmdb": 949}},
          {"type": "show", "title": "The Wire", "year": 2002, "ids": {"imdb": "tt0306414", "tvdb": 79126}}],
         "ratings": [
          {"type": "movie", "title": "Heat", "year": 1995, "ids": {"imdb": "tt0113277"}, "rating": 9,
           "rated_at": "2026-01-02T03:04:05Z"}],
         "history": [
          {"type": "movie", "title": "The Matrix", "year": 1999, "ids": {"imdb": "tt0133093"},
           "watched_at": "2026-01-02T03:04:05Z"}]}
        """;
  }

  private static String config(Path stateDir, String simklUrl) {
    return """
        {
          "runtime": {"state_dir": "%s", "apply_chunk_size": 100},
          "sync": {"tombstone_ttl_days": 30},
          "file": {"path": "library.json", "instances": {"backup": {"path": "backup.json"}}},
          "tracker": {},
          "trakt": {"client_id": "my-trakt-app", "client_secret": "%s"},
          "simkl": {"client_id": "%s", "base_url": "%s"},
          "pairs": [
            {"id": "library-to-tracker", "source": "FILE", "target": "TRACKER", "mode": "one-way",
             "features": {"watchlist": true, "history": true, "ratings": true}},
            {"id": "library-to-backup", "source": "FILE", "target": "FILE",
             "target_instance": "backup", "mode": "two-way",
             "features": {"watchlist": {"enable": true, "add": true, "remove": true}}}
          ]
        }
        """
        .formatted(
            stateDir.toString().replace("\\", "\\\\"), SECRET, FakeSimklServer.CLIENT_ID, simklUrl);
  }

  @Override
  public void close() {
    server.close();
    simkl.close();
  }
}
