package io.crosswatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.Main;
import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Docs;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cw serve} as a real process: killed with -9 in the middle of a run (FILE → a fake Trakt,
 * written in chunks) it restarts cleanly and the next run completes with nothing lost or doubled;
 * SIGTERM lets the running run commit and exits 0; a CLI run while the service runs one is refused
 * with the lock message.
 */
class ServiceProcessTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MOVIES = 40;
  private static final String PASSWORD = "pw-for-tests";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private final FakeTraktServer trakt = FakeTraktServer.builder().build().start();

  @AfterEach
  void stopTrakt() {
    trakt.close();
  }

  /**
   * FILE → TRAKT (a fake that takes one write a second), history of {@code MOVIES} plays written in
   * chunks of 5, so a run takes several seconds and can be stopped between chunks.
   */
  private Workspace workspace() {
    trakt.catalogue().generateMovies(MOVIES);
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\","
            + " \"apply_chunk_size_by_provider\": {\"TRAKT\": 5}},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
            + " \"features\": {\"history\": {\"enable\": true}}}]}\n");
    List<String> plays = new ArrayList<>();
    for (int n = 1; n <= MOVIES; n++) {
      plays.add(
          String.format(
              Locale.ROOT,
              "{\"type\": \"movie\", \"title\": \"Movie %d\", \"year\": %d,"
                  + " \"ids\": {\"imdb\": \"tt%d\", \"tmdb\": %d}, \"watched_at\": \"%s\"}",
              n,
              1970 + n % 50,
              1000000 + n,
              5000 + n,
              Instant.parse("2025-06-01T20:00:00Z").plus(Duration.ofDays(n))));
    }
    ws.write("a.json", Docs.doc("history", plays));
    new WebSecrets(ws.stateDir()).setPassword("admin", PASSWORD.toCharArray());
    return ws;
  }

  /** Trakt's plays as {@code title@time}. */
  private List<String> traktPlays() {
    return trakt.user().plays().stream().map(p -> p.title().key() + "@" + p.watchedAt()).toList();
  }

  @Test
  void killedMidRunTheServiceRestartsCleanlyAndTheNextRunCompletesEverythingOnce()
      throws Exception {
    Workspace ws = workspace();
    int port = freePort();
    Process first = serve(ws, port, "first");
    try {
      String cookie = login(port, first);
      startRun(port, cookie);
      waitForPlays(10, first);
    } finally {
      first.destroyForcibly();
      first.waitFor(10, TimeUnit.SECONDS);
    }
    int written = traktPlays().size();
    assertThat(written).as("killed midway").isBetween(10, MOVIES - 1);

    Process second = serve(ws, port, "second");
    try {
      String cookie = login(port, second);
      String id = startRun(port, cookie);
      JsonNode summary = awaitSummary(port, cookie, id);

      assertThat(summary.get("exit_code").asInt()).as(summary.toString()).isZero();
      assertThat(summary.get("totals").get("added").asInt()).isEqualTo(MOVIES - written);
      assertThat(traktPlays()).hasSize(MOVIES).doesNotHaveDuplicates();
    } finally {
      second.destroyForcibly();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void sigtermLetsTheRunningRunCommitItsChunkAndExitsZero() throws Exception {
    Workspace ws = workspace();
    int port = freePort();
    Process service = serve(ws, port, "term");
    try {
      String cookie = login(port, service);
      startRun(port, cookie);
      waitForPlays(5, service);

      CliRun concurrent = ws.run();
      assertThat(concurrent.code()).as(concurrent.toString()).isEqualTo(1);
      assertThat(concurrent.err()).containsIgnoringCase("lock");

      long stopAsked = System.nanoTime();
      service.destroy(); // SIGTERM
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("ended within 30 s").isTrue();
      assertThat(service.exitValue()).isZero();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopAsked)).isLessThan(30);
    } finally {
      service.destroyForcibly(); // never leave a service behind when an assertion fails
      service.waitFor(10, TimeUnit.SECONDS);
    }
    int written = traktPlays().size();
    assertThat(written).as("stopped before the end").isLessThan(MOVIES);
    assertThat(written % 5).as("whole chunks only").isZero();

    CliRun rest = ws.run();
    assertThat(rest.code()).as(rest.toString()).isZero();
    assertThat(rest.applied("history", "target", "add")).isEqualTo(MOVIES - written);
    assertThat(traktPlays()).hasSize(MOVIES).doesNotHaveDuplicates();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process serve(Workspace ws, int port, String name) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("serve");
    cmd.add("--config");
    cmd.add(ws.config().toString());
    cmd.add("--listen");
    cmd.add("127.0.0.1:" + port);
    return new ProcessBuilder(cmd)
        .redirectOutput(ws.path(name + ".out").toFile())
        .redirectError(ws.path(name + ".err").toFile())
        .start();
  }

  /** Waits for the service to answer, then signs in; returns the session cookie. */
  private String login(int port, Process service) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user\": \"admin\", \"password\": \"" + PASSWORD + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
      } catch (IOException notYet) {
        if (!service.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("the service did not start: " + notYet, notYet);
        }
        Thread.sleep(100);
      }
    }
  }

  private String startRun(int port, String cookie) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return JSON.readTree(r.body()).get("run_id").asString();
  }

  private JsonNode awaitSummary(int port, String cookie, String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs/" + id))
                  .header("Cookie", cookie)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && !r.body().contains("\"status\":\"running\"")) {
        return JSON.readTree(r.body());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  private void waitForPlays(int n, Process service) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (traktPlays().size() < n) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + n + " plays written");
      }
      Thread.sleep(5);
    }
  }
}
