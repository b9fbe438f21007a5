package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesTheWaitUpToTheCap() {
    RetryPolicy p =
        new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5), 0, Duration.ZERO);
    SplittableRandom random = new SplittableRandom(1);

    assertThat(p.backoff(1, random)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(2, random)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(3, random)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(4, random)).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.backoff(60, random)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitterOnlyShortensTheWaitAndIsRepeatableWithASeed() {
    RetryPolicy p =
        new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5, Duration.ZERO);

    for (int i = 0; i < 200; i++) {
      Duration d = p.backoff(1, new SplittableRandom(i));
      assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
    assertThat(p.backoff(2, new SplittableRandom(42)))
        .isEqualTo(p.backoff(2, new SplittableRandom(42)));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5, Duration.ZERO))
        .hasMessageContaining("jitter");
  }
}
