package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's personal lists as playlists: {@code GET /users/me/lists} and each list's {@code
 * /items}; members are added and removed with {@code /sync}-like batches, and put in order with
 * {@code POST …/items/reorder}, which takes the list's whole order as list item ids. A free
 * account's caps (number of lists, items per list) answer 420; that stops the run's adds to
 * playlists with a message naming the cap.
 */
final class TraktPlaylists {
  private static final String LISTS = "/users/me/lists";

  /** One personal list as read. */
  private record TraktList(long id, String name, String description) {}

  private final TraktApi api;
  private final String label;
  private Map<String, TraktList> byKey;

  TraktPlaylists(TraktApi api, String label) {
    this.api = api;
    this.label = label;
  }

  /** Every member of every personal list, in rank order. */
  List<Item> snapshot() throws ProviderException {
    List<Item> members = new ArrayList<>();
    for (TraktList list : lists().values()) {
      List<JsonNode> rows = api.readAll(items(list), false);
      int position = 0;
      for (JsonNode row : rows) {
        Optional<Item> item = TraktItems.fromRow(row);
        if (item.isEmpty()) {
          continue; // people and other rows that are not titles
        }
        PlaylistRef ref =
            new PlaylistRef(
                list.name(), list.description(), position++, Long.toString(list.id()), false);
        members.add(
            item.get().withListedAt(TraktItems.parseTime(row, "listed_at")).withPlaylist(ref));
      }
    }
    return members;
  }

