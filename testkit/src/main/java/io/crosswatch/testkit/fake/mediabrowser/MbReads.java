package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's item queries: {@code Recursive}, {@code IncludeItemTypes}, {@code ParentId}, {@code
 * Filters}, {@code Fields}, {@code EnableUserData}, paging, and the dialects' traps (unknown type
 * names and, on Jellyfin, {@code AnyProviderIdEquals} are silently ignored; {@code ProviderIds}
 * only when asked for in {@code Fields}; on Jellyfin, {@code MinDateLastSavedForUser} keeps the
 * items whose own {@code DateLastSaved} is that late, whatever their user data, and {@code
 * MinDateLastSaved} without it fails with 500).
 */
final class MbReads {
  private static final Set<String> KNOWN_TYPES = Set.of("movie", "series", "episode");

  private final ServerDialect dialect;
  private final MbLibrary library;
  private final MbJson json;
  private final int pageCap;

  MbReads(ServerDialect dialect, MbLibrary library, MbJson json, int pageCap) {
    this.dialect = dialect;
    this.library = library;
    this.json = json;
    this.pageCap = pageCap;
  }

  FakeResponse items(MbUser user, FakeRequest request) {
    List<String> types = listParam(request, "IncludeItemTypes");
    if (types.size() == 1 && types.get(0).equals("playlist")) {
      return playlists(user);
    }
    List<String> ids = listParam(request, "Ids");
    if (!ids.isEmpty()) {
      // Named items, whatever their parent: how clients look up one item's fields.
      return page(
          library.items().stream().filter(i -> ids.contains(MbJson.lower(i.id()))).toList(),
          request,
          user);
    }
    boolean recursive =
        MbJson.param(request, "Recursive").map("true"::equalsIgnoreCase).orElse(false);
    String parent = MbJson.param(request, "ParentId").map(MbJson::lower).orElse(null);
    if (!recursive && parent == null) {
      return page(List.of(), request, user);
    }
    Predicate<MbItem> filter = typeFilter(types).and(parentFilter(parent, recursive));
    filter = filter.and(userFilter(user, listParam(request, "Filters")));
    if (dialect == ServerDialect.EMBY) {
      filter = filter.and(providerIdFilter(MbJson.listParam(request, "AnyProviderIdEquals")));
    } else {
      Optional<String> forUser = MbJson.param(request, "MinDateLastSavedForUser");
      if (forUser.isEmpty() && MbJson.param(request, "MinDateLastSaved").isPresent()) {
        return FakeResponse.error(500, "An error occurred while processing your request.");
      }
      if (forUser.isPresent()) {
        Optional<Instant> since = date(forUser.get());
        if (since.isEmpty()) {
          return FakeResponse.error(400, "invalid MinDateLastSavedForUser: " + forUser.get());
        }
        // The trap: the item's own save date decides, so user data changes are not seen.
        filter = filter.and(item -> !library.dateLastSaved(item).isBefore(since.get()));
      }
    }
    return page(library.items().stream().filter(filter).toList(), request, user);
  }

  FakeResponse views(MbUser user) {
    ArrayNode items = MbJson.NODES.arrayNode();
    for (MbLibrary.View v : library.views()) {
      ObjectNode o = items.addObject();
      o.put("Name", v.name());
      o.put("Id", v.id());
      o.put("Type", "CollectionFolder");
      o.put("CollectionType", v.collectionType());
    }
    ObjectNode body = MbJson.NODES.objectNode();
    body.set("Items", items);
    body.put("TotalRecordCount", items.size());
    return MbJson.ok(body);
  }

  FakeResponse playlistItems(MbUser user, MbUser.Playlist playlist, FakeRequest request) {
    boolean providerIds = listParam(request, "Fields").contains("providerids");
    ArrayNode items = MbJson.NODES.arrayNode();
    for (Map.Entry<String, String> e : playlist.orderedEntries()) {
      library
          .item(e.getValue())
          .ifPresent(
              item -> {
                ObjectNode o = json.item(item, user, providerIds, true);
                o.put("PlaylistItemId", e.getKey());
                items.add(o);
              });
    }
    ObjectNode body = MbJson.NODES.objectNode();
    body.set("Items", items);
    body.put("TotalRecordCount", items.size());
    return MbJson.ok(body);
  }

