package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void isTheUtcStartTimeAndAFourDigitHexSuffix() {
    Clock paris = Clock.fixed(Instant.parse("2026-11-28T06:15:00Z"), ZoneId.of("Europe/Paris"));

    String id = RunIds.next(paris, new SplittableRandom(1));

    assertThat(id).matches("20261128T061500Z-[0-9a-f]{4}");
  }

  @Test
  void twoRunsInTheSameSecondGetDifferentIds() {
    SplittableRandom random = new SplittableRandom(42);

    assertThat(RunIds.next(Cli.CLOCK, random)).isNotEqualTo(RunIds.next(Cli.CLOCK, random));
  }
}
