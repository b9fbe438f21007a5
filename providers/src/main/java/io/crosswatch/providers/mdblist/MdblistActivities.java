package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * MDBList's {@code GET /sync/last_activities} answer as change marks: per feature, the times whose
 * change means the feature's data may have changed. Equal marks mean unchanged data.
 *
 * <p>Assumed shape (unconfirmed: MDBList does not document it; this is what open-source clients,
 * MDBList's own Kodi add-on among them, read): one flat object of ISO-8601 times, {@code null} for
 * "never", e.g. {@code {"watchlisted_at": …, "watched_at": …, "season_watched_at": null,
 * "episode_watched_at": …, "rated_at": …, "collected_at": …, "paused_at": …, "dropped_at": …,
 * "journal_at": …, "server_time": …}}. {@code server_time} is the server's clock, not an activity,
 * and is ignored. Removals (unwatching, unrating) are reported to move only {@code journal_at}, not
 * their feature's time, so every feature's marks include {@code journal_at}; as the journal most
 * likely records additions too, any change on MDBList makes every feature read again.
 */
final class MdblistActivities {
  static final String JOURNAL = "journal_at";

  /** Per feature: its own times, the first of which must be present (null is fine). */
  private static final Map<Feature, List<String>> KEYS =
      Map.of(
          Feature.WATCHLIST, List.of("watchlisted_at"),
          Feature.HISTORY, List.of("watched_at", "episode_watched_at", "season_watched_at"),
          Feature.RATINGS, List.of("rated_at"));

  private final JsonNode root;

  MdblistActivities(JsonNode root) {
    this.root = root;
  }

  /**
   * The marks of a feature; empty (so nothing may be reused) when the answer is not an object or
   * lacks the feature's main time or {@code journal_at}: another shape than assumed proves nothing.
   */
  Map<String, String> marks(Feature feature) {
    List<String> keys = KEYS.get(feature);
    if (keys == null || !root.isObject() || !root.has(keys.get(0)) || !root.has(JOURNAL)) {
      return Map.of();
    }
    Map<String, String> marks = new LinkedHashMap<>();
    for (String key : keys) {
      marks.put(key, value(root.get(key)));
    }
    marks.put(JOURNAL, value(root.get(JOURNAL)));
    return marks;
  }

  private static String value(JsonNode v) {
    // A time never set comes back as null (or is left out): that is a mark too ("never").
    return v == null || v.isNull() ? "" : v.asString();
  }
}
