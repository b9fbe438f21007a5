package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {
  private final FakeTime time = FakeTime.standard();

  @Test
  void theNextWriteWaitsTheFullIntervalFromThePreviousAnswer() {
    Pacer pacer = new Pacer(RatePolicy.of(Duration.ofSeconds(1), 0, Duration.ZERO), time);

    Pacer.Slot first = pacer.reserve(true);
    time.advance(Duration.ofMillis(300));
    pacer.done(first);

    // A service counting the first write on arrival (up to 300 ms after its slot began) must not
    // see the second one less than a second later.
    assertThat(pacer.reserve(true).waitTime()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aQuickAnswerKeepsTheIntervalFromTheSlot() {
    Pacer pacer = new Pacer(RatePolicy.of(Duration.ofSeconds(1), 0, Duration.ZERO), time);

    pacer.done(pacer.reserve(true));

    assertThat(pacer.reserve(true).waitTime()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theGetWindowCountsASlowGetFromItsAnswer() {
    Pacer pacer = new Pacer(RatePolicy.of(Duration.ZERO, 1, Duration.ofSeconds(10)), time);

    Pacer.Slot first = pacer.reserve(false);
    time.advance(Duration.ofSeconds(2));
    pacer.done(first);

    assertThat(pacer.reserve(false).waitTime()).isEqualTo(Duration.ofSeconds(10));
  }
}
