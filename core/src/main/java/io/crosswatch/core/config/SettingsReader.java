package io.crosswatch.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads the {@code runtime} and {@code sync} blocks over their defaults. */
final class SettingsReader {
  private static final Map<String, RemoveMode> REMOVE_MODES =
      byKey(RemoveMode.values(), RemoveMode::key);

  private SettingsReader() {}

  /**
   * {@code runtime}; a relative {@code state_dir} resolves against {@code configDir}, and {@code
   * apply_chunk_size_by_provider} takes the providers of {@code names}.
   */
  static RuntimeSettings runtime(ConfigObject block, Path configDir, ProviderNames names) {
    RuntimeSettings d = RuntimeSettings.DEFAULTS;
    boolean debug = block.bool("debug", d.debug());
    boolean debugHttp = block.bool("debug_http", d.debugHttp());
    boolean debugMods = block.bool("debug_mods", d.debugMods());
    Path stateDir = stateDir(block, configDir);
    boolean telemetry =
        block.object("telemetry").map(SettingsReader::telemetry).orElse(d.telemetryEnabled());
    int snapshotTtl = block.integer("snapshot_ttl_sec", 0, d.snapshotTtlSec());
    int chunkSize = block.integer("apply_chunk_size", 1, d.applyChunkSize());
    int chunkPause = block.integer("apply_chunk_pause_ms", 0, d.applyChunkPauseMs());
    Map<String, Integer> chunkSizes =
        block
            .object("apply_chunk_size_by_provider")
            .map(sizes -> chunkSizes(sizes, names))
            .orElse(d.applyChunkSizeByProvider());
    int suspectMinPrev = block.integer("suspect_min_prev", 0, d.suspectMinPrev());
    double shrinkRatio = block.fraction("suspect_shrink_ratio", d.suspectShrinkRatio());
    int keepRunLogs = block.integer("keep_run_logs", 1, d.keepRunLogs());
    block.warnUnknownKeys();
    return new RuntimeSettings(
        debug,
        debugHttp,
        debugMods,
        stateDir,
        telemetry,
        snapshotTtl,
        chunkSize,
        chunkPause,
        chunkSizes,
        suspectMinPrev,
        shrinkRatio,
        keepRunLogs);
  }

  /** {@code sync}. */
  static SyncSettings sync(ConfigObject block) {
    SyncSettings d = SyncSettings.DEFAULTS;
    RemoveMode removeMode = block.oneOf("one_way_remove_mode", REMOVE_MODES, d.oneWayRemoveMode());
    int tombstoneTtl = block.integer("tombstone_ttl_days", 0, d.tombstoneTtlDays());
    double maxRemoveRatio = block.fraction("max_remove_ratio", d.maxRemoveRatio());
    int matchWindow = block.integer("history_match_window_sec", 0, d.historyMatchWindowSec());
    UnfollowedKeys.readSync(block);
    block.warnUnknownKeys();
    return new SyncSettings(removeMode, tombstoneTtl, maxRemoveRatio, matchWindow);
  }

  /** Config spelling → value, in declaration order (the order messages list them). */
  static <E> Map<String, E> byKey(E[] values, Function<E, String> key) {
    Map<String, E> map = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> map.put(key.apply(v), v));
    return map;
  }

  private static Path stateDir(ConfigObject block, Path configDir) {
    String value = block.string("state_dir", "");
    if (value.isEmpty()) {
      return null;
    }
    try {
      return configDir.resolve(value).normalize();
    } catch (InvalidPathException e) {
      block.error("state_dir", "is not a valid path: " + e.getReason());
      return null;
    }
  }

  private static boolean telemetry(ConfigObject block) {
    boolean enabled = block.bool("enabled", RuntimeSettings.DEFAULTS.telemetryEnabled());
    block.warnUnknownKeys();
    return enabled;
  }

  private static Map<String, Integer> chunkSizes(ConfigObject block, ProviderNames names) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String name : block.keys()) {
      if (!names.isKnown(name)) {
        block.take(name);
        if (name.matches("[A-Z][A-Z0-9_]*")) {
          // CrossWatch configs size chunks for services this build does not have; keep them
          // loading.
          block.warn(name, "provider " + name + " is not available in this build; ignored");
        } else {
          block.error(name, names.unknownMessage(name));
        }
        continue;
      }
      int size = block.integer(name, 1, 0);
      if (size >= 1) {
        sizes.put(name, size);
      }
    }
    return sizes;
  }
}
