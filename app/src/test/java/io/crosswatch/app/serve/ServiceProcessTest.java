package io.crosswatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.Main;
import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Docs;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.server.auth.WebSecrets;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cw serve} as a real process: killed with -9 in the middle of a run it restarts cleanly and
 * the next run completes with nothing lost or doubled; SIGTERM lets the running run commit and
 * exits 0; a CLI run while the service runs one is refused with the lock message.
 */
class ServiceProcessTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MOVIES = 60;
  private static final String PASSWORD = "pw-for-tests";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Workspace workspace() {
    Workspace ws =
        new Workspace(dir)
            .config(
                "\"apply_chunk_size\": 2, \"apply_chunk_pause_ms\": 150",
                "",
                "\"mode\": \"one-way\", \"features\": {\"watchlist\": true, \"history\": false,"
                    + " \"ratings\": false}");
    ws.write(
        "a.json",
        Docs.doc("watchlist", Docs.listedRange(1, MOVIES, Instant.parse("2025-01-01T00:00:00Z"))));
    new WebSecrets(ws.stateDir()).setPassword("admin", PASSWORD.toCharArray());
    return ws;
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
      waitForItems(ws, 10, first);
    } finally {
      first.destroyForcibly();
      first.waitFor(10, TimeUnit.SECONDS);
    }
    int written = ws.titles("b.json", "watchlist").size();
    assertThat(written).as("killed midway").isBetween(10, MOVIES - 1);

    Process second = serve(ws, port, "second");
    try {
      String cookie = login(port, second);
      String id = startRun(port, cookie);
      JsonNode summary = awaitSummary(port, cookie, id);

      assertThat(summary.get("exit_code").asInt()).as(summary.toString()).isZero();
      assertThat(summary.get("totals").get("added").asInt()).isEqualTo(MOVIES - written);
      List<String> titles = ws.titles("b.json", "watchlist");
      assertThat(titles).hasSize(MOVIES).doesNotHaveDuplicates();
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void sigtermLetsTheRunningRunCommitItsChunkAndExitsZero() throws Exception {
    Workspace ws = workspace();
    int port = freePort();
    Process service = serve(ws, port, "term");
    String cookie = login(port, service);
    startRun(port, cookie);
    waitForItems(ws, 6, service);

    CliRun concurrent = ws.run();
    assertThat(concurrent.code()).as(concurrent.toString()).isEqualTo(1);
    assertThat(concurrent.err()).containsIgnoringCase("lock");

    long stopAsked = System.nanoTime();
    service.destroy(); // SIGTERM
    assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("ended within 30 s").isTrue();
    assertThat(service.exitValue()).isZero();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopAsked)).isLessThan(30);
    int written = ws.titles("b.json", "watchlist").size();
    assertThat(written).as("stopped before the end").isLessThan(MOVIES);

    CliRun rest = ws.run();
    assertThat(rest.code()).as(rest.toString()).isZero();
    assertThat(rest.applied("watchlist", "target", "add")).isEqualTo(MOVIES - written);
    assertThat(ws.titles("b.json", "watchlist")).hasSize(MOVIES).doesNotHaveDuplicates();
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

  private static void waitForItems(Workspace ws, int n, Process service) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(ws.path("b.json")) || ws.titles("b.json", "watchlist").size() < n) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + n + " items written");
      }
      Thread.sleep(5);
    }
  }
}
