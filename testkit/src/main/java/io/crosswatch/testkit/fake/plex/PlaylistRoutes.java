package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's playlist endpoints: list ({@code GET /playlists?playlistType=video}), items, create
 * ({@code POST
 * /playlists?type=video&title=&smart=0&uri=server://{machine}/…/library/metadata/{keys}}), add
 * ({@code PUT /playlists/{id}/items?uri=}), remove ({@code DELETE
 * /playlists/{id}/items/{playlistItemID}}) and move ({@code PUT …/{playlistItemID}/move?after=}).
 * Smart playlists are read like others and refuse every edit with 400.
 */
final class PlaylistRoutes {
  private final PlexCatalogue catalogue;
  private final Clock clock;
  private final String machineIdentifier;
  private final int pageCap;

  PlaylistRoutes(PlexCatalogue catalogue, Clock clock, String machineIdentifier, int pageCap) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.machineIdentifier = machineIdentifier;
    this.pageCap = pageCap;
  }

  FakeResponse handle(PlexUser user, FakeRequest r, String[] p) {
    PlexPlaylists lists = user.playlists();
    if (p.length == 2) {
      switch (r.method()) {
        case "GET":
          return list(lists, r);
        case "POST":
          return create(lists, r);
        default:
          return notAllowed();
      }
    }
    Optional<PlexPlaylists.Playlist> playlist = lists.byKey(p[2]);
    if (playlist.isEmpty()) {
      return FakeResponse.error(404, "Not Found");
    }
    if (p.length == 3 && r.method().equals("GET")) {
      return PlexJson.ok(container(List.of(json(playlist.get()))));
    }
    if (p.length < 4 || !p[3].equals("items")) {
      return FakeResponse.error(404, "Not Found");
    }
    if (p.length == 4 && r.method().equals("GET")) {
      return items(user, playlist.get(), r);
    }
    if (playlist.get().smart()) {
      return FakeResponse.error(400, "smart playlists cannot be edited");
    }
    if (p.length == 4 && r.method().equals("PUT")) {
      return add(lists, playlist.get(), r);
    }
    long itemId;
    try {
      itemId = Long.parseLong(p[4]);
    } catch (NumberFormatException e) {
      return FakeResponse.error(404, "Not Found");
    }
    if (p.length == 5 && r.method().equals("DELETE")) {
      return lists.removeEntry(playlist.get(), itemId)
          ? PlexJson.ok(container(List.of(json(playlist.get()))))
          : FakeResponse.error(404, "Not Found");
    }
    if (p.length == 6 && p[5].equals("move") && r.method().equals("PUT")) {
      Long after = r.param("after").map(Long::parseLong).orElse(null);
      return lists.move(playlist.get(), itemId, after)
          ? PlexJson.ok(container(List.of()))
          : FakeResponse.error(400, "Bad Request");
    }
    return notAllowed();
  }

  private FakeResponse list(PlexPlaylists lists, FakeRequest r) {
    String type = r.param("playlistType").orElse(null);
    List<ObjectNode> rows = new ArrayList<>();
    for (PlexPlaylists.Playlist p : lists.all()) {
      if (type == null || type.equals("video")) {
        rows.add(json(p));
      }
    }
    return PlexJson.page(r, rows, pageCap);
  }

  private FakeResponse items(PlexUser user, PlexPlaylists.Playlist p, FakeRequest r) {
    List<ObjectNode> rows = new ArrayList<>();
    for (PlexPlaylists.Entry e : p.entries()) {
      ObjectNode o = PlexJson.libraryEntry(e.title(), user.state(e.title()), true);
      o.put("playlistItemID", e.playlistItemId());
      rows.add(o);
    }
    return PlexJson.page(r, rows, pageCap);
  }

  private FakeResponse create(PlexPlaylists lists, FakeRequest r) {
    if (!r.param("type").map("video"::equals).orElse(false)) {
      return FakeResponse.error(400, "type must be video");
    }
    String title = r.param("title").orElse("");
    if (title.isBlank()) {
      return FakeResponse.error(400, "title is required");
    }
    if (!r.param("smart").map("0"::equals).orElse(true)) {
      return FakeResponse.error(400, "the fake creates plain playlists only");
    }
    Optional<List<PlexTitle>> titles = titles(r.param("uri").orElse(""));
    if (titles.isEmpty()) {
      return FakeResponse.error(
          400,
          "uri must be server://"
              + machineIdentifier
              + "/"
              + ServerRoutes.IDENTIFIER
              + "/library/metadata/{ratingKeys}");
    }
    PlexPlaylists.Playlist p = lists.create(title, false, titles.get(), clock.instant());
    return PlexJson.ok(container(List.of(json(p))));
  }

  private FakeResponse add(PlexPlaylists lists, PlexPlaylists.Playlist p, FakeRequest r) {
    Optional<List<PlexTitle>> titles = titles(r.param("uri").orElse(""));
    if (titles.isEmpty()) {
      return FakeResponse.error(400, "Bad Request");
    }
    lists.append(p, titles.get());
    ObjectNode c = container(List.of(json(p)));
    c.put("leafCountAdded", titles.get().size());
    return PlexJson.ok(c);
  }

  /** The titles a {@code server://…/library/metadata/1,2,3} uri names; empty if any is unknown. */
  private Optional<List<PlexTitle>> titles(String uri) {
    String prefix =
        "server://" + machineIdentifier + "/" + ServerRoutes.IDENTIFIER + "/library/metadata/";
    if (!uri.startsWith(prefix)) {
      return Optional.empty();
    }
    List<PlexTitle> out = new ArrayList<>();
    for (String key : uri.substring(prefix.length()).split(",")) {
      Optional<PlexTitle> t = catalogue.byRatingKey(key);
      if (t.isEmpty()
          || (t.get().type() != MediaType.MOVIE && t.get().type() != MediaType.EPISODE)) {
        return Optional.empty();
      }
      out.add(t.get());
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static ObjectNode json(PlexPlaylists.Playlist p) {
    ObjectNode o = PlexJson.NODES.objectNode();
    o.put("ratingKey", p.ratingKey());
    o.put("key", "/playlists/" + p.ratingKey() + "/items");
    o.put("guid", "com.plexapp.agents.none://" + p.ratingKey());
    o.put("type", "playlist");
    o.put("title", p.title());
    o.put("summary", "");
    o.put("smart", p.smart());
    o.put("playlistType", "video");
    o.put("leafCount", p.entries().size());
    o.put("addedAt", p.addedAt().getEpochSecond());
    return o;
  }

  private static ObjectNode container(List<ObjectNode> rows) {
    ObjectNode c = PlexJson.NODES.objectNode();
    c.put("size", rows.size());
    ArrayNode a = c.putArray("Metadata");
    rows.forEach(a::add);
    return c;
  }

  private static FakeResponse notAllowed() {
    return new FakeResponse(405, Map.of(), "");
  }
}