  private FakeResponse playlists(MbUser user) {
    ArrayNode items = MbJson.NODES.arrayNode();
    for (MbUser.Playlist p : user.playlists()) {
      ObjectNode o = items.addObject();
      o.put("Name", p.name());
      o.put("Id", p.id());
      o.put("Type", "Playlist");
      o.put("MediaType", "Video");
      o.put("ChildCount", p.itemIds().size());
    }
    ObjectNode body = MbJson.NODES.objectNode();
    body.set("Items", items);
    body.put("TotalRecordCount", items.size());
    return MbJson.ok(body);
  }

  private FakeResponse page(List<MbItem> all, FakeRequest request, MbUser user) {
    int start = intParam(request, "StartIndex", 0);
    int limit = Math.min(intParam(request, "Limit", Integer.MAX_VALUE), pageCap);
    boolean providerIds = listParam(request, "Fields").contains("providerids");
    boolean userData =
        MbJson.param(request, "EnableUserData").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    ArrayNode items = MbJson.NODES.arrayNode();
    for (int i = start; i < all.size() && items.size() < limit; i++) {
      items.add(json.item(all.get(i), user, providerIds, userData));
    }
    ObjectNode body = MbJson.NODES.objectNode();
    body.set("Items", items);
    body.put("TotalRecordCount", all.size());
    body.put("StartIndex", start);
    return MbJson.ok(body);
  }

  private static Predicate<MbItem> typeFilter(List<String> types) {
    Set<String> known = new LinkedHashSet<>();
    for (String t : types) {
      if (KNOWN_TYPES.contains(t)) {
        known.add(t);
      }
    }
    // Misspelt names are dropped without a word; with none left, every type comes back.
    return item -> known.isEmpty() || known.contains(MbJson.lower(item.kind().apiName()));
  }

  private Predicate<MbItem> parentFilter(String parent, boolean recursive) {
    if (parent == null) {
      return item -> true;
    }
    if (library.view(parent).isPresent()) {
      return item ->
          item.viewId().equals(parent) && (recursive || item.kind() != MbItem.Kind.EPISODE);
    }
    return item -> parent.equals(item.seriesId());
  }

  private static Predicate<MbItem> userFilter(MbUser user, List<String> filters) {
    Predicate<MbItem> p = item -> true;
    if (filters.contains("isplayed")) {
      p = p.and(item -> user.userData(item).played());
    }
    if (filters.contains("isresumable")) {
      p = p.and(item -> user.userData(item).playbackPositionTicks() > 0);
    }
    if (filters.contains("isfavorite")) {
      p = p.and(item -> user.userData(item).favorite());
    }
    return p;
  }

  private static Predicate<MbItem> providerIdFilter(List<String> wanted) {
    if (wanted.isEmpty()) {
      return item -> true;
    }
    return item ->
        wanted.stream()
            .anyMatch(
                w -> {
                  int dot = w.indexOf('.');
                  if (dot < 0) {
                    return false;
                  }
                  String kind = w.substring(0, dot);
                  String value = w.substring(dot + 1);
                  return item.providerIds().entrySet().stream()
                      .anyMatch(
                          e -> e.getKey().equalsIgnoreCase(kind) && e.getValue().equals(value));
                });
  }

  private static Optional<Instant> date(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> listParam(FakeRequest request, String name) {
    List<String> out = new ArrayList<>();
    for (String v : MbJson.listParam(request, name)) {
      out.add(v.strip().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int intParam(FakeRequest request, String name, int otherwise) {
    return MbJson.param(request, name)
        .filter(v -> v.matches("\\d{1,9}"))
        .map(Integer::parseInt)
        .orElse(otherwise);
  }
}
