package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.providers.http.SyncBody;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One write in SIMKL's body format ({@code movies}, {@code shows}; episodes nested in their show by
 * season and number) and the per-item outcomes read back from its {@code not_found}.
 */
final class SimklBatch {
  /** Reason given to items SIMKL does not know. */
  static final String NOT_FOUND = "not_found";

  /** How one item was put into the body; {@code matchIds} are the ids SIMKL echoes back. */
  private record Placed(Item item, String key, Ids matchIds, boolean nested) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SyncBody body = new SyncBody(SimklItems::idsJson);
  private final List<Placed> placed = new ArrayList<>();

  /** Adds a movie or show entry ({@code ids} plus {@code fields}) under {@code key}. */
  void add(Item item, String key, Ids ids, ObjectNode fields) {
    ObjectNode entry = NODES.objectNode();
    entry.set("ids", SimklItems.idsJson(ids));
    entry.setAll(fields);
    body.add(key, entry);
    placed.add(new Placed(item, key, ids, false));
  }

  /** Adds an episode (with season and number) nested under its show, named by {@code showIds}. */
  void addEpisode(Item item, Ids showIds, ObjectNode fields) {
    body.addEpisode(showIds, item.season(), item.number()).setAll(fields);
    placed.add(new Placed(item, "shows", showIds, true));
  }

  boolean isEmpty() {
    return placed.isEmpty();
  }

  String body() {
    return body.toString();
  }

  /** Every item placed, in order. */
  List<Item> items() {
    List<Item> items = new ArrayList<>(placed.size());
    placed.forEach(p -> items.add(p.item()));
    return items;
  }

  /** Per-item outcomes: items echoed in {@code not_found} are NOT_FOUND, the others confirmed. */
  List<ItemOutcome> outcomes(JsonNode answer) {
    boolean[] missing = new boolean[placed.size()];
    JsonNode notFound = answer.path("not_found");
    for (JsonNode e : notFound.path("movies")) {
      mark("movies", e, missing);
    }
    for (JsonNode e : notFound.path("shows")) {
      mark("shows", e, missing);
    }
    // Assumed: SIMKL may list anime it could not resolve under "anime" as well.
    for (JsonNode e : notFound.path("anime")) {
      mark("shows", e, missing);
    }
    List<ItemOutcome> out = new ArrayList<>(placed.size());
    for (int i = 0; i < placed.size(); i++) {
      Item item = placed.get(i).item();
      out.add(missing[i] ? ItemOutcome.notFound(item, NOT_FOUND) : ItemOutcome.confirmed(item));
    }
    return out;
  }

  private void mark(String key, JsonNode echo, boolean[] missing) {
    Ids ids = SimklItems.ids(echo.get("ids"));
    JsonNode seasonList = echo.get("seasons");
    for (int i = 0; i < placed.size(); i++) {
      Placed p = placed.get(i);
      if (!p.key().equals(key) || !p.matchIds().sharesAny(ids)) {
        continue;
      }
      if (!p.nested() || seasonList == null || !seasonList.isArray()) {
        missing[i] = true;
      } else if (listed(seasonList, p.item())) {
        missing[i] = true;
      }
    }
  }

  private static boolean listed(JsonNode seasonList, Item item) {
    for (JsonNode s : seasonList) {
      if (SimklItems.integer(s.get("number")) == null
          || SimklItems.integer(s.get("number")).intValue() != item.season()) {
        continue;
      }
      JsonNode episodes = s.get("episodes");
      if (episodes == null || !episodes.isArray()) {
        return true;
      }
      for (JsonNode e : episodes) {
        Integer n = SimklItems.integer(e.get("number"));
        if (n != null && n.intValue() == item.number()) {
          return true;
        }
      }
    }
    return false;
  }
}
