package io.crosswatch.providers.plex;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The server's video playlists of the token's account: {@code GET /playlists?playlistType=video}
 * and each one's {@code /items}; created with their first members ({@code POST
 * /playlists?type=video&smart=0&uri=server://{machine}/com.plexapp.plugins.library/library/metadata/{keys}}),
 * added to ({@code PUT /playlists/{id}/items?uri=}), taken from one entry per call ({@code DELETE
 * /playlists/{id}/items/{playlistItemID}}) and reordered one entry per call ({@code PUT
 * …/{playlistItemID}/move?after=}). Smart playlists are read as read-only and never written.
 */
final class PlexPlaylists {
  private static final int PAGE_SIZE = 200;
  private static final long UNKNOWN = -1;

  /** One entry: its playlist item id and its title's rating key. */
  private record Entry(long itemId, String ratingKey) {}

  /** One playlist as read; entries change in place as writes succeed. */
  private record Playlist(String ratingKey, String title, boolean smart, List<Entry> entries) {}

  private final PlexServer server;
  private Map<String, Playlist> byKey;

  PlexPlaylists(PlexServer server) {
    this.server = server;
  }

  synchronized List<Item> snapshot(PlexLibrary library, Set<String> sections)
      throws ProviderException {
    byKey = null;
    List<Item> members = new ArrayList<>();
    for (Playlist p : playlists().values()) {
      int position = 0;
      for (Entry e : p.entries()) {
        Optional<PlexEntry> entry =
            library.byRatingKey(e.ratingKey()).filter(x -> sections.contains(x.section()));
        if (entry.isPresent()) {
          PlaylistRef ref = new PlaylistRef(p.title(), null, position++, p.ratingKey(), p.smart());
          members.add(entry.get().item().withPlaylist(ref));
        }
      }
    }
    return members;
  }

