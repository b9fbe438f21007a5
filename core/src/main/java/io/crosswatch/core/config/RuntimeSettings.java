package io.crosswatch.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code runtime} block.
 *
 * @param stateDir the configured {@code runtime.state_dir}, resolved against the config folder;
 *     {@code null} when empty (then {@code $CW_STATE_DIR} or the XDG default applies)
 * @param keepRunLogs how many run event logs ({@code <state_dir>/logs/*.jsonl}) to keep, the
 *     current run's included; older ones are deleted when a run opens its log
 */
public record RuntimeSettings(
    boolean debug,
    boolean debugHttp,
    boolean debugMods,
    java.nio.file.Path stateDir,
    boolean telemetryEnabled,
    int snapshotTtlSec,
    int applyChunkSize,
    int applyChunkPauseMs,
    Map<String, Integer> applyChunkSizeByProvider,
    int suspectMinPrev,
    double suspectShrinkRatio,
    int keepRunLogs) {

  /** The default of {@code keep_run_logs}. */
  public static final int DEFAULT_KEEP_RUN_LOGS = 200;

  public static final RuntimeSettings DEFAULTS =
      new RuntimeSettings(
          false,
          false,
          false,
          null,
          false,
          300,
          100,
          50,
          Map.of(),
          20,
          0.10,
          DEFAULT_KEEP_RUN_LOGS);

  public RuntimeSettings {
    applyChunkSizeByProvider = Map.copyOf(applyChunkSizeByProvider);
  }

  /** Chunk size for writes to one provider (its own size, else {@code apply_chunk_size}). */
  public int chunkSizeFor(String provider) {
    return namedChunkSize(provider).orElse(applyChunkSize);
  }

  /** The chunk size {@code apply_chunk_size_by_provider} gives a provider, if it names it. */
  public OptionalInt namedChunkSize(String provider) {
    Objects.requireNonNull(provider, "provider");
    Integer size = applyChunkSizeByProvider.get(provider);
    return size == null ? OptionalInt.empty() : OptionalInt.of(size);
  }

  /** The same settings with another state dir (the one a command or the service resolved). */
  public RuntimeSettings withStateDir(Path dir) {
    return new RuntimeSettings(
        debug,
        debugHttp,
        debugMods,
        dir,
        telemetryEnabled,
        snapshotTtlSec,
        applyChunkSize,
        applyChunkPauseMs,
        applyChunkSizeByProvider,
        suspectMinPrev,
        suspectShrinkRatio,
        keepRunLogs);
  }
}
