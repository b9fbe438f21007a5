package io.crosswatch.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsRandomTest {
  private static final FakeRequest GET =
      new FakeRequest("GET", "/sync/history", Map.of(), Map.of(), "");

  private static List<Integer> statuses(Faults faults, int requests) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      out.add(faults.take(GET).response().map(FakeResponse::status).orElse(200));
    }
    return out;
  }

  @Test
  void randomFailuresHitAboutTheShareAskedForAndRepeatForTheSameSeed() {
    Faults a = new Faults();
    a.failRandomly(0.2, 503, 42);
    Faults b = new Faults();
    b.failRandomly(0.2, 503, 42);

    List<Integer> first = statuses(a, 1000);

    assertThat(first).isEqualTo(statuses(b, 1000));
    assertThat(first.stream().filter(s -> s == 503).count()).isBetween(150L, 250L);
  }

  @Test
  void plannedFaultsComeFirstAndClearStopsRandomFailures() {
    Faults faults = new Faults();
    faults.failRandomly(1.0, 503, 1);
    faults.failNext(1, 520);

    assertThat(statuses(faults, 2)).containsExactly(520, 503);
    faults.clear();
    assertThat(statuses(faults, 5)).containsOnly(200);
  }
}
