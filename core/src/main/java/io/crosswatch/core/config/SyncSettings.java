package io.crosswatch.core.config;

/** The {@code sync} block. */
public record SyncSettings(
    RemoveMode oneWayRemoveMode,
    int tombstoneTtlDays,
    double maxRemoveRatio,
    int historyMatchWindowSec) {

  public static final SyncSettings DEFAULTS =
      new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 0.5, 60);
}
