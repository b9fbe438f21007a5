package io.crosswatch.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final FakeRequest GET = new FakeRequest("GET", "/Items", Map.of(), Map.of(), "");

  private static long failures(Faults faults, int requests) {
    long failed = 0;
    for (int i = 0; i < requests; i++) {
      if (faults.take(GET).response().isPresent()) {
        failed++;
      }
    }
    return failed;
  }

  @Test
  void randomFailuresHitAboutTheGivenShareWithTheGivenStatus() {
    Faults faults = new Faults();
    faults.failRandomly(0.2, 503, new SplittableRandom(1));

    assertThat(failures(faults, 2000)).isBetween(340L, 460L);
    faults.failNext(1, 500);
    assertThat(faults.take(GET).response().orElseThrow().status()).isEqualTo(500);
  }

  @Test
  void randomFailuresAnswerTheStatusAndStopWhenCleared() {
    Faults faults = new Faults();
    faults.failRandomly(1.0, 502, new SplittableRandom(1));

    assertThat(faults.take(GET).response().orElseThrow().status()).isEqualTo(502);
    faults.clear();
    assertThat(failures(faults, 100)).isZero();
  }
}
