package io.crosswatch.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.server.Json;
import io.crosswatch.server.runs.RunRecordJson;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/status's body: made once per change, and always what its sources say now. */
class StatusAnswerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RunRecord FINISHED =
      new RunRecord("run-1", T0, T0.plusSeconds(3), false, 0, "api");

  private final AtomicReference<String> running = new AtomicReference<>();
  private final AtomicReference<Instant> next = new AtomicReference<>();
  private final AtomicReference<RunRecord> last = new AtomicReference<>();
  private final AtomicInteger entriesMade = new AtomicInteger();

  private final StatusAnswer answer =
      new StatusAnswer(
          "1.2.3",
          () -> Optional.ofNullable(running.get()),
          () -> Optional.ofNullable(next.get()),
          () -> Optional.ofNullable(last.get()),
          r -> {
            entriesMade.incrementAndGet();
            return RunRecordJson.of(r);
          });

  private static JsonNode json(byte[] bytes) {
    return Json.MAPPER.readTree(bytes);
  }

  @Test
  void showsTheVersionAndNullsWhenNothingRanOrIsPlanned() {
    assertThat(new String(answer.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"version\":\"1.2.3\",\"running_run_id\":null,\"next_run_at\":null,"
                + "\"last_run\":null}");
  }

  @Test
  void showsTheRunGoingOnTheNextSlotAndTheLastRunAsTheRunsListHasIt() {
    running.set("run-2");
    next.set(T0.plusSeconds(3600));
    last.set(FINISHED);

    JsonNode s = json(answer.bytes());

    assertThat(s.propertyNames())
        .containsExactly("version", "running_run_id", "next_run_at", "last_run");
    assertThat(s.get("running_run_id").asString()).isEqualTo("run-2");
    assertThat(s.get("next_run_at").asString()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(s.get("last_run")).isEqualTo(Json.MAPPER.valueToTree(RunRecordJson.of(FINISHED)));
  }

  @Test
  void handsOutTheSameBytesWhileNothingInThemChanged() {
    last.set(FINISHED);
    byte[] first = answer.bytes();

    for (int i = 0; i < 100; i++) {
      last.set(new RunRecord("run-1", T0, T0.plusSeconds(3), false, 0, "api")); // equal, not same
      assertThat(answer.bytes()).isSameAs(first);
    }
    assertThat(entriesMade).hasValue(1);
  }

  @Test
  void eachChangeShowsInTheVeryNextAnswer() {
    last.set(FINISHED);
    byte[] before = answer.bytes();

    running.set("run-2");
    JsonNode started = json(answer.bytes());
    RunRecord going = new RunRecord("run-2", T0.plusSeconds(60), null, false, null, "schedule");
    last.set(going);
    JsonNode recorded = json(answer.bytes());
    next.set(T0.plusSeconds(7200));
    JsonNode planned = json(answer.bytes());
    running.set(null);
    last.set(new RunRecord("run-2", T0.plusSeconds(60), T0.plusSeconds(90), false, 1, "schedule"));
    JsonNode ended = json(answer.bytes());

    assertThat(json(before).get("running_run_id").isNull()).isTrue();
    assertThat(started.get("running_run_id").asString()).isEqualTo("run-2");
    assertThat(started.get("last_run").get("run_id").asString()).isEqualTo("run-1");
    assertThat(recorded.get("last_run").get("finished_at").isNull()).isTrue();
    assertThat(planned.get("next_run_at").asString()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(ended.get("running_run_id").isNull()).isTrue();
    assertThat(ended.get("last_run").get("exit_code").asInt()).isEqualTo(1);
  }
}
