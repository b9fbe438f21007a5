package io.crosswatch.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.crosswatch.server.Json;
import io.crosswatch.server.Served;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Webhook notifications of runs, sent to a receiver on this machine. */
class NotificationsTest {
  @TempDir Path dir;
  private HttpServer receiver;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private String startReceiver(int status) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(ex.getRequestURI().getPath() + " " + body);
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  private static String hooks(String start, String success, String failure) {
    return ", \"scheduling\": {\"webhooks\": {\"enabled\": true, \"start_url\": \""
        + start
        + "\", \"success_url\": \""
        + success
        + "\", \"failure_url\": \""
        + failure
        + "\", \"timeout_seconds\": 2}}";
  }

  @Test
  void startAndSuccessArePostedWithTheRunsIdExitCodeAndTotals() throws Exception {
    String url = startReceiver(200);
    try (Served served = new Served(dir, hooks(url + "/start", url + "/ok", url + "/fail"), 3)) {
      String cookie = served.login();
      String id =
          Json.MAPPER
              .readTree(served.send("POST", "/api/runs", "{}", "Cookie", cookie).body())
              .get("run_id")
              .asString();
      served.awaitSummary(cookie, id);

      String start = received.poll(10, TimeUnit.SECONDS);
      String done = received.poll(10, TimeUnit.SECONDS);

      assertThat(start).startsWith("/start ");
      JsonNode s = Json.MAPPER.readTree(start.substring(7));
      assertThat(s.get("event").asString()).isEqualTo("start");
      assertThat(s.get("run_id").asString()).isEqualTo(id);
      assertThat(done).startsWith("/ok ");
      JsonNode d = Json.MAPPER.readTree(done.substring(4));
      assertThat(d.get("event").asString()).isEqualTo("success");
      assertThat(d.get("exit_code").asInt()).isZero();
      assertThat(d.get("totals").get("added").asInt()).isEqualTo(3);
      assertThat(received).isEmpty();
    }
  }

  @Test
  void aFailingOrAbsentReceiverDoesNotFailTheRun() throws Exception {
    String failing = startReceiver(500);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String absent = "http://127.0.0.1:" + closedPort;
    try (Served served = new Served(dir, hooks(absent + "/start", failing + "/ok", absent), 2)) {
      String cookie = served.login();
      String id =
          Json.MAPPER
              .readTree(served.send("POST", "/api/runs", "{}", "Cookie", cookie).body())
              .get("run_id")
              .asString();
      JsonNode summary = Json.MAPPER.readTree(served.awaitSummary(cookie, id));

      assertThat(summary.get("exit_code").asInt()).isZero();
      assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("/ok ");
      assertThat(List.of(served.send("GET", "/api/status", null, "Cookie", cookie).statusCode()))
          .containsExactly(200);
    }
  }
}