  WriteResult add(List<Item> members) throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, List<Item>> group : byPlaylist(members).entrySet()) {
      List<Item> items = group.getValue();
      TraktList list = findOrCreate(items.get(0).playlist());
      TraktBatch batch = TraktBatch.of(Feature.WATCHLIST, true, items);
      if (!batch.isEmpty()) {
        JsonNode answer = send(list, ApiRequest.post(items(list).path(), batch.body()), true);
        outcomes.addAll(batch.outcomes(answer));
        place(list, items);
      } else {
        outcomes.addAll(batch.settledOnly());
      }
    }
    return new WriteResult(outcomes);
  }

  WriteResult remove(List<Item> members) throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, List<Item>> group : byPlaylist(members).entrySet()) {
      List<Item> items = group.getValue();
      TraktList list = lists().get(group.getKey());
      if (list == null) {
        items.forEach(i -> outcomes.add(ItemOutcome.alreadyPresent(i)));
        continue;
      }
      TraktBatch batch = TraktBatch.of(Feature.WATCHLIST, false, items);
      if (batch.isEmpty()) {
        outcomes.addAll(batch.settledOnly());
        continue;
      }
      String path = items(list).path() + "/remove";
      outcomes.addAll(batch.outcomes(send(list, ApiRequest.post(path, batch.body()), false)));
    }
    return new WriteResult(outcomes);
  }

  /** Moves each member to its position, in the order given, with one reorder call per list. */
  WriteResult reorder(List<Item> members) throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, List<Item>> group : byPlaylist(members).entrySet()) {
      List<Item> items = group.getValue();
      TraktList list = lists().get(group.getKey());
      if (list == null) {
        items.forEach(i -> outcomes.add(ItemOutcome.notFound(i, "no such list on Trakt")));
        continue;
      }
      List<Item> missing = place(list, items);
      for (Item item : items) {
        outcomes.add(
            missing.contains(item)
                ? ItemOutcome.notFound(item, "not on the list")
                : ItemOutcome.confirmed(item));
      }
    }
    return new WriteResult(outcomes);
  }

  /** Forgets the lists read, e.g. after a write elsewhere. */
  void forget() {
    byKey = null;
  }

  /**
   * Puts the members that carry a position there, one after the other, and sends the resulting
   * order when it differs from the list's; returns the members not found on the list.
   */
  private List<Item> place(TraktList list, List<Item> members) throws ProviderException {
    List<Item> placed = members.stream().filter(m -> m.playlist().position() != null).toList();
    if (placed.isEmpty()) {
      return List.of();
    }
    List<JsonNode> rows = api.readAll(items(list), false);
    List<Long> order = new ArrayList<>();
    List<Item> titles = new ArrayList<>();
    for (JsonNode row : rows) {
      Optional<Item> item = TraktItems.fromRow(row);
      if (item.isPresent()) {
        order.add(row.path("id").asLong());
        titles.add(item.get());
      }
    }
    List<Long> before = List.copyOf(order);
    List<Item> missing = new ArrayList<>();
    for (Item member : placed) {
      int at = indexOf(titles, member);
      if (at < 0) {
        missing.add(member);
        continue;
      }
      Long entry = order.remove(at);
      Item title = titles.remove(at);
      int to = Math.min(member.playlist().position(), order.size());
      order.add(to, entry);
      titles.add(to, title);
    }
    if (!order.equals(before)) {
      ObjectNode body = TraktApi.MAPPER.createObjectNode();
      ArrayNode rank = body.putArray("rank");
      order.forEach(rank::add);
      send(list, ApiRequest.post(items(list).path() + "/reorder", body.toString()), false);
    }
    return missing;
  }

  private static int indexOf(List<Item> titles, Item member) {
    for (int i = 0; i < titles.size(); i++) {
      if (TraktItems.sameTitle(titles.get(i), member)) {
        return i;
      }
    }
    return -1;
  }

  private TraktList findOrCreate(PlaylistRef ref) throws ProviderException {
    TraktList known = lists().get(ref.key());
    if (known != null) {
      return known;
    }
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    body.put("name", ref.name().strip());
    if (ref.description() != null) {
      body.put("description", ref.description());
    }
    body.put("privacy", "private");
    HttpAnswer answer = api.answer(ApiRequest.post(LISTS, body.toString()));
    if (answer.status() == 420) {
      throw limit(
          answer,
          "the account may hold at most %s personal lists, so list '"
              + ref.name()
              + "' cannot be created; delete a list on Trakt or upgrade the account");
    }
    if (!answer.isSuccess()) {
      throw api.failure(answer);
    }
    TraktList created = list(api.json(answer));
    byKey.put(ref.key(), created);
    return created;
  }

  private JsonNode send(TraktList list, ApiRequest request, boolean add) throws ProviderException {
    HttpAnswer answer = api.answer(request);
    if (answer.status() == 420 && add) {
      throw limit(
          answer,
          "list '"
              + list.name()
              + "' may hold at most %s items on this account; "
              + "remove items on Trakt or upgrade the account");
    }
    if (!answer.isSuccess()) {
      throw api.failure(answer);
    }
    return api.json(answer);
  }

  private ProviderException limit(HttpAnswer answer, String message) {
    String cap = answer.header("X-Account-Limit").orElse("a limited number of");
    return ProviderException.permanent(
        Kind.LIMIT,
        label + " " + answer.describe() + ": account limit: " + String.format(message, cap));
  }

  private Map<String, TraktList> lists() throws ProviderException {
    if (byKey == null) {
      Map<String, TraktList> read = new LinkedHashMap<>();
      for (JsonNode row : api.readAll(LISTS, false)) {
        TraktList list = list(row);
        read.putIfAbsent(PlaylistRef.key(list.name()), list);
      }
      byKey = read;
    }
    return byKey;
  }

  private static TraktList list(JsonNode row) {
    String description =
        row.path("description").isString() ? row.get("description").asString() : null;
    return new TraktList(row.at("/ids/trakt").asLong(), row.path("name").asString(""), description);
  }

  private static ApiRequest items(TraktList list) {
    return ApiRequest.get(LISTS + "/" + list.id() + "/items");
  }

  private static Map<String, List<Item>> byPlaylist(List<Item> members) {
    Map<String, List<Item>> groups = new LinkedHashMap<>();
    for (Item m : members) {
      if (m.playlist() == null) {
        throw new IllegalArgumentException("a playlist member without its playlist: " + m.label());
      }
      groups.computeIfAbsent(m.playlist().key(), k -> new ArrayList<>()).add(m);
    }
    return groups;
  }
}
