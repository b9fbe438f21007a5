package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The user's video playlists: listed as items of type {@code Playlist}, read with {@code GET
 * /Playlists/{id}/Items}, created with their first members ({@code POST /Playlists}), added to
 * ({@code POST /Playlists/{id}/Items?Ids=}), taken from by entry id ({@code DELETE
 * /Playlists/{id}/Items?EntryIds=}; an entry's {@code PlaylistItemId}) and reordered one entry per
 * call ({@code POST /Playlists/{id}/Items/{entryId}/Move/{index}}). Members are the library's
 * movies and episodes; the playlist that stands in for the watchlist, when configured, is left out.
 */
final class MediaBrowserPlaylists {
  /** One entry: its own id (for removing and moving) and its item's id. */
  private record Entry(String entryId, String itemId) {}

  /** One playlist as read; its entries list is changed in place as writes succeed. */
  private record ServerPlaylist(String id, String name, List<Entry> entries) {}

  private final MediaBrowserApi api;
  private final String userId;
  private final String watchlistKey;
  private Map<String, ServerPlaylist> byKey;

  /**
   * @param watchlistName the name of the playlist used as the watchlist, or {@code null}
   */
  MediaBrowserPlaylists(MediaBrowserApi api, String userId, String watchlistName) {
    this.api = api;
    this.userId = userId;
    this.watchlistKey = watchlistName == null ? null : PlaylistRef.key(watchlistName);
  }

  /** Every member of every playlist that the library pass knows, in playlist order. */
  synchronized List<Item> snapshot(LibraryIndex index) throws ProviderException {
    byKey = null;
    List<Item> members = new ArrayList<>();
    for (ServerPlaylist p : playlists().values()) {
      int position = 0;
      for (Entry e : p.entries()) {
        Optional<LibraryEntry> entry = index.byServerId(e.itemId());
        if (entry.isPresent() && index.inScope(entry.get(), Feature.PLAYLISTS)) {
          PlaylistRef ref = new PlaylistRef(p.name(), null, position++, p.id(), false);
          members.add(index.toItem(entry.get()).withPlaylist(ref));
        }
      }
    }
    return members;
  }

  synchronized WriteResult add(LibraryIndex index, List<Item> members) throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (List<Item> group : byPlaylist(members).values()) {
      PlaylistRef ref = group.get(0).playlist();
      ServerPlaylist playlist = playlists().get(ref.key());
      Map<String, Item> toAdd = new LinkedHashMap<>();
      for (Item m : group) {
        Optional<ItemOutcome> settled = settle(index, m, playlist, toAdd, true);
        settled.ifPresent(outcomes::add);
      }
      if (toAdd.isEmpty()) {
        continue;
      }
      List<String> ids = new ArrayList<>(toAdd.keySet());
      String[] playlistId = {playlist == null ? null : playlist.id()};
      ApiRequest request;
      if (playlist == null) {
        request = api.dialect().createPlaylist(userId, ref.name().strip(), ids);
      } else {
        request =
            ApiRequest.post(itemsPath(playlist.id()), null)
                .withQuery(api.dialect().param("Ids"), String.join(",", ids))
                .withQuery(api.dialect().param("UserId"), userId)
                .notRepeatable(); // a repeat would add the titles twice
      }
      List<ItemOutcome> sent =
          sendAll(
              List.copyOf(toAdd.values()),
              request,
              answer -> {
                if (playlistId[0] == null) {
                  playlistId[0] = createdId(answer);
                }
              });
      outcomes.addAll(sent);
      if (playlistId[0] != null) {
        // The new entries' ids are known only by reading the playlist again.
        String name = playlist == null ? ref.name().strip() : playlist.name();
        playlists().put(ref.key(), new ServerPlaylist(playlistId[0], name, entries(playlistId[0])));
        place(index, group, false);
      }
    }
    return inOrder(members, outcomes);
  }

  /** The outcomes in the order of the members they belong to. */
  private static WriteResult inOrder(List<Item> members, List<ItemOutcome> outcomes) {
    List<ItemOutcome> left = new ArrayList<>(outcomes);
    List<ItemOutcome> ordered = new ArrayList<>();
    for (Item m : members) {
      for (int i = 0; i < left.size(); i++) {
        if (left.get(i).item() == m) {
          ordered.add(left.remove(i));
          break;
        }
      }
    }
    ordered.addAll(left);
    return new WriteResult(ordered);
  }

  private String createdId(HttpAnswer answer) {
    try {
      String id = api.json(answer).path("Id").asString("");
      return id.isEmpty() ? null : id;
    } catch (ProviderException e) {
      return null;
    }
  }

  synchronized WriteResult remove(LibraryIndex index, List<Item> members) throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (List<Item> group : byPlaylist(members).values()) {
      ServerPlaylist playlist = playlists().get(group.get(0).playlist().key());
      Map<String, Item> toRemove = new LinkedHashMap<>();
      for (Item m : group) {
        settle(index, m, playlist, toRemove, false).ifPresent(outcomes::add);
      }
      if (toRemove.isEmpty()) {
        continue;
      }
      ApiRequest request =
          ApiRequest.delete(itemsPath(playlist.id()))
              .withQuery(api.dialect().param("EntryIds"), String.join(",", toRemove.keySet()));
      outcomes.addAll(
          sendAll(
              List.copyOf(toRemove.values()),
              request,
              answer -> playlist.entries().removeIf(e -> toRemove.containsKey(e.entryId()))));
    }
    return inOrder(members, outcomes);
  }

  /** Moves each member, in the order given, to its position (one call per member). */
  synchronized WriteResult reorder(LibraryIndex index, List<Item> members)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (List<Item> group : byPlaylist(members).values()) {
      outcomes.addAll(place(index, group, true));
    }
    return new WriteResult(outcomes);
  }

  /**
   * Moves the members that carry a position to it, one after the other; the outcome of each member
   * that has one.
   */
  private List<ItemOutcome> place(LibraryIndex index, List<Item> group, boolean reorder)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    ServerPlaylist playlist = playlists().get(group.get(0).playlist().key());
    for (Item m : group) {
      if (m.playlist().position() == null) {
        if (reorder) {
          outcomes.add(ItemOutcome.alreadyPresent(m)); // no position: it stays where it is
        }
        continue;
      }
      Optional<Entry> entry = playlist == null ? Optional.empty() : entryOf(index, playlist, m);
      if (entry.isEmpty()) {
        outcomes.add(ItemOutcome.notFound(m, "not in the playlist"));
        continue;
      }
      int to = Math.min(m.playlist().position(), playlist.entries().size() - 1);
      ApiRequest move =
          ApiRequest.post(
              itemsPath(playlist.id()) + "/" + entry.get().entryId() + "/Move/" + to, null);
      ItemOutcome outcome = sendAll(List.of(m), move, answer -> {}).get(0);
      outcomes.add(outcome);
      if (outcome.succeeded()) {
        playlist.entries().remove(entry.get());
        playlist.entries().add(to, entry.get());
      }
    }
    return outcomes;
  }

  private static Optional<Entry> entryOf(LibraryIndex index, ServerPlaylist playlist, Item member) {
    Optional<String> itemId = index.resolve(member).map(LibraryEntry::id);
    return playlist.entries().stream()
        .filter(e -> itemId.isPresent() && e.itemId().equalsIgnoreCase(itemId.get()))
        .findFirst();
  }

  /**
   * Resolves one member for a write; its outcome when there is nothing to send, else the member is
   * put into {@code pending} under the id to send (item id to add, entry id to remove).
   */
  private Optional<ItemOutcome> settle(
      LibraryIndex index, Item m, ServerPlaylist playlist, Map<String, Item> pending, boolean add) {
    if (watchlistKey != null && watchlistKey.equals(m.playlist().key())) {
      return Optional.of(
          ItemOutcome.failed(m, "this playlist is the watchlist (watchlist: playlist)", false));
    }
    if (m.type() != MediaType.MOVIE && m.type() != MediaType.EPISODE) {
      return Optional.of(
          ItemOutcome.failed(
              m,
              "a server playlist holds movies and episodes, not " + m.type().key() + "s",
              false));
    }
    Optional<LibraryEntry> found = index.resolve(m);
    if (found.isEmpty()) {
      return Optional.of(ItemOutcome.notFound(m, UserDataWrites.NOT_IN_LIBRARY));
    }
    String itemId = found.get().id();
    List<Entry> held =
        playlist == null
            ? List.of()
            : playlist.entries().stream().filter(e -> e.itemId().equalsIgnoreCase(itemId)).toList();
    if (add) {
      if (!held.isEmpty() || pending.containsKey(itemId)) {
        return Optional.of(ItemOutcome.alreadyPresent(m));
      }
      pending.put(itemId, m);
    } else {
      if (held.isEmpty()) {
        return Optional.of(ItemOutcome.alreadyPresent(m)); // gone already
      }
      held.forEach(e -> pending.put(e.entryId(), m));
    }
    return Optional.empty();
  }

  /** Sends one call for several members: each gets the call's outcome. */
  private List<ItemOutcome> sendAll(
      List<Item> members, ApiRequest request, java.util.function.Consumer<HttpAnswer> onSuccess)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    ItemOutcome first = UserDataWrites.send(api, members.get(0), request, onSuccess);
    for (Item m : members.stream().distinct().toList()) {
      outcomes.add(new ItemOutcome(m, first.status(), first.reason(), first.retriable()));
    }
    return outcomes;
  }

  private Map<String, ServerPlaylist> playlists() throws ProviderException {
    if (byKey != null) {
      return byKey;
    }
    ApiRequest query =
        api.dialect()
            .items(userId)
            .withQuery("Recursive", "true")
            .withQuery("IncludeItemTypes", "Playlist");
    Map<String, ServerPlaylist> read = new LinkedHashMap<>();
    for (JsonNode p : api.readAll(query)) {
      String id = p.path("Id").asString("");
      String name = p.path("Name").asString("");
      String key = name.isBlank() ? "" : PlaylistRef.key(name);
      if (id.isEmpty() || key.isEmpty() || key.equals(watchlistKey) || read.containsKey(key)) {
        continue;
      }
      read.put(key, new ServerPlaylist(id, name, entries(id)));
    }
    byKey = read;
    return read;
  }

  private List<Entry> entries(String playlistId) throws ProviderException {
    ApiRequest query =
        ApiRequest.get(itemsPath(playlistId)).withQuery(api.dialect().param("UserId"), userId);
    // Entries are kept mutable: removes and moves update them in place.
    List<Entry> entries = new ArrayList<>();
    for (JsonNode row : api.readAll(query)) {
      String id = row.path("Id").asString("");
      String entry = row.path("PlaylistItemId").asString("");
      if (!id.isEmpty() && !entry.isEmpty()) {
        entries.add(new Entry(entry, id.toLowerCase(Locale.ROOT)));
      }
    }
    return entries;
  }

  private static String itemsPath(String playlistId) {
    return "/Playlists/" + playlistId + "/Items";
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
