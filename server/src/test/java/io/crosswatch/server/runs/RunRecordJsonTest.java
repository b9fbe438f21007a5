package io.crosswatch.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.server.Json;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** A runs-list entry, written from a map or straight to a generator, is the same JSON. */
class RunRecordJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

  private static String written(RunRecord r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      RunRecordJson.write(g, r);
    }
    return out.toString();
  }

  @Test
  void aFinishedRunIsWrittenAsItsMap() {
    RunRecord r = new RunRecord("20260301T100000Z-ab12", T0, T0.plusSeconds(3), true, 2, "api");

    assertThat(written(r))
        .isEqualTo(Json.MAPPER.writeValueAsString(RunRecordJson.of(r)))
        .isEqualTo(
            "{\"run_id\":\"20260301T100000Z-ab12\",\"started_at\":\"2026-03-01T10:00:00.123Z\","
                + "\"finished_at\":\"2026-03-01T10:00:03.123Z\",\"exit_code\":2,\"dry_run\":true,"
                + "\"trigger\":\"api\"}");
  }

  @Test
  void aRunningRunIsWrittenWithNullsAsItsMap() {
    RunRecord r = new RunRecord("run-2", T0, null, false, null, "schedule");

    assertThat(written(r))
        .isEqualTo(Json.MAPPER.writeValueAsString(RunRecordJson.of(r)))
        .contains("\"finished_at\":null,\"exit_code\":null");
  }
}
