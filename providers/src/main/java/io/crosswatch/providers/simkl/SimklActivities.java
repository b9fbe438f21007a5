package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * SIMKL's {@code GET /sync/activities} answer as change marks: per feature, the times whose change
 * means the feature's data may have changed. Equal marks mean unchanged data.
 *
 * <p>Each group ({@code movies}, {@code tv_shows}, {@code anime}) has a time per list ({@code
 * plantowatch}, {@code watching}, {@code completed}, {@code hold}, {@code dropped}; movies lack
 * watching and hold), {@code rated_at}, {@code removed_from_list} (a title deleted from the
 * library) and {@code playback}. A title moving between lists, or an episode marked watched, moves
 * a list time; so the watchlist and history depend on every list time of every group, and ratings
 * on {@code rated_at}; all three on {@code removed_from_list}, since a deleted title takes its
 * plays and rating with it. Progress (paused playbacks) depends on each group's {@code playback}.
 */
final class SimklActivities {
  private static final List<String> GROUPS = List.of("movies", "tv_shows", "anime");
  private static final Set<String> NOT_LISTS = Set.of("all", "rated_at", "playback");
  private static final String REMOVED = "removed_from_list";

  private final JsonNode root;

  SimklActivities(JsonNode root) {
    this.root = root;
  }

  /** The marks of a feature; empty when the answer lacks a group (then nothing may be reused). */
  Map<String, String> marks(Feature feature) {
    Map<String, String> marks = new LinkedHashMap<>();
    for (String name : GROUPS) {
      JsonNode group = root.path(name);
      if (!group.isObject()) {
        return Map.of();
      }
      if (feature == Feature.PROGRESS) {
        put(marks, name, "playback", group.get("playback"));
      } else if (feature == Feature.RATINGS) {
        put(marks, name, "rated_at", group.get("rated_at"));
        put(marks, name, REMOVED, group.get(REMOVED));
      } else {
        for (Map.Entry<String, JsonNode> e : group.properties()) {
          if (!NOT_LISTS.contains(e.getKey())) {
            put(marks, name, e.getKey(), e.getValue());
          }
        }
        // Assumed: a group always lists removed_from_list; an answer without it is still safe.
        marks.putIfAbsent(name + "." + REMOVED, "");
      }
    }
    return marks;
  }

  /** The time of the latest change of any kind, if SIMKL gave one. */
  Optional<String> lastActivity() {
    JsonNode all = root.path("all");
    return all.isString() ? Optional.of(all.stringValue()) : Optional.empty();
  }

  private static void put(Map<String, String> marks, String group, String field, JsonNode v) {
    // A time SIMKL has never set comes back as null: that is a mark too ("never").
    marks.put(group + "." + field, v == null || v.isNull() ? "" : v.asString());
  }
}
