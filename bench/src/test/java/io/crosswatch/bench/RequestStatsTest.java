package io.crosswatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RecordedRequest call(String method, String path, int status, long atMs) {
    return new RecordedRequest(
        new FakeRequest(method, path, Map.of(), Map.of(), ""), status, T0.plusMillis(atMs));
  }

  @Test
  void countsRequestsByEndpointAndTellsWritesAndRateLimitsApart() {
    RequestStats s =
        RequestStats.of(
            List.of(
                call("GET", "/sync/last_activities", 200, 0),
                call("POST", "/sync/history", 201, 100),
                call("POST", "/sync/history", 429, 900),
                call("POST", "/sync/history", 201, 2100),
                call("POST", "/sync/ratings", 201, 3200)));

    assertThat(s.byEndpoint())
        .containsExactly(
            Map.entry("GET /sync/last_activities", 1L),
            Map.entry("POST /sync/history", 3L),
            Map.entry("POST /sync/ratings", 1L));
    assertThat(s.total()).isEqualTo(5);
    assertThat(s.tooMany()).isEqualTo(1);
    assertThat(s.writes()).isEqualTo(4);
    assertThat(s.acceptedWrites()).isEqualTo(3);
    assertThat(s.writeSpan()).isEqualTo(Duration.ofMillis(3100));
    assertThat(s.minWriteGap()).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void aLogWithoutWritesHasNoWriteSpan() {
    RequestStats s = RequestStats.of(List.of(call("GET", "/Items", 200, 0)));

    assertThat(s.writes()).isZero();
    assertThat(s.writeSpan()).isZero();
    assertThat(s.minWriteGap()).isNull();
  }

  @Test
  void logsOfSeveralServersAddUpUnderTheirPrefixes() {
    RequestStats s =
        RequestStats.of("server ", List.of(call("GET", "/identity", 200, 0)))
            .plus(RequestStats.of("discover ", List.of(call("PUT", "/actions/x", 200, 5))));

    assertThat(s.endpoints()).isEqualTo("`discover PUT /actions/x` ×1, `server GET /identity` ×1");
    assertThat(s.total()).isEqualTo(2);
    assertThat(s.writes()).isEqualTo(1);
  }

  @Test
  void foldingMergesEndpointsThatDifferOnlyByIds() {
    RequestStats s =
        RequestStats.of(
                List.of(
                    call("GET", "/library/metadata/5d7760000000000000001f31", 200, 0),
                    call("GET", "/library/metadata/5d7760000000000000001f1d", 200, 1),
                    call("GET", "/library/sections/2/all", 200, 2)))
            .folded(MediaServerRunBenchmark::fold);

    assertThat(s.byEndpoint())
        .containsExactly(
            Map.entry("GET /library/metadata/{id}", 2L),
            Map.entry("GET /library/sections/{id}/all", 1L));
  }
}
