package io.crosswatch.providers.tracker;

import java.nio.file.Path;

/** Writes the local tracker database as a FILE document. */
public final class TrackerExport {
  private TrackerExport() {}

  /**
   * Exports every feature of the tracker database to {@code out} (atomically).
   *
   * @return how many items were written
   */
  public static int export(Path trackerDatabase, Path out) throws java.io.IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Where the tracker database lives: {@code tracker.path} if set, else {@code <state_dir>/tracker.db}. */
  public static Path databasePath(String configuredPath, Path configDir, Path stateDir) {
    if (configuredPath == null || configuredPath.isBlank()) {
      return stateDir.resolve("tracker.db");
    }
    return configDir.resolve(configuredPath).normalize();
  }
}
