package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One write in Trakt's batch format ({@code movies}, {@code shows}, {@code seasons}, {@code
 * episodes}) and the per-item outcomes read back from its answer.
 */
final class TraktBatch {
  /** Reason given to items Trakt does not know. */
  static final String NOT_FOUND = "not_found";

  /** How one item was put into the body; {@code matchIds} are the ids Trakt echoes back. */
  private record Placed(Item item, String group, Ids matchIds, boolean nested) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode body = NODES.objectNode();
  private final List<Placed> placed = new ArrayList<>();
  private final List<ItemOutcome> settled = new ArrayList<>();

  private TraktBatch() {
    for (String g : List.of("movies", "shows", "seasons", "episodes")) {
      body.putArray(g);
    }
  }

  /** The batch of a write; items that cannot be sent at all get their outcome at once. */
  static TraktBatch of(Feature feature, boolean add, List<Item> items) {
    TraktBatch b = new TraktBatch();
    for (Item item : items) {
      b.place(feature, add, item);
    }
    return b;
  }

  /** Whether anything is left to send. */
  boolean isEmpty() {
    return placed.isEmpty();
  }

  String body() {
    return body.toString();
  }

  private void place(Feature feature, boolean add, Item item) {
    if (feature == Feature.HISTORY
        && item.type() != MediaType.MOVIE
        && item.type() != MediaType.EPISODE) {
      settled.add(
          ItemOutcome.failed(
              item,
              "trakt history holds plays of movies and episodes, not " + item.type().key() + "s",
              false));
      return;
    }
    if (feature == Feature.RATINGS
        && add
        && (item.rating() == null || item.rating() < 1 || item.rating() > 10)) {
      settled.add(ItemOutcome.failed(item, "rating must be 1–10, got " + item.rating(), false));
      return;
    }
    ObjectNode fields = fields(feature, add, item);
    boolean child = item.type() == MediaType.SEASON || item.type() == MediaType.EPISODE;
    boolean hasTraktId = item.ids().value(IdKind.TRAKT) != null;
    if (child && !hasTraktId && canNest(item)) {
      ((ArrayNode) body.get("shows")).add(nested(item, fields));
      placed.add(new Placed(item, "shows", item.show().ids(), true));
    } else if (TraktItems.hasTraktIds(item.ids())) {
      ObjectNode entry = NODES.objectNode();
      entry.set("ids", TraktItems.idsJson(item.ids()));
      entry.setAll(fields);
      String group = item.type().key() + "s";
      ((ArrayNode) body.get(group)).add(entry);
      placed.add(new Placed(item, group, item.ids(), false));
    } else {
      settled.add(ItemOutcome.notFound(item, "no_ids"));
    }
  }

  /**
   * Episodes and seasons go nested under their show (by number) unless they carry a Trakt id: show
   * ids with numbers are what media servers know best, while bare episode ids from other databases
   * are the likeliest to be missing on Trakt.
   */
  private static boolean canNest(Item item) {
    return item.show() != null
        && TraktItems.hasTraktIds(item.show().ids())
        && item.season() != null
        && (item.type() == MediaType.SEASON || item.number() != null);
  }

  private static ObjectNode nested(Item item, ObjectNode fields) {
    ObjectNode show = NODES.objectNode();
    show.set("ids", TraktItems.idsJson(item.show().ids()));
    ObjectNode season = show.putArray("seasons").addObject();
    season.put("number", item.season());
    if (item.type() == MediaType.EPISODE) {
      ObjectNode episode = season.putArray("episodes").addObject();
      episode.put("number", item.number());
      episode.setAll(fields);
    } else {
      season.setAll(fields);
    }
    return show;
  }

  private static ObjectNode fields(Feature feature, boolean add, Item item) {
    ObjectNode f = NODES.objectNode();
    if (!add) {
      return f;
    }
    if (feature == Feature.HISTORY && item.watchedAt() != null) {
      f.put("watched_at", TraktItems.time(item.watchedAt()));
    }
    if (feature == Feature.RATINGS) {
      f.put("rating", item.rating());
      if (item.ratedAt() != null) {
        f.put("rated_at", TraktItems.time(item.ratedAt()));
      }
    }
    return f;
  }

  /**
   * Per-item outcomes from Trakt's answer: items echoed in {@code not_found} are NOT_FOUND; the
   * others succeeded. Trakt only counts the rest ({@code added}, {@code existing}, {@code
   * deleted}), so for an add an item is ALREADY_PRESENT only when nothing at all was added.
   */
  List<ItemOutcome> outcomes(JsonNode answer) {
    boolean[] missing = new boolean[placed.size()];
    JsonNode notFound = answer.path("not_found");
    for (String group : List.of("movies", "seasons", "episodes")) {
      for (JsonNode e : notFound.path(group)) {
        Ids ids = TraktItems.ids(e.get("ids"));
        markFlat(group, ids, missing);
      }
    }
    for (JsonNode e : notFound.path("shows")) {
      markShows(e, missing);
    }
    boolean nothingAdded =
        answer.has("existing")
            && total(answer.path("added")) == 0
            && total(answer.path("existing")) > 0;
    List<ItemOutcome> out = new ArrayList<>(settled);
    for (int i = 0; i < placed.size(); i++) {
      Item item = placed.get(i).item();
      if (missing[i]) {
        out.add(ItemOutcome.notFound(item, NOT_FOUND));
      } else {
        out.add(nothingAdded ? ItemOutcome.alreadyPresent(item) : ItemOutcome.confirmed(item));
      }
    }
    return out;
  }

  /** The items the body carries, in the order placed. */
  List<Item> sent() {
    return placed.stream().map(Placed::item).toList();
  }

  /** The outcomes when nothing was sent. */
  List<ItemOutcome> settledOnly() {
    return List.copyOf(settled);
  }

  private void markFlat(String group, Ids ids, boolean[] missing) {
    for (int i = 0; i < placed.size(); i++) {
      Placed p = placed.get(i);
      if (!p.nested() && p.group().equals(group) && p.matchIds().sharesAny(ids)) {
        missing[i] = true;
      }
    }
  }

  private void markShows(JsonNode entry, boolean[] missing) {
    Ids showIds = TraktItems.ids(entry.get("ids"));
    JsonNode seasons = entry.get("seasons");
    for (int i = 0; i < placed.size(); i++) {
      Placed p = placed.get(i);
      if (!p.group().equals("shows") || !p.matchIds().sharesAny(showIds)) {
        continue;
      }
      if (!p.nested() || seasons == null || !seasons.isArray() || seasonListed(seasons, p.item())) {
        missing[i] = true;
      }
    }
  }

  private static boolean seasonListed(JsonNode seasons, Item item) {
    for (JsonNode s : seasons) {
      if (s.path("number").asInt(-1) != item.season()) {
        continue;
      }
      JsonNode episodes = s.get("episodes");
      if (episodes == null || !episodes.isArray() || item.number() == null) {
        return true;
      }
      for (JsonNode e : episodes) {
        if (e.path("number").asInt(-1) == item.number()) {
          return true;
        }
      }
    }
    return false;
  }

  private static long total(JsonNode counts) {
    long sum = 0;
    for (JsonNode v : counts) {
      sum += v.asLong(0);
    }
    return sum;
  }
}
