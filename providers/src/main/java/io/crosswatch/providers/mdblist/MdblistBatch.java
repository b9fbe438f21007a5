package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.providers.http.ServiceJson;
import io.crosswatch.providers.http.SyncBody;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
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

  private final SyncBody body = new SyncBody(MdblistItems::idsJson);
  private final List<Placed> placed = new ArrayList<>();

  /** Adds an entry already shaped (flat ids, or {@code ids} plus fields). */
  void add(Item item, String key, ObjectNode entry) {
    body.add(key, entry);
    placed.add(new Placed(item, key, item.ids()));
  }

  /** Adds an episode nested under its show by season and number. */
  void addEpisode(Item item, ObjectNode fields) {
    Ids showIds = item.show().ids();
    body.addEpisode(showIds, item.season(), item.number()).setAll(fields);
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
