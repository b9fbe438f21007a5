package io.crosswatch.server.runs;

import io.crosswatch.core.state.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A runs-list entry as the API writes it. */
public final class RunRecordJson {
  private RunRecordJson() {}

  /** {@code {"run_id", "started_at", "finished_at", "exit_code", "dry_run", "trigger"}}. */
  public static Map<String, Object> of(RunRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", r.runId());
    m.put("started_at", r.startedAt().toString());
    m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    m.put("exit_code", r.exitCode());
    m.put("dry_run", r.dryRun());
    m.put("trigger", r.trigger());
    return m;
  }

  /** Writes {@link #of} of {@code r} to {@code g}, without making the map. */
  public static void write(JsonGenerator g, RunRecord r) {
    g.writeStartObject();
    g.writeStringProperty("run_id", r.runId());
    g.writeStringProperty("started_at", r.startedAt().toString());
    g.writeStringProperty("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    if (r.exitCode() == null) {
      g.writeNullProperty("exit_code");
    } else {
      g.writeNumberProperty("exit_code", r.exitCode().intValue());
    }
    g.writeBooleanProperty("dry_run", r.dryRun());
    g.writeStringProperty("trigger", r.trigger());
    g.writeEndObject();
  }
}