  synchronized WriteResult add(PlexLibrary library, Set<String> sections, List<Item> members)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item m : members) {
      outcomes.add(addOne(library, sections, m));
    }
    return new WriteResult(outcomes);
  }

  private ItemOutcome addOne(PlexLibrary library, Set<String> sections, Item m)
      throws ProviderException {
    Playlist p = playlists().get(m.playlist().key());
    if (p != null && p.smart()) {
      return ItemOutcome.failed(m, "read-only playlist", false);
    }
    if (m.type() != MediaType.MOVIE && m.type() != MediaType.EPISODE) {
      return ItemOutcome.failed(
          m, "a Plex video playlist holds movies and episodes, not " + m.type().key() + "s", false);
    }
    Optional<PlexEntry> entry = library.find(m, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(m, PlexServerWrites.NOT_IN_LIBRARY);
    }
    String rk = entry.get().ratingKey();
    if (p != null && p.entries().stream().anyMatch(e -> e.ratingKey().equals(rk))) {
      return ItemOutcome.alreadyPresent(m);
    }
    String uri =
        "server://"
            + server.identity().machineIdentifier()
            + "/"
            + PlexServerWrites.IDENTIFIER
            + "/library/metadata/"
            + rk;
    ApiRequest request =
        p == null
            ? ApiRequest.post("/playlists", null)
                .withQuery("type", "video")
                .withQuery("title", m.playlist().name().strip())
                .withQuery("smart", 0)
                .withQuery("uri", uri)
            : ApiRequest.put("/playlists/" + p.ratingKey() + "/items", null).withQuery("uri", uri);
    // Plex keeps duplicates: a blind repeat would list the title twice.
    HttpAnswer answer = server.api().send(request.notRepeatable());
    if (!answer.isSuccess()) {
      return failed(m, answer);
    }
    String id =
        p != null
            ? p.ratingKey()
            : server.api().json(answer).at("/MediaContainer/Metadata/0/ratingKey").asString("");
    if (id.isEmpty()) {
      byKey = null; // read again on the next write
      return ItemOutcome.confirmed(m);
    }
    Playlist now =
        p != null ? p : new Playlist(id, m.playlist().name().strip(), false, new ArrayList<>());
    // The new entry's playlistItemID is unknown until the playlist is read again (see fresh()).
    now.entries().add(new Entry(UNKNOWN, rk));
    playlists().put(m.playlist().key(), now);
    return m.playlist().position() != null ? move(now, rk, m) : ItemOutcome.confirmed(m);
  }

  /** The playlist with every entry's id known: read again when entries were added unseen. */
  private Playlist fresh(String key, Playlist p) throws ProviderException {
    if (p.entries().stream().noneMatch(e -> e.itemId() == UNKNOWN)) {
      return p;
    }
    Playlist read = read(p.ratingKey(), p.title(), p.smart());
    playlists().put(key, read);
    return read;
  }

  synchronized WriteResult remove(PlexLibrary library, Set<String> sections, List<Item> members)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item m : members) {
      Playlist p = playlists().get(m.playlist().key());
      Optional<PlexEntry> entry = library.find(m, sections);
      if (p == null || entry.isEmpty()) {
        outcomes.add(ItemOutcome.alreadyPresent(m));
        continue;
      }
      if (p.smart()) {
        outcomes.add(ItemOutcome.failed(m, "read-only playlist", false));
        continue;
      }
      p = fresh(m.playlist().key(), p);
      String rk = entry.get().ratingKey();
      List<Entry> held = p.entries().stream().filter(e -> e.ratingKey().equals(rk)).toList();
      ItemOutcome outcome = held.isEmpty() ? ItemOutcome.alreadyPresent(m) : null;
      for (Entry e : held) {
        HttpAnswer answer =
            server
                .api()
                .send(ApiRequest.delete("/playlists/" + p.ratingKey() + "/items/" + e.itemId()));
        if (!answer.isSuccess() && answer.status() != 404) {
          outcome = failed(m, answer);
          break;
        }
        p.entries().remove(e);
        outcome = ItemOutcome.confirmed(m);
      }
      outcomes.add(outcome);
    }
    return new WriteResult(outcomes);
  }

  /** Moves each member, in the order given, to its position (one call per member). */
  synchronized WriteResult reorder(PlexLibrary library, Set<String> sections, List<Item> members)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item m : members) {
      Playlist p = playlists().get(m.playlist().key());
      Optional<PlexEntry> entry = library.find(m, sections);
      if (m.playlist().position() == null) {
        outcomes.add(ItemOutcome.alreadyPresent(m)); // no position: it stays where it is
      } else if (p == null || entry.isEmpty()) {
        outcomes.add(ItemOutcome.notFound(m, "not in the playlist"));
      } else if (p.smart()) {
        outcomes.add(ItemOutcome.failed(m, "read-only playlist", false));
      } else {
        outcomes.add(move(p, entry.get().ratingKey(), m));
      }
    }
    return new WriteResult(outcomes);
  }

  /** Moves the first entry of {@code ratingKey} to the member's position: after its predecessor. */
  private ItemOutcome move(Playlist stale, String ratingKey, Item m) throws ProviderException {
    Playlist p = fresh(m.playlist().key(), stale);
    Optional<Entry> moving =
        p.entries().stream().filter(e -> e.ratingKey().equals(ratingKey)).findFirst();
    if (moving.isEmpty()) {
      return ItemOutcome.notFound(m, "not in the playlist");
    }
    List<Entry> others = new ArrayList<>(p.entries());
    others.remove(moving.get());
    int to = Math.min(m.playlist().position(), others.size());
    ApiRequest request =
        ApiRequest.put(
            "/playlists/" + p.ratingKey() + "/items/" + moving.get().itemId() + "/move", null);
    if (to > 0) {
      request = request.withQuery("after", others.get(to - 1).itemId());
    }
    if (p.entries().indexOf(moving.get()) == to) {
      return ItemOutcome.alreadyPresent(m);
    }
    HttpAnswer answer = server.api().send(request);
    if (!answer.isSuccess()) {
      return failed(m, answer);
    }
    others.add(to, moving.get());
    p.entries().clear();
    p.entries().addAll(others);
    return ItemOutcome.confirmed(m);
  }

  private ItemOutcome failed(Item m, HttpAnswer answer) throws ProviderException {
    ProviderException failure = server.api().failure(answer);
    if (failure.kind() == ProviderException.Kind.AUTH) {
      throw failure;
    }
    return ItemOutcome.failed(m, failure.getMessage(), failure.retriable());
  }

  private Map<String, Playlist> playlists() throws ProviderException {
    if (byKey == null) {
      Map<String, Playlist> read = new LinkedHashMap<>();
      ApiRequest list = ApiRequest.get("/playlists").withQuery("playlistType", "video");
      for (JsonNode row : server.api().readAll(list, PAGE_SIZE)) {
        String id = PlexEntries.key(row.get("ratingKey"));
        String title = row.path("title").asString("");
        if (id == null || title.isBlank() || read.containsKey(PlaylistRef.key(title))) {
          continue;
        }
        read.put(PlaylistRef.key(title), read(id, title, smart(row.get("smart"))));
      }
      byKey = read;
    }
    return byKey;
  }

  private Playlist read(String id, String title, boolean smart) throws ProviderException {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode row :
        server.api().readAll(ApiRequest.get("/playlists/" + id + "/items"), PAGE_SIZE)) {
      String rk = PlexEntries.key(row.get("ratingKey"));
      Long itemId = PlexEntries.whole(row.get("playlistItemID"));
      if (rk != null && itemId != null) {
        entries.add(new Entry(itemId, rk));
      }
    }
    return new Playlist(id, title, smart, entries);
  }

  /** {@code smart}: {@code true} in JSON, {@code "1"} in XML-shaped answers. */
  private static boolean smart(JsonNode v) {
    return v != null && (v.asBoolean(false) || "1".equals(v.asString("")));
  }
}
