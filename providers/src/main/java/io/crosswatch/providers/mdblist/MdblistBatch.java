package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.providers.http.ServiceJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MDBList write ({@code movies}, {@code shows}; episodes nested in their show) and the per-item
 * outcomes read back from {@code not_found}. Assumed (unconfirmed): {@code not_found} echoes the
 * unresolved entries as arrays per group, as Trakt does; when it is only a count, items are
 * reported confirmed and the next snapshot shows whether they arrived.
 */
final class MdblistBatch {
  static final String NOT_FOUND = "not_found";

  private record Placed(Item item, String key, Ids matchIds) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode body = NODES.objectNode();
  private final List<Placed> placed = new ArrayList<>();
  private final Map<String, ObjectNode> shows = new HashMap<>();
  private final Map<String, ArrayNode> seasons = new HashMap<>();

  MdblistBatch() {
    body.putArray("movies");
    body.putArray("shows");
  }

  /** Adds an entry already shaped (flat ids, or {@code ids} plus fields). */
  void add(Item item, String key, ObjectNode entry) {
    ((ArrayNode) body.get(key)).add(entry);
    placed.add(new Placed(item, key, item.ids()));
  }

  /** Adds an episode nested under its show by season and number. */
  void addEpisode(Item item, ObjectNode fields) {
    Ids showIds = item.show().ids();
    String showKey = showIds.toString();
    ObjectNode show =
        shows.computeIfAbsent(
            showKey,
            k -> {
              ObjectNode s = ((ArrayNode) body.get("shows")).addObject();
              s.set("ids", MdblistItems.idsJson(showIds));
              s.putArray("seasons");
              return s;
            });
    ArrayNode episodes =
        seasons.computeIfAbsent(
            showKey + "#" + item.season(),
            k -> {
              ObjectNode season = ((ArrayNode) show.get("seasons")).addObject();
              season.put("number", item.season());
              return season.putArray("episodes");
            });
    episodes.addObject().put("number", item.number()).setAll(fields);
    placed.add(new Placed(item, "shows", showIds));
  }

  boolean isEmpty() {
    return placed.isEmpty();
  }

  String body() {
    return body.toString();
  }

  /** Per-item outcomes: items echoed in {@code not_found} are NOT_FOUND, the others confirmed. */
  List<ItemOutcome> outcomes(JsonNode answer) {
    boolean[] missing = new boolean[placed.size()];
    for (String key : List.of("movies", "shows")) {
      for (JsonNode echo : answer.path("not_found").path(key)) {
        Ids ids = echoIds(echo);
        for (int i = 0; i < placed.size(); i++) {
          Placed p = placed.get(i);
          if (p.key().equals(key) && p.matchIds().sharesAny(ids)) {
            missing[i] = true;
          }
        }
      }
    }
    List<ItemOutcome> out = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      Item item = placed.get(i).item();
      out.add(missing[i] ? ItemOutcome.notFound(item, NOT_FOUND) : ItemOutcome.confirmed(item));
    }
    return out;
  }

  private static Ids echoIds(JsonNode echo) {
    return echo.path("ids").isObject()
        ? MdblistItems.ids(echo)
        : ServiceJson.ids(echo, MdblistItems.KINDS);
  }
}
