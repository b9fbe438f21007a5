package io.crosswatch.server.api;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.server.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The body of {@code GET /api/status}, {@code {"version", "running_run_id", "next_run_at",
 * "last_run"}}, serialized once per change and handed out as the same bytes until the next one.
 *
 * <p>Each answer still asks its three sources for their values now — the run holding the state
 * lock, the next scheduled slot, the newest run — which their owners keep cheap to read and as
 * fresh as reading the lock file, config file and state database on the spot. Only when one of them
 * differs from what the kept bytes were made of is the document built and serialized again. So a
 * run starting or ending (here or on the command line), a schedule edit and a new slot each show in
 * the very next answer, and many clients polling an unchanged status share one document. Safe for
 * concurrent use without a lock: two requests seeing the same change may both build it.
 */
public final class StatusAnswer {
  private final String version;
  private final Supplier<Optional<String>> runningRunId;
  private final Supplier<Optional<Instant>> nextRunAt;
  private final Supplier<Optional<RunRecord>> lastRun;
  private final Function<RunRecord, Map<String, Object>> runEntry;
  private volatile Built built;

  /**
   * @param runningRunId the run holding the state lock now (this service's or a command line's)
   * @param nextRunAt when the next scheduled run starts
   * @param lastRun the newest run (a running one included), as {@code GET /api/runs} lists it
   * @param runEntry a run as a runs-list entry
   */
  public StatusAnswer(
      String version,
      Supplier<Optional<String>> runningRunId,
      Supplier<Optional<Instant>> nextRunAt,
      Supplier<Optional<RunRecord>> lastRun,
      Function<RunRecord, Map<String, Object>> runEntry) {
    this.version = Objects.requireNonNull(version, "version");
    this.runningRunId = Objects.requireNonNull(runningRunId, "runningRunId");
    this.nextRunAt = Objects.requireNonNull(nextRunAt, "nextRunAt");
    this.lastRun = Objects.requireNonNull(lastRun, "lastRun");
    this.runEntry = Objects.requireNonNull(runEntry, "runEntry");
  }

  /** The status as UTF-8 JSON; the same array while nothing in it changed (not to be modified). */
  public byte[] bytes() {
    Shown now =
        new Shown(
            runningRunId.get().orElse(null),
            nextRunAt.get().orElse(null),
            lastRun.get().orElse(null));
    Built b = built;
    if (b != null && b.shown().equals(now)) {
      return b.bytes();
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(document(now));
    built = new Built(now, bytes);
    return bytes;
  }

  private Map<String, Object> document(Shown s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("running_run_id", s.runningRunId());
    m.put("next_run_at", s.nextRunAt() == null ? null : s.nextRunAt().toString());
    m.put("last_run", s.lastRun() == null ? null : runEntry.apply(s.lastRun()));
    return m;
  }

  /** What a status shows, apart from the version. */
  private record Shown(String runningRunId, Instant nextRunAt, RunRecord lastRun) {}

  private record Built(Shown shown, byte[] bytes) {}
}
