package io.crosswatch.server.web;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.provider.HealthJson;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.state.InMemoryStateStore;
import io.crosswatch.server.ConfigSource;
import io.crosswatch.server.Routes;
import io.crosswatch.server.WebServer;
import io.crosswatch.server.api.ConfigService;
import io.crosswatch.server.auth.AccessControl;
import io.crosswatch.server.auth.AuthRoutes;
import io.crosswatch.server.auth.LoginThrottle;
import io.crosswatch.server.auth.Sessions;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.server.runs.EventFollower;
import io.crosswatch.server.runs.RunObserver;
import io.crosswatch.server.runs.RunService;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The pages served on a free local port by the service's own parts (logins, run service, config
 * service) over a config of FILE and TRACKER pairs, signed in as {@value #USER} with {@link
 * #PASSWORD}; a fake SIMKL answers the sign-in.
 */
final class PagesFixture implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "correct horse battery";
  static final String SECRET = "s3cret-client-value-never-shown";

  final Path dir;
  final Path config;
  final Path stateDir;
  final PageServices services;
  final FakeSimklServer simkl = FakeSimklServer.builder().build().start();
  private final RunService runs;
  private final WebServer server;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  PagesFixture(Path dir) throws IOException {
    this.dir = dir;
    this.stateDir = Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("library.json"), library());
    this.config = dir.resolve("config.json");
    Files.writeString(config, config(stateDir, simkl.baseUrl()));
    ProviderRegistry registry = ProviderRegistry.load();
    ConfigSource configs = new ConfigSource(config, stateDir, registry);
    Clock clock = Clock.systemUTC();
    this.runs = new RunService(configs, clock, new SplittableRandom(7), List.of(holdAtFeatures()));
    this.services =
        new ServicePages(
            configs,
            new ConfigService(config, registry),
            runs,
            Optional::empty,
            () -> health(configs, clock));
    WebSecrets secrets = new WebSecrets(stateDir);
    secrets.setPassword(USER, PASSWORD.toCharArray());
    Sessions sessions = new Sessions(clock);
    // Sign-ins poll the fake at once instead of waiting the service's interval.
    SignIns signIns = new SignIns(clock, d -> Thread.sleep(Math.min(d.toMillis(), 200)));
    Routes events = routes -> routes.get("/api/runs/{id}/events", this::events);
    this.server =
        WebServer.start(
            "127.0.0.1",
            0,
            new AccessControl(sessions, secrets),
            List.of(
                new AuthRoutes(secrets, sessions, new LoginThrottle(clock)),
                events,
                new PageRoutes(services, signIns)));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Runs started from now on wait at their first feature until {@link #release} is called. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  private RunObserver holdAtFeatures() {
    return new RunObserver() {
      @Override
      public void event(String runId, String event, Map<String, ?> fields) {
        if ("feature:start".equals(event)) {
          try {
            gate.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  /** The {@code cw health --json} document of the config's providers. */
  private static JsonNode health(ConfigSource configs, Clock clock) {
    try {
      Map<String, HealthReport> reports =
          new TreeMap<>(
              new Orchestrator(
                      configs.load(),
                      configs.registry(),
                      new InMemoryStateStore(),
                      configs.stateDir(),
                      RunEvents.none(),
                      new RunListener() {},
                      clock,
                      Sleeper.SYSTEM,
                      new SplittableRandom(1))
                  .health());
      return HealthJson.toTree(reports, HealthJson.exitCode(reports));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The run's events as they are written, one {@code data:} line each, until {@code run:done}. */
  private void events(Context ctx) throws IOException, InterruptedException {
    String runId = ctx.pathParam("id");
    ctx.contentType("text/event-stream");
    OutputStream out = ctx.res().getOutputStream();
    EventFollower.follow(
        runs.eventLog(runId),
        () -> runs.isActive(runId),
        line -> {
          out.write(("data: " + line + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        });
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
    release();
    server.close();
    runs.close();
    simkl.close();
  }
}
