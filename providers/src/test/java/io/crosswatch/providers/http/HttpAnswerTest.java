package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static HttpAnswer answer(String retryAfter) {
    HttpHeaders headers =
        HttpHeaders.of(Map.of("retry-after", List.of(retryAfter)), (k, v) -> true);
    return new HttpAnswer(429, headers, "", new CallInfo("T:default", "GET", "/x", 1));
  }

  @Test
  void readsRetryAfterAsSecondsOrAsAnHttpDate() {
    assertThat(answer("12").retryAfter(NOW)).contains(Duration.ofSeconds(12));
    assertThat(answer("Thu, 01 Jan 2026 00:01:30 GMT").retryAfter(NOW))
        .contains(Duration.ofSeconds(90));
    assertThat(answer("Wed, 31 Dec 2025 23:00:00 GMT").retryAfter(NOW)).contains(Duration.ZERO);
    assertThat(answer("soon").retryAfter(NOW)).isEmpty();
  }

  @Test
  void looksHeadersUpWhateverTheirCase() {
    assertThat(answer("5").header("Retry-After")).contains("5");
    assertThat(answer("5").intHeader("RETRY-AFTER")).contains(5);
  }
}
