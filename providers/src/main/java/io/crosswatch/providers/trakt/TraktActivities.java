package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Trakt's {@code GET /sync/last_activities} answer as change marks: per feature, the activity times
 * whose change means the feature's data changed. Equal marks mean unchanged data.
 */
final class TraktActivities {
  private static final List<String> WATCHLIST =
      List.of(
          "movies.watchlisted_at",
          "shows.watchlisted_at",
          "seasons.watchlisted_at",
          "episodes.watchlisted_at",
          "watchlist.updated_at");
  private static final List<String> HISTORY = List.of("movies.watched_at", "episodes.watched_at");
  private static final List<String> RATINGS =
      List.of("movies.rated_at", "shows.rated_at", "seasons.rated_at", "episodes.rated_at");
  private static final List<String> ACCOUNT = List.of("account.settings_at");
  // Assumed (Trakt documents the fields, not every action that moves them): lists.updated_at moves
  // when a personal list or its items change, paused_at when a resume point is saved or removed.
  private static final List<String> LISTS = List.of("lists.updated_at");
  private static final List<String> PROGRESS = List.of("movies.paused_at", "episodes.paused_at");

  private final JsonNode root;

  TraktActivities(JsonNode root) {
    this.root = root;
  }

  /**
   * The marks of a feature; empty when the answer lacks any of them (then nothing may be reused).
   */
  Map<String, String> marks(Feature feature) {
    switch (feature) {
      case WATCHLIST:
        return pick(WATCHLIST);
      case HISTORY:
        return pick(HISTORY);
      case RATINGS:
        return pick(RATINGS);
      case PLAYLISTS:
        return pick(LISTS);
      case PROGRESS:
        return pick(PROGRESS);
      default:
        return Map.of();
    }
  }

  /** The marks of the account settings (watchlist limit, VIP). */
  Map<String, String> accountMarks() {
    return pick(ACCOUNT);
  }

  private Map<String, String> pick(List<String> keys) {
    Map<String, String> marks = new LinkedHashMap<>();
    for (String key : keys) {
      int dot = key.indexOf('.');
      JsonNode v = root.path(key.substring(0, dot)).path(key.substring(dot + 1));
      if (!v.isString() || v.stringValue().isBlank()) {
        return Map.of();
      }
      marks.put(key, v.stringValue());
    }
    return marks;
  }
}
