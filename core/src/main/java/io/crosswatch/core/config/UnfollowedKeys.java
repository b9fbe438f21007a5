package io.crosswatch.core.config;

import tools.jackson.databind.JsonNode;

/**
 * CrossWatch's {@code sync} keys that crosswatch reads only to say it does not follow them: each
 * value whose CrossWatch meaning differs from what crosswatch does gets a warning of its own saying
 * what happens instead. Values that agree with crosswatch's behaviour pass silently.
 *
 * <p>Their values are never errors: a config written for CrossWatch must load whatever they hold.
 */
final class UnfollowedKeys {
  private UnfollowedKeys() {}

  /** Reads the CrossWatch-only keys of {@code sync}, warning about those not followed. */
  static void readSync(ConfigObject sync) {
    if (isTrue(sync.take("allow_mass_delete"))) {
      sync.warn(
          "allow_mass_delete",
          "true is not followed; removals over sync.max_remove_ratio are held back");
    }
    if (isFalse(sync.take("drop_guard"))) {
      sync.warn(
          "drop_guard",
          "false is not followed; a side whose snapshot shrinks below"
              + " runtime.suspect_shrink_ratio of its last known size is neither written to nor"
              + " removed from");
    }
    JsonNode blackbox = sync.take("blackbox");
    if (blackbox != null) {
      sync.warn(
          "blackbox",
          "is not followed; transient failures (rate limits, 5xx, timeouts) are retried and stay"
              + " planned, never parked; only items a service rejects 3 runs in a row are parked"
              + " for 30 days (cw state)");
    }
    if (isTrue(sync.take("dry_run"))) {
      sync.warn(
          "dry_run",
          "true is not followed; cw run writes changes (cw plan or cw run --dry-run only plans)");
    }
    if (isFalse(sync.take("include_observed_deletes"))) {
      sync.warn(
          "include_observed_deletes",
          "false is not followed; removals follow each pair's features (\"remove\") and"
              + " sync.one_way_remove_mode");
    }
  }

  private static boolean isTrue(JsonNode value) {
    return value != null && value.isBoolean() && value.booleanValue();
  }

  private static boolean isFalse(JsonNode value) {
    return value != null && value.isBoolean() && !value.booleanValue();
  }
}
