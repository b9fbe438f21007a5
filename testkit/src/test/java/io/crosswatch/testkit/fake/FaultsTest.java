package io.crosswatch.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final FakeRequest GET = new FakeRequest("GET", "/items", Map.of(), Map.of(), "");

  private final Faults faults = new Faults();

  @Test
  void withoutFaultsRequestsAreNeitherDelayedNorAnswered() {
    Faults.Injection injection = faults.take(GET);

    assertThat(injection.delay()).isZero();
    assertThat(injection.response()).isEmpty();
  }

  @Test
  void aStandingLatencyHoldsEveryRequest() {
    faults.latency(Duration.ofMillis(5));

    for (int i = 0; i < 3; i++) {
      assertThat(faults.take(GET).delay()).isEqualTo(Duration.ofMillis(5));
    }
  }

  @Test
  void aPlannedDelayComesOnTopOfTheLatencyOnce() {
    faults.latency(Duration.ofMillis(5));
    faults.delayNext(1, Duration.ofMillis(100));

    assertThat(faults.take(GET).delay()).isEqualTo(Duration.ofMillis(105));
    assertThat(faults.take(GET).delay()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void failuresAreAlsoHeldForTheLatency() {
    faults.latency(Duration.ofMillis(5));
    faults.failNext(1, 503);

    Faults.Injection injection = faults.take(GET);

    assertThat(injection.delay()).isEqualTo(Duration.ofMillis(5));
    assertThat(injection.response()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(503));
  }

  @Test
  void clearEndsTheLatency() {
    faults.latency(Duration.ofMillis(5));

    faults.clear();

    assertThat(faults.take(GET).delay()).isZero();
  }

  @Test
  void aNegativeLatencyIsRefused() {
    assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
