package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake Plex Discover: the watchlist (paged), metadata details and external-id matches, and the
 * watchlist actions.
 */
final class DiscoverRoutes {
  private final PlexCatalogue catalogue;
  private final Function<FakeRequest, PlexUser> auth;
  private final Clock clock;
  private final int pageCap;
  private final boolean honoursIncludeGuids;
  private final boolean conflicts;

  DiscoverRoutes(
      PlexCatalogue catalogue,
      Function<FakeRequest, PlexUser> auth,
      Clock clock,
      int pageCap,
      boolean honoursIncludeGuids,
      boolean conflicts) {
    this.catalogue = catalogue;
    this.auth = auth;
    this.clock = clock;
    this.pageCap = pageCap;
    this.honoursIncludeGuids = honoursIncludeGuids;
    this.conflicts = conflicts;
  }

  FakeResponse handle(FakeRequest r) {
    if (!PlexJson.wantsJson(r)) {
      return PlexJson.xml();
    }
    PlexUser user = auth.apply(r);
    if (user == null) {
      return FakeResponse.error(401, "Unauthorized");
    }
    String path = r.path().replaceAll("/+$", "");
    if (path.equals("/actions/addToWatchlist") || path.equals("/actions/removeFromWatchlist")) {
      if (!r.method().equals("PUT")) {
        return FakeResponse.error(405, "Method Not Allowed");
      }
      return action(user, r, path.endsWith("addToWatchlist"));
    }
    if (!r.method().equals("GET")) {
      return FakeResponse.error(405, "Method Not Allowed");
    }
    if (path.equals("/library/sections/watchlist/all")) {
      return watchlist(user, r);
    }
    if (path.equals("/library/metadata/matches")) {
      return matches(r);
    }
    if (path.startsWith("/library/metadata/")) {
      String key = path.substring("/library/metadata/".length());
      return catalogue
          .byDiscoverKey(key)
          .map(t -> one(PlexJson.discoverEntry(t, null, true)))
          .orElseGet(() -> FakeResponse.error(404, "Not Found"));
    }
    return FakeResponse.error(404, "Not Found");
  }

  private FakeResponse watchlist(PlexUser user, FakeRequest r) {
    boolean guids = honoursIncludeGuids && r.param("includeGuids").map("1"::equals).orElse(false);
    List<ObjectNode> rows = new ArrayList<>();
    List<PlexUser.WatchlistEntry> entries = new ArrayList<>(user.watchlist());
    java.util.Collections.reverse(entries); // newest first, as the app shows it
    for (PlexUser.WatchlistEntry e : entries) {
      rows.add(PlexJson.discoverEntry(e.title(), e.watchlistedAt(), guids));
    }
    return PlexJson.page(r, rows, pageCap);
  }

  private FakeResponse matches(FakeRequest r) {
    Optional<MediaType> type =
        r.param("type")
            .map(t -> t.equals("1") ? MediaType.MOVIE : t.equals("2") ? MediaType.SHOW : null);
    Optional<String> guid = r.param("guid");
    if (type.isEmpty() || guid.isEmpty()) {
      return FakeResponse.error(400, "type (1 or 2) and guid are required");
    }
    List<PlexTitle> found = catalogue.discoverMatches(type.get(), guid.get());
    if (found.isEmpty()) {
      return FakeResponse.error(404, "Not Found");
    }
    ObjectNode c = PlexJson.NODES.objectNode();
    c.put("size", found.size());
    ArrayNode metadata = c.putArray("Metadata");
    found.forEach(t -> metadata.add(PlexJson.discoverEntry(t, null, true)));
    return PlexJson.ok(c);
  }

  private FakeResponse action(PlexUser user, FakeRequest r, boolean add) {
    Optional<PlexTitle> title = r.param("ratingKey").flatMap(catalogue::byDiscoverKey);
    if (title.isEmpty()) {
      return FakeResponse.error(404, "Not Found");
    }
    boolean changed =
        add
            ? user.addToWatchlist(title.get(), clock.instant())
            : user.removeFromWatchlist(title.get());
    if (!changed && conflicts) {
      return FakeResponse.error(409, add ? "already on the watchlist" : "not on the watchlist");
    }
    return new FakeResponse(200, Map.of(), "");
  }

  private static FakeResponse one(ObjectNode entry) {
    ObjectNode c = PlexJson.NODES.objectNode();
    c.put("size", 1);
    c.putArray("Metadata").add(entry);
    return PlexJson.ok(c);
  }
}
