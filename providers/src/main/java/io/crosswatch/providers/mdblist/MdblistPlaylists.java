package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user's MDBList lists as playlists: read with {@code GET /lists/user} and {@code GET
 * /lists/{id}/items} (paged), members added and removed with {@code POST
 * /lists/{id}/items/add|remove} (flat imdb/tmdb ids, movies and shows only), a missing list created
 * with {@code POST /lists/user/add}. Dynamic lists (MDBList fills them from filters) are read as
 * read-only playlists, never written, with a warning naming them. MDBList lists keep no order the
 * API can set: members are appended. The shapes are those open-source clients use; MDBList's
 * documentation of them was not found.
 */
final class MdblistPlaylists {
  private static final String READ_ONLY = "read-only playlist";

  private final MdblistApi api;
  private final DiagnosticLog log;
  private final String label;

  /** The lists of the last read: name key → (id, dynamic). */
  private Map<String, Held> lists;

  private record Held(String id, String name, boolean dynamic) {}

  MdblistPlaylists(MdblistApi api, DiagnosticLog log, String label) {
    this.api = api;
    this.log = log;
    this.label = label;
  }

  /** Every member of every list, with its list's name, position, id and read-only flag. */
  List<Item> snapshot() throws ProviderException {
    List<Item> members = new ArrayList<>();
    Map<String, Held> read = readLists();
    for (Held list : read.values()) {
      if (list.dynamic()) {
        log.warn(
            label
                + ": list \""
                + list.name()
                + "\" is dynamic (MDBList fills it from filters): it is read, never written");
      }
      int position = 0;
      ApiRequest base =
          ApiRequest.get("/lists/" + list.id() + "/items")
              .withQuery("unified", "true")
              .withTemplate("/lists/{id}/items");
      for (MdblistApi.Page page : api.readAll(base, List.of("movies", "shows"))) {
        for (String group : List.of("movies", "shows")) {
          for (JsonNode row : page.body().path(group)) {
            Item title =
                MdblistItems.watchlistRow(
                    row, group.equals("movies") ? MediaType.MOVIE : MediaType.SHOW);
            PlaylistRef ref =
                new PlaylistRef(list.name(), null, position++, list.id(), list.dynamic());
            members.add(title.withListedAt(null).withPlaylist(ref));
          }
        }
      }
    }
    return members;
  }

  private Map<String, Held> readLists() throws ProviderException {
    Map<String, Held> read = new LinkedHashMap<>();
    JsonNode rows = api.call(ApiRequest.get("/lists/user"));
    for (JsonNode row : rows.isArray() ? rows : rows.path("lists")) {
      String name = row.path("name").asString("");
      if (row.get("id") == null || name.isBlank()) {
        continue;
      }
      read.putIfAbsent(
          PlaylistRef.key(name),
          new Held(row.get("id").asString(), name, row.path("dynamic").asBoolean(false)));
    }
    lists = read;
    return read;
  }

  /** Adds each member to its list, creating a static list of that name when there is none. */
  WriteResult add(List<Item> members) throws ProviderException {
    return write(members, true);
  }

  /** Removes each member from its list; a list that does not exist has nothing to remove. */
  WriteResult remove(List<Item> members) throws ProviderException {
    return write(members, false);
  }

  private WriteResult write(List<Item> members, boolean add) throws ProviderException {
    if (lists == null) {
      readLists();
    }
    List<ItemOutcome> outcomes = new ArrayList<>();
    Map<String, List<Item>> byList = new LinkedHashMap<>();
    for (Item member : members) {
      if (member.playlist() == null) {
        outcomes.add(ItemOutcome.failed(member, "member names no playlist", false));
      } else if (member.type() != MediaType.MOVIE && member.type() != MediaType.SHOW) {
        outcomes.add(ItemOutcome.notFound(member, MdblistProvider.NOT_LISTABLE));
      } else if (!MdblistItems.hasFlatIds(member.ids())) {
        outcomes.add(ItemOutcome.notFound(member, MdblistProvider.NO_IDS));
      } else {
        byList.computeIfAbsent(member.playlist().key(), k -> new ArrayList<>()).add(member);
      }
    }
    for (List<Item> group : byList.values()) {
      outcomes.addAll(writeList(group, add));
    }
    return new WriteResult(outcomes);
  }

  private List<ItemOutcome> writeList(List<Item> group, boolean add) throws ProviderException {
    PlaylistRef ref = group.get(0).playlist();
    Held list = lists.get(ref.key());
    if (list == null && !add) {
      return group.stream().map(ItemOutcome::alreadyPresent).toList();
    }
    if (list != null && list.dynamic()) {
      return group.stream().map(m -> ItemOutcome.failed(m, READ_ONLY, false)).toList();
    }
    if (list == null) {
      Created created = create(ref.name());
      if (created.list() == null) {
        return group.stream().map(m -> ItemOutcome.failed(m, created.refusal(), false)).toList();
      }
      list = created.list();
    }
    MdblistBatch batch = new MdblistBatch();
    for (Item member : group) {
      batch.add(
          member,
          member.type() == MediaType.MOVIE ? "movies" : "shows",
          MdblistItems.flatIds(member.ids()));
    }
    String path = "/lists/" + list.id() + "/items/" + (add ? "add" : "remove");
    HttpAnswer answer =
        api.answer(
            ApiRequest.post(path, batch.body())
                .withTemplate("/lists/{id}/items/" + (add ? "add" : "remove")));
    if (answer.isSuccess()) {
      return batch.outcomes(api.json(answer));
    }
    if (answer.status() == 403) {
      // A limit reached or a list that cannot be edited: the service's own words say which.
      String refusal = answer.describe() + ": " + reason(answer);
      return group.stream().map(m -> ItemOutcome.failed(m, refusal, false)).toList();
    }
    throw api.failure(answer);
  }

  /** A created list, or why MDBList refused to create it. */
  private record Created(Held list, String refusal) {}

  private Created create(String name) throws ProviderException {
    ObjectNode body = MdblistApi.MAPPER.createObjectNode().put("name", name);
    HttpAnswer answer = api.answer(ApiRequest.post("/lists/user/add", body.toString()));
    if (answer.status() == 403) {
      // The account's list limit: the service's own words say so.
      return new Created(null, answer.describe() + ": " + reason(answer));
    }
    if (!answer.isSuccess()) {
      throw api.failure(answer);
    }
    JsonNode o = api.json(answer);
    JsonNode created = o.has("list") ? o.get("list") : o;
    if (created.get("id") == null) {
      return new Created(null, answer.describe() + ": the answer names no list id");
    }
    Held held = new Held(created.get("id").asString(), name, false);
    lists.put(PlaylistRef.key(name), held);
    return new Created(held, null);
  }

  private static String reason(HttpAnswer answer) {
    try {
      JsonNode error = MdblistApi.MAPPER.readTree(answer.body()).get("error");
      return error != null && error.isString() ? error.stringValue() : "refused";
    } catch (RuntimeException e) {
      return "refused";
    }
  }
}
