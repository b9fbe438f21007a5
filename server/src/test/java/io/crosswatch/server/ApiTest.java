package io.crosswatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.StateLock;
import io.crosswatch.server.auth.WebSecrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP against a running service. */
class ApiTest {
  @TempDir Path dir;
  private Served served;
  private String cookie;

  @BeforeEach
  void start() {
    served = new Served(dir, "", 12);
    cookie = served.login();
  }

  @AfterEach
  void stop() {
    served.close();
  }

  private HttpResponse<String> get(String path) {
    return served.send("GET", path, null, "Cookie", cookie);
  }

  private HttpResponse<String> post(String path, String body) {
    return served.send("POST", path, body, "Cookie", cookie, "Origin", served.base());
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void aRunStartedOverTheApiIsFollowedLiveAndThenSummarized() throws Exception {
    HttpResponse<String> started = post("/api/runs", "{\"pairs\": [\"lib-to-backup\"]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("run_id").asString();

    List<String> streamed = events(id);
    String summary = served.awaitSummary(cookie, id);

    List<String> logged =
        Files.readAllLines(served.stateDir.resolve("logs").resolve(id + ".jsonl"));
    assertThat(streamed).isEqualTo(logged);
    assertThat(streamed.get(0)).contains("\"event\":\"run:start\"");
    assertThat(streamed.get(streamed.size() - 1)).contains("\"event\":\"run:done\"");
    JsonNode doc = Json.MAPPER.readTree(summary);
    assertThat(doc.get("run_id").asString()).isEqualTo(id);
    assertThat(doc.get("exit_code").asInt()).isZero();
    assertThat(doc.get("totals").get("added").asInt()).isEqualTo(12);
    assertThat(doc.get("pairs").get(0).get("id").asString()).isEqualTo("lib-to-backup");

    JsonNode runs = json(get("/api/runs?limit=5")).get("runs");
    assertThat(runs.get(0).get("run_id").asString()).isEqualTo(id);
    assertThat(runs.get(0).get("trigger").asString()).isEqualTo("api");
    assertThat(runs.get(0).get("exit_code").asInt()).isZero();
    assertThat(runs.get(0).get("dry_run").asBoolean()).isFalse();
    assertThat(runs.get(0).has("started_at")).isTrue();
    assertThat(runs.get(0).has("finished_at")).isTrue();

    JsonNode status = json(get("/api/status"));
    assertThat(status.get("version").asString()).isEqualTo("test-version");
    assertThat(status.get("running_run_id").isNull()).isTrue();
    assertThat(status.get("next_run_at").isNull()).isTrue();
    assertThat(status.get("last_run").get("run_id").asString()).isEqualTo(id);

    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("crosswatch_runs_total{exit_code=\"0\",trigger=\"api\"} 1.0")
        .contains("crosswatch_run_duration_seconds_count 1")
        .contains("crosswatch_last_run_timestamp_seconds")
        .contains(
            "crosswatch_items_applied_total{feature=\"watchlist\",op=\"add\",pair=\"lib-to-backup\",side=\"target\"} 12.0")
        .contains("crosswatch_items_unresolved{feature=\"watchlist\",pair=\"lib-to-backup\"} 0.0")
        .contains("crosswatch_provider_up{provider=\"FILE:backup\"} 1.0")
        .contains("crosswatch_next_run_timestamp_seconds");
  }

  /** Reads the SSE stream of a run to its end: the data lines, in order. */
  private List<String> events(String id) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(served.base() + "/api/runs/" + id + "/events"))
            .header("Cookie", cookie)
            .build();
    HttpResponse<java.io.InputStream> r =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> data = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("data: ")) {
          data.add(line.substring(6));
        }
      }
    }
    return data;
  }

  @Test
  void aFinishedRunsEventsAreReplayedFromTheStartAndUnknownRunsAre404() throws Exception {
    String id = json(post("/api/runs", "{\"dry_run\": true}")).get("run_id").asString();
    String summary = served.awaitSummary(cookie, id);

    assertThat(Json.MAPPER.readTree(summary).get("dry_run").asBoolean()).isTrue();
    assertThat(events(id)).hasSizeGreaterThan(2).last().asString().contains("run:done");
    assertThat(json(get("/api/runs")).get("runs").get(0).get("dry_run").asBoolean()).isTrue();
    assertThat(get("/api/runs/20990101T000000Z-0000").statusCode()).isEqualTo(404);
    assertThat(get("/api/runs/20990101T000000Z-0000/events").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownPairsAndFeaturesAreRefusedWith400() {
    HttpResponse<String> pair = post("/api/runs", "{\"pairs\": [\"nope\"]}");
    HttpResponse<String> feature = post("/api/runs", "{\"features\": [\"movies\"]}");

    assertThat(pair.statusCode()).isEqualTo(400);
    assertThat(json(pair).get("error").asString())
        .isEqualTo("unknown pair \"nope\"; known pairs: lib-to-backup");
    assertThat(feature.statusCode()).isEqualTo(400);
    assertThat(json(feature).get("error").asString()).contains("unknown feature \"movies\"");
  }

  @Test
  void whileAnotherRunHoldsTheStateLockANewRunIsRefusedWith409NamingIt() {
    try (StateLock lock = StateLock.acquire(served.stateDir, "20260301T095900Z-cli1")) {
      HttpResponse<String> r = post("/api/runs", "{}");

      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(json(r).get("running_run_id").asString()).isEqualTo("20260301T095900Z-cli1");
      assertThat(json(r).get("error").asString()).contains("lock");
      assertThat(json(get("/api/status")).get("running_run_id").asString())
          .isEqualTo("20260301T095900Z-cli1");
      assertThat(json(get("/api/runs/20260301T095900Z-cli1")).get("status").asString())
          .isEqualTo("running");
    }
  }

  @Test
  void theConfigIsShownWithSecretsMasked() {
    HttpResponse<String> r = get("/api/config");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("very-secret-value").doesNotContain("token-value-123");
    JsonNode trakt = json(r).get("trakt");
    assertThat(trakt.get("client_secret").asString()).isEqualTo("***");
    assertThat(trakt.get("access_token").asString()).isEqualTo("***");
    assertThat(trakt.get("refresh_token").asString()).isEmpty();
    assertThat(trakt.get("client_id").asString()).isEqualTo("public-id");
  }

  @Test
  void anInvalidConfigIsRefusedAtItsPathsAndTheFileIsUntouched() throws Exception {
    String before = Files.readString(served.config);
    String bad =
        Served.config(", \"scheduling\": {\"mode\": \"weekly\"}")
            .replace("\"one-way\"", "\"both\"");

    HttpResponse<String> r =
        served.send("PUT", "/api/config", bad, "Cookie", cookie, "Origin", served.base());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("errors"))
        .extracting(e -> e.get("path").asString() + ": " + e.get("message").asString())
        .contains(
            "pairs[0].mode: must be \"one-way\" or \"two-way\", got \"both\"",
            "scheduling.mode: must be \"disabled\", \"hourly\", \"every_n_hours\", \"daily_time\""
                + " or \"custom_interval\", got \"weekly\"");
    assertThat(Files.readString(served.config)).isEqualTo(before);
    assertThat(served.dir.resolve("config.json.bak")).doesNotExist();
  }

  @Test
  void aValidConfigIsSavedKeepingMaskedSecretsAndTheOldFileAsBackup() throws Exception {
    String before = Files.readString(served.config);
    String masked = get("/api/config").body();
    String edited =
        masked.replace(
            "\"pairs\":[", "\"scheduling\":{\"enabled\":true,\"mode\":\"hourly\"},\"pairs\":[");

    HttpResponse<String> r =
        served.send("PUT", "/api/config", edited, "Cookie", cookie, "Origin", served.base());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).has("warnings")).isTrue();
    String saved = Files.readString(served.config);
    assertThat(saved)
        .contains("very-secret-value")
        .contains("token-value-123")
        .doesNotContain("***");
    assertThat(Files.readString(served.dir.resolve("config.json.bak"))).isEqualTo(before);
    JsonNode schedule = json(get("/api/schedule"));
    assertThat(schedule.get("enabled").asBoolean()).isTrue();
    assertThat(schedule.get("mode").asString()).isEqualTo("hourly");
    assertThat(schedule.get("next_run_at").asString()).isEqualTo("2026-03-01T11:00:00Z");
  }

  @Test
  void aMaskSentForASecretThatIsNotStoredIsAnError() {
    String body = Served.config("").replace("\"public-id\"", "\"public-id\", \"api_key\": \"***\"");

    HttpResponse<String> r =
        served.send("PUT", "/api/config", body, "Cookie", cookie, "Origin", served.base());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("errors").get(0).get("path").asString()).isEqualTo("trakt.api_key");
  }

  @Test
  void healthUnresolvedAndScheduleAnswerTheirDocuments() {
    JsonNode health = json(get("/api/health"));
    assertThat(health.get("exit_code").asInt()).isZero();
    assertThat(health.get("providers"))
        .extracting(p -> p.get("provider").asString())
        .containsExactly("FILE:backup", "FILE:default");

    JsonNode unresolved = json(get("/api/state/unresolved"));
    assertThat(unresolved.get("unresolved").isArray()).isTrue();
    assertThat(unresolved.get("parked").isArray()).isTrue();
    HttpResponse<String> cleared = post("/api/state/clear-unresolved", null);
    assertThat(cleared.statusCode()).isEqualTo(200);

    JsonNode schedule = json(get("/api/schedule"));
    assertThat(schedule.get("enabled").asBoolean()).isFalse();
    assertThat(schedule.get("mode").asString()).isEqualTo("disabled");
    assertThat(schedule.get("next_run_at").isNull()).isTrue();
  }

  @Test
  void badRequestsGetClearJsonErrors() {
    HttpResponse<String> badJson = post("/api/runs", "{\"pairs\": [");
    HttpResponse<String> huge = post("/api/runs", "{\"x\": \"" + "a".repeat(1_100_000) + "\"}");
    HttpResponse<String> unknown = get("/api/nothing-here");
    HttpResponse<String> wrongMethod =
        served.send("DELETE", "/api/status", null, "Cookie", cookie, "Origin", served.base());
    HttpResponse<String> badLimit = get("/api/runs?limit=abc");

    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(json(badJson).get("error").asString())
        .startsWith("the request body is not valid JSON at line 1");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(json(huge).get("error").asString()).contains("larger than");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asString())
        .isEqualTo("no such path: GET /api/nothing-here");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(json(wrongMethod).get("error").asString()).contains("DELETE");
    assertThat(badLimit.statusCode()).isEqualTo(400);
  }

  @Test
  void anApiTokenOpensTheApiWithoutASession() {
    String token =
        new WebSecrets(served.stateDir).createToken("prometheus", served.clock.instant());

    HttpResponse<String> r =
        served.send("GET", "/metrics", null, "Authorization", "Bearer " + token);
    HttpResponse<String> wrong =
        served.send("GET", "/metrics", null, "Authorization", "Bearer cwt_not-a-real-token");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }
}
