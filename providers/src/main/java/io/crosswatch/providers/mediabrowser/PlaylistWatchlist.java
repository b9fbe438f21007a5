package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The watchlist as a named playlist of the user (created on the first add). A playlist holds movies
 * and episodes; removing needs the entry's {@code PlaylistItemId}, so entries added during a run
 * are looked up again before they are removed.
 */
final class PlaylistWatchlist {
  private final MediaBrowserApi api;
  private final String userId;
  private final String name;
  private String playlistId;
  private Map<String, List<String>> entries;

  PlaylistWatchlist(MediaBrowserApi api, String userId, String name) {
    this.api = api;
    this.userId = userId;
    this.name = name;
  }

  /** Forgets what was read, for a fresh library pass. */
  synchronized void forget() {
    playlistId = null;
    entries = null;
  }

  synchronized List<Item> snapshot(LibraryIndex index) throws ProviderException {
    load();
    List<Item> items = new ArrayList<>();
    for (String itemId : entries.keySet()) {
      index
          .byServerId(itemId)
          .filter(e -> index.inScope(e, Feature.WATCHLIST))
          .ifPresent(e -> items.add(index.toItem(e)));
    }
    return items;
  }

  /** Reads the playlist if not yet read and, before adds, creates it when missing. */
  synchronized void prepare(LibraryIndex index, boolean add) throws ProviderException {
    load();
    if (add && playlistId.isEmpty()) {
      playlistId = create();
    }
  }

  ItemOutcome write(LibraryIndex index, boolean add, Item item) throws ProviderException {
    if (item.type() != MediaType.MOVIE && item.type() != MediaType.EPISODE) {
      return ItemOutcome.failed(
          item, "a playlist holds movies and episodes, not " + item.type().key() + "s", false);
    }
    Optional<LibraryEntry> found =
        index.resolve(item).filter(e -> index.inScope(e, Feature.WATCHLIST));
    if (found.isEmpty()) {
      return ItemOutcome.notFound(item, UserDataWrites.NOT_IN_LIBRARY);
    }
    String itemId = key(found.get().id());
    return add ? add(item, found.get().id(), itemId) : remove(item, itemId);
  }

  private ItemOutcome add(Item item, String serverId, String itemId) throws ProviderException {
    if (!claim(itemId)) {
      return ItemOutcome.alreadyPresent(item);
    }
    ApiRequest request =
        ApiRequest.post(itemsPath(), null)
            .withQuery(api.dialect().param("Ids"), serverId)
            .withQuery(api.dialect().param("UserId"), userId)
            // A repeat would add a second entry of the title.
            .notRepeatable();
    ItemOutcome outcome = UserDataWrites.send(api, item, request, answer -> {});
    if (!outcome.succeeded()) {
      recordRemoved(itemId);
    }
    return outcome;
  }

  private ItemOutcome remove(Item item, String itemId) throws ProviderException {
    List<String> entryIds = entryIds(itemId);
    if (entryIds.isEmpty()) {
      return ItemOutcome.notFound(item, "not_listed");
    }
    ApiRequest request =
        ApiRequest.delete(itemsPath())
            .withQuery(api.dialect().param("EntryIds"), String.join(",", entryIds));
    return UserDataWrites.send(api, item, request, answer -> recordRemoved(itemId));
  }

  /**
   * Marks an item as listed unless it is already (the same title twice in one call is added once).
   * The new entry's id is unknown until the playlist is read again, so it is recorded as null.
   */
  private synchronized boolean claim(String itemId) {
    if (entries.containsKey(itemId)) {
      return false;
    }
    List<String> pending = new ArrayList<>();
    pending.add(null);
    entries.put(itemId, pending);
    return true;
  }

  private synchronized void recordRemoved(String itemId) {
    entries.remove(itemId);
  }

  /** The entry ids of an item, reading the playlist again when one was added during this run. */
  private synchronized List<String> entryIds(String itemId) throws ProviderException {
    List<String> ids = entries.getOrDefault(itemId, new ArrayList<>());
    if (ids.contains(null)) {
      entries = readEntries();
      ids = entries.getOrDefault(itemId, new ArrayList<>());
    }
    return List.copyOf(ids);
  }

  private void load() throws ProviderException {
    if (playlistId == null) {
      playlistId = find();
      entries = null;
    }
    if (entries == null) {
      entries = playlistId.isEmpty() ? new LinkedHashMap<>() : readEntries();
    }
  }

  /** The playlist's id, or {@code ""} when the user has none of that name. */
  private String find() throws ProviderException {
    ApiRequest query =
        api.dialect()
            .items(userId)
            .withQuery("Recursive", "true")
            .withQuery("IncludeItemTypes", "Playlist");
    String loose = "";
    for (JsonNode p : api.readAll(query)) {
      String n = p.path("Name").asString("");
      if (n.equals(name)) {
        return p.path("Id").asString("");
      }
      if (loose.isEmpty() && n.equalsIgnoreCase(name)) {
        loose = p.path("Id").asString("");
      }
    }
    return loose;
  }

  private Map<String, List<String>> readEntries() throws ProviderException {
    ApiRequest query =
        ApiRequest.get(itemsPath())
            .withQuery(api.dialect().param("UserId"), userId)
            .withQuery("Fields", "ProviderIds,ProductionYear");
    Map<String, List<String>> read = new LinkedHashMap<>();
    for (JsonNode row : api.readAll(query)) {
      String id = row.path("Id").asString("");
      String entry = row.path("PlaylistItemId").asString("");
      if (!id.isEmpty() && !entry.isEmpty()) {
        read.computeIfAbsent(key(id), k -> new ArrayList<>()).add(entry);
      }
    }
    return read;
  }

  private String create() throws ProviderException {
    String id =
        api.call(api.dialect().createPlaylist(userId, name, List.of())).path("Id").asString("");
    if (id.isEmpty()) {
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          api.client().provider() + " POST /Playlists: no playlist id in the answer",
          true,
          null);
    }
    return id;
  }

  private String itemsPath() {
    return "/Playlists/" + playlistId + "/Items";
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
