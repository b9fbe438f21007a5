package io.crosswatch.core.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A failed call waits for what the sink asked, else for a capped, jittered exponential backoff. */
class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(new Random(1));

  @Test
  void theWaitTheSinkAskedForIsHonouredUpToSixHours() {
    assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(37))))
        .isEqualTo(Duration.ofSeconds(37));
    assertThat(policy.delay(9, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
    assertThat(policy.delay(1, Optional.of(Duration.ofDays(2))))
        .isEqualTo(RetryPolicy.LONGEST_RETRY_AFTER);
  }

  @Test
  void withoutRetryAfterTheWaitDoublesWithJitterUpToTheCap() {
    for (int failures = 1; failures <= 40; failures++) {
      long ceiling =
          Math.min(
              RetryPolicy.CAP.toMillis(),
              RetryPolicy.BASE.toMillis() << Math.min(failures - 1, 20));
      Duration wait = policy.delay(failures, Optional.empty());
      assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void theJitterSpreadsRetriesOfTheSameAttempt() {
    assertThat(
            java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> policy.delay(3, Optional.empty()))
                .distinct()
                .count())
        .isGreaterThan(10);
  }

  @Test
  void aNegativeRetryAfterFallsBackToTheBackoff() {
    assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(-5))))
        .isBetween(Duration.ofMillis(2500), RetryPolicy.BASE);
  }
}
