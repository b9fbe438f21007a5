package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ScriptedServer.Reply;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiClientTest {
  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), 0, Duration.ofMinutes(1));

  private final ScriptedServer server = newServer();
  private final FakeTime time = FakeTime.standard();
  private final RecordingLog log = new RecordingLog();

  @AfterEach
  void stop() {
    server.close();
  }

  private static ScriptedServer newServer() {
    try {
      return new ScriptedServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpApiClient.Builder builder() {
    return HttpApiClient.builder("TEST:default", server.baseUri())
        .clock(time)
        .sleeper(time.sleeper())
        .random(new SplittableRandom(7))
        .retry(FAST_RETRY)
        .timeout(Duration.ofSeconds(5))
        .log(log, true);
  }

  @Test
  void retriesA503ThenReturnsTheSuccess() throws Exception {
    server.enqueue(Reply.of(503), Reply.of(503), Reply.of(200));

    HttpAnswer answer = builder().build().send(ApiRequest.get("/sync/history"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.call().attempts()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void retriesCloudflareErrors() throws Exception {
    server.enqueue(Reply.of(520), Reply.of(522), Reply.of(200));

    assertThat(builder().build().send(ApiRequest.get("/x")).status()).isEqualTo(200);
  }

  @Test
  void honoursRetryAfterSecondsOn429() throws Exception {
    server.enqueue(Reply.of(429, Map.of("Retry-After", "7")), Reply.of(200));
    HttpApiClient client = builder().build();

    HttpAnswer answer = client.send(ApiRequest.get("/sync/watchlist"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(client.usage().rateLimited()).isEqualTo(1);
    assertThat(client.usage().retries()).isEqualTo(1);
  }

  @Test
  void holdsOtherRequestsUntilTheRetryAfterHasPassed() throws Exception {
    server.enqueue(Reply.of(429, Map.of("Retry-After", "3")), Reply.of(200), Reply.of(200));
    HttpApiClient client = builder().build();

    client.send(ApiRequest.get("/a"));
    client.send(ApiRequest.get("/b"));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void returnsA429AtOnceWhenTheWaitAskedForIsTooLong() throws Exception {
    server.enqueue(Reply.of(429, Map.of("Retry-After", "3600")));

    HttpAnswer answer = builder().build().send(ApiRequest.get("/x"));

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.retryAfter(time.instant())).contains(Duration.ofHours(1));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void backsOffOn429WithoutRetryAfter() throws Exception {
    server.enqueue(Reply.of(429), Reply.of(200));

    builder().build().send(ApiRequest.get("/x"));

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void neverRetriesOther4xx() throws Exception {
    server.enqueue(Reply.of(404), Reply.of(200));

    HttpAnswer answer = builder().build().send(ApiRequest.get("/missing"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.call().attempts()).isEqualTo(1);
    assertThat(server.received()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void returnsTheLastAnswerWithContextWhenRetriesRunOut() throws Exception {
    server.enqueue(Reply.of(503), Reply.of(502), Reply.of(504), Reply.of(200));

    HttpAnswer answer = builder().build().send(ApiRequest.get("/sync/history/42?page=3"));

    assertThat(answer.status()).isEqualTo(504);
    assertThat(answer.describe())
        .isEqualTo("TEST:default GET /sync/history/{id}: 504 after 3 attempts");
  }

  @Test
  void doesNotRepeatAnUnrepeatableWriteAfterA5xx() throws Exception {
    server.enqueue(Reply.of(503), Reply.of(201));

    HttpAnswer answer =
        builder().build().send(ApiRequest.post("/sync/history", "{}").notRepeatable());

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void sendsAWriteOnceAndLeavesItsRetriesToTheCaller() throws Exception {
    server.enqueue(Reply.of(503), Reply.of(201));

    HttpAnswer answer = builder().build().send(ApiRequest.post("/sync/watchlist", "{}"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.received()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aWriteAnswered429HoldsBackTheNextRequestForItsRetryAfter() throws Exception {
    server.enqueue(Reply.of(429, Map.of("Retry-After", "2")), Reply.of(200));
    HttpApiClient client = builder().build();

    HttpAnswer answer = client.send(ApiRequest.post("/sync/history", "{}").notRepeatable());
    client.send(ApiRequest.get("/sync/history"));

    assertThat(answer.status()).isEqualTo(429);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(client.usage().rateLimited()).isEqualTo(1);
  }

  @Test
  void aGetMarkedAsAWriteIsSentOnce() throws Exception {
    server.enqueue(Reply.of(503), Reply.of(200));

    HttpAnswer answer = builder().build().send(ApiRequest.get("/:/scrobble").asWrite());

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aWriteThatTimesOutFailsAsATimeoutWithoutBeingSentAgain() {
    server.enqueue(new Reply(200, Map.of(), "{}", Duration.ofMillis(600)), Reply.of(201));
    HttpApiClient client = builder().timeout(Duration.ofMillis(100)).build();

    assertThatThrownBy(() -> client.send(ApiRequest.post("/sync/history", "{}")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.timedOut()).isTrue();
              assertThat(e.getMessage()).contains("timed out", "after 1 attempt");
            });
    assertThat(client.usage().requests()).isEqualTo(1);
  }

  @Test
  void byDefaultAReadIsSentAtMostSixTimes() throws Exception {
    for (int i = 0; i < 8; i++) {
      server.enqueue(Reply.of(503));
    }
    HttpApiClient client = builder().retry(RetryPolicy.defaults()).build();

    HttpAnswer answer = client.send(ApiRequest.get("/sync/watchlist"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.received()).as("the first send and 5 retries").hasSize(6);
  }

  @Test
  void throwsARetriableFailureWithContextWhenEveryAttemptTimesOut() {
    Reply slow = new Reply(200, Map.of(), "{}", Duration.ofMillis(600));
    server.enqueue(slow, slow);
    HttpApiClient client =
        builder()
            .timeout(Duration.ofMillis(100))
            .retry(
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1), 0, Duration.ZERO))
            .build();

    assertThatThrownBy(() -> client.send(ApiRequest.get("/users/settings")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
              assertThat(e.getMessage())
                  .startsWith("TEST:default GET /users/settings: timed out")
                  .contains("after 2 attempts");
            });
    assertThat(client.usage().requests()).isEqualTo(2);
  }

  @Test
  void throwsARetriableFailureWhenNothingListens() throws Exception {
    URI closed;
    try (var probe = new java.net.ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closed = URI.create("http://127.0.0.1:" + probe.getLocalPort());
    }
    HttpApiClient client =
        HttpApiClient.builder("TEST:default", closed)
            .clock(time)
            .sleeper(time.sleeper())
            .retry(FAST_RETRY)
            .build();

    assertThatThrownBy(() -> client.send(ApiRequest.get("/sync/history")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.timedOut()).isFalse();
              assertThat(e.getMessage()).contains("GET /sync/history", "after 3 attempts");
            });
    assertThatThrownBy(() -> client.send(ApiRequest.post("/sync/history", "{}").notRepeatable()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.getMessage()).contains("POST /sync/history", "after 1 attempt"));
  }

  @Test
  void spacesWritesByTheConfiguredInterval() throws Exception {
    HttpApiClient client =
        builder().rate(RatePolicy.of(Duration.ofSeconds(1), 0, Duration.ZERO)).build();

    client.send(ApiRequest.post("/sync/watchlist", "{}"));
    client.send(ApiRequest.get("/sync/watchlist"));
    client.send(ApiRequest.post("/sync/watchlist", "{}"));
    time.advance(Duration.ofMillis(400));
    client.send(ApiRequest.delete("/sync/watchlist/1"));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(600));
  }

  @Test
  void keepsGetsWithinTheirBudgetPerWindow() throws Exception {
    HttpApiClient client =
        builder().rate(RatePolicy.of(Duration.ZERO, 2, Duration.ofSeconds(10))).build();

    for (int i = 0; i < 5; i++) {
      client.send(ApiRequest.get("/sync/history"));
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void countsRequestsRetriesAndEndpointTemplates() throws Exception {
    server.enqueue(
        Reply.of(200), Reply.of(500), Reply.of(429), Reply.of(200), Reply.of(429), Reply.of(200));
    HttpApiClient client = builder().build();

    client.send(ApiRequest.get("/sync/history").withQuery("page", 1));
    client.send(ApiRequest.get("/sync/history").withQuery("page", 2));
    client.send(ApiRequest.post("/users/12345/items/tt0133093", "{}"));

    ApiUsage usage = client.usage();
    assertThat(usage.requests()).isEqualTo(5);
    assertThat(usage.retries()).isEqualTo(2);
    assertThat(usage.rateLimited()).isEqualTo(2);
    assertThat(usage.byEndpoint())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("GET /sync/history", 4L, "POST /users/{id}/items/{id}", 1L));
  }

  @Test
  void secretsLearntLaterAreMaskedInDebugLinesFromThenOn() throws Exception {
    HttpApiClient client = builder().build();
    client.send(ApiRequest.get("/echo").withQuery("q", "fresh-token-123"));
    client.addSecrets(List.of("fresh-token-123"));
    client.send(ApiRequest.get("/echo").withQuery("q", "fresh-token-123"));

    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(0)).contains("fresh-token-123");
    assertThat(log.lines().get(1)).doesNotContain("fresh-token-123").contains(Redactor.MASK);
  }

  @Test
  void sendsDefaultHeadersQueryAndJsonBody() throws Exception {
    HttpApiClient client = builder().defaultHeader("trakt-api-version", "2").build();

    client.send(
        ApiRequest.post("/sync/ratings", "{\"movies\":[]}")
            .withQuery("q", "a b&c")
            .withHeader("X-Extra", "yes"));

    ScriptedServer.Received r = server.received().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri()).isEqualTo("/sync/ratings?q=a%20b%26c");
    assertThat(r.headers().getFirst("trakt-api-version")).isEqualTo("2");
    assertThat(r.headers().getFirst("X-Extra")).isEqualTo("yes");
    assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo("{\"movies\":[]}");
  }

  @Test
  void logsOneDebugLinePerAttemptWithoutSecrets() throws Exception {
    server.enqueue(
        Reply.of(503),
        Reply.of(200, Map.of("X-Ratelimit", "{\"remaining\":9}", "Set-Cookie", "s=cookie1")));
    HttpApiClient client =
        builder()
            .defaultHeader("Authorization", "Bearer token-abcdef")
            .secrets(List.of("token-abcdef", "path-secret-99"))
            .build();

    client.send(
        ApiRequest.get("/library/path-secret-99")
            .withQuery("apikey", "key-123456")
            .withQuery("X-Plex-Token", "plex-987654")
            .withQuery("page", 2));

    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(1))
        .startsWith("http TEST:default GET http://127.0.0.1:")
        .contains("/library/***?apikey=***&X-Plex-Token=***&page=2 -> 200 ")
        .contains("ms attempt=2")
        .contains("x-ratelimit={\"remaining\":9}");
    assertThat(String.join("\n", log.lines()))
        .doesNotContain("token-abcdef", "key-123456", "plex-987654", "path-secret-99", "cookie1");
  }

  @Test
  void writesNoDebugLinesWhenDebugHttpIsOff() throws Exception {
    builder().log(log, false).build().send(ApiRequest.get("/x"));

    assertThat(log.lines()).isEmpty();
  }

  @Test
  void reportsTheRateBudgetTheServiceSentAndTheGetsLeftInItsOwnWindow() throws Exception {
    server.enqueue(
        Reply.of(
            200,
            Map.of(
                "X-RateLimit-Limit", "1000",
                "X-RateLimit-Remaining", "998",
                "X-RateLimit-Reset", "1767312000")));
    HttpApiClient client =
        builder().rate(RatePolicy.of(Duration.ZERO, 10, Duration.ofSeconds(1))).build();

    client.send(ApiRequest.get("/user"));
    client.send(ApiRequest.get("/user"));

    assertThat(client.rateDetails())
        .containsEntry("rate_limit", "1000")
        .containsEntry("rate_remaining", "998")
        .containsEntry("rate_reset", "1767312000")
        .containsEntry("get_budget_left", "8 of 10 per 1 s");
  }

  @Test
  void readsTraktsRateLimitJsonHeader() throws Exception {
    server.enqueue(
        Reply.of(
            200,
            Map.of(
                "X-Ratelimit",
                "{\"name\":\"AUTHED_API_GET_LIMIT\",\"period\":300,\"limit\":1000,"
                    + "\"remaining\":990,\"until\":\"2026-01-01T00:05:00Z\"}")));
    HttpApiClient client = builder().build();

    client.send(ApiRequest.get("/sync/history"));

    assertThat(client.rateDetails())
        .containsExactly(
            Map.entry("rate_limit", "1000 per 300 s"),
            Map.entry("rate_remaining", "990"),
            Map.entry("rate_reset", "2026-01-01T00:05:00Z"));
  }
}
