package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal list endpoints under {@code /users/me/lists} (or the user's own slug): list, create,
 * read items, add and remove items with {@code /sync}-like bodies, and reorder by list item ids.
 * Over the account's caps, creating a list or adding items answers 420 with {@code
 * X-Account-Limit}, and nothing of the request is applied.
 */
final class TraktListRoutes {
  private static final List<String> GROUPS = List.of("movies", "shows", "seasons", "episodes");

  private final TraktCatalogue catalogue;
  private final TraktJson json;
  private final TraktReads reads;

  TraktListRoutes(TraktCatalogue catalogue, TraktJson json, TraktReads reads) {
    this.catalogue = catalogue;
    this.json = json;
    this.reads = reads;
  }

  /** Whether the path is one of these endpoints: {@code /users/{me|slug}/lists…}. */
  static boolean handles(TraktUser user, String[] p) {
    return p.length >= 4
        && p[1].equals("users")
        && (p[2].equals("me") || p[2].equals(user.username()))
        && p[3].equals("lists");
  }

  FakeResponse route(TraktUser user, FakeRequest request, String[] p, JsonNode body) {
    String method = request.method();
    if (p.length == 4) {
      if (method.equals("GET")) {
        return TraktReads.ok(allLists(user));
      }
      return method.equals("POST") ? create(user, body) : notAllowed();
    }
    Optional<TraktLists.PersonalList> list = user.lists().byIdOrSlug(p[4]);
    if (list.isEmpty()) {
      return FakeResponse.error(404, "list not found: " + p[4]);
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(p, 5, p.length));
    switch (method + " " + rest) {
      case "GET ":
        return TraktReads.ok(listJson(user, list.get()));
      case "GET items":
        return items(list.get(), request);
      case "POST items":
        return add(user, list.get(), body);
      case "POST items/remove":
        return remove(user, list.get(), body);
      case "POST items/reorder":
        return reorder(user, list.get(), body);
      default:
        return FakeResponse.error(404, "not found");
    }
  }

  private ArrayNode allLists(TraktUser user) {
    ArrayNode a = TraktJson.array();
    user.lists().all().forEach(l -> a.add(listJson(user, l)));
    return a;
  }

  private FakeResponse create(TraktUser user, JsonNode body) {
    String name = body.path("name").asString("");
    if (name.isBlank()) {
      return FakeResponse.error(422, "name is required");
    }
    if (user.lists().all().size() >= user.lists().listLimit()) {
      return limit(user.lists().listLimit());
    }
    String description =
        body.path("description").isString() ? body.get("description").asString() : null;
    TraktLists.PersonalList l = user.createList(name, description);
    return FakeResponse.json(201, listJson(user, l).toString());
  }

  private FakeResponse items(TraktLists.PersonalList list, FakeRequest request) {
    List<JsonNode> rows = new ArrayList<>();
    int rank = 0;
    for (TraktLists.Entry e : list.entries()) {
      ObjectNode o = TraktJson.NODES.objectNode();
      o.put("rank", ++rank);
      o.put("id", e.id());
      o.put("listed_at", TraktJson.time(e.listedAt()));
      o.putNull("notes");
      rows.add(json.withMedia(o, e.title()));
    }
    boolean paged = request.param("page").isPresent() || request.param("limit").isPresent();
    return reads.page(rows, request, paged);
  }

  private FakeResponse add(TraktUser user, TraktLists.PersonalList list, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Set<String> fresh = new LinkedHashSet<>();
    for (PostedItems.Posted p : posted.found) {
      if (!list.contains(p.title())) {
        fresh.add(p.title().key());
      }
    }
    if (list.entries().size() + fresh.size() > user.lists().itemLimit()) {
      return limit(user.lists().itemLimit());
    }
    Map<String, Integer> added = zeros();
    Map<String, Integer> existing = zeros();
    for (PostedItems.Posted p : posted.found) {
      boolean isNew = user.addToList(list, p.title());
      (isNew ? added : existing).merge(p.title().group(), 1, Integer::sum);
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("added", TraktJson.counts(added));
    o.set("existing", TraktJson.counts(existing));
    o.set("not_found", posted.notFound);
    o.set("list", listInfo(list));
    return FakeResponse.json(201, o.toString());
  }

  private FakeResponse remove(TraktUser user, TraktLists.PersonalList list, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Map<String, Integer> deleted = zeros();
    for (PostedItems.Posted p : posted.found) {
      if (user.removeFromList(list, p.title())) {
        deleted.merge(p.title().group(), 1, Integer::sum);
      }
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("deleted", TraktJson.counts(deleted));
    o.set("not_found", posted.notFound);
    o.set("list", listInfo(list));
    return FakeResponse.json(200, o.toString());
  }

  private FakeResponse reorder(TraktUser user, TraktLists.PersonalList list, JsonNode body) {
    JsonNode rank = body.get("rank");
    if (rank == null || !rank.isArray()) {
      return FakeResponse.error(422, "rank must be a list of list item ids");
    }
    List<Long> ids = new ArrayList<>();
    rank.forEach(id -> ids.add(id.asLong()));
    List<Long> skipped = user.reorderList(list, ids);
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("updated", ids.size() - skipped.size());
    ArrayNode s = o.putArray("skipped_ids");
    skipped.forEach(s::add);
    o.set("list", listInfo(list));
    return FakeResponse.json(200, o.toString());
  }

  private static ObjectNode listJson(TraktUser user, TraktLists.PersonalList l) {
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("name", l.name());
    o.put("description", l.description());
    o.put("privacy", "private");
    o.put("type", "personal");
    o.put("display_numbers", false);
    o.put("allow_comments", true);
    o.put("sort_by", "rank");
    o.put("sort_how", "asc");
    o.put("created_at", TraktJson.time(l.createdAt()));
    o.put("updated_at", TraktJson.time(l.updatedAt()));
    o.put("item_count", l.entries().size());
    o.put("comment_count", 0);
    o.put("likes", 0);
    o.putObject("ids").put("trakt", l.traktId()).put("slug", l.slug());
    o.putObject("user").put("username", user.username()).put("private", false);
    return o;
  }

  private static ObjectNode listInfo(TraktLists.PersonalList l) {
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("updated_at", TraktJson.time(l.updatedAt()));
    o.put("item_count", l.entries().size());
    return o;
  }

  private static FakeResponse limit(int limit) {
    return FakeResponse.error(420, "account limit exceeded")
        .withHeader("X-Account-Limit", Integer.toString(limit))
        .withHeader("X-Upgrade-URL", "https://trakt.tv/vip");
  }

  private static Map<String, Integer> zeros() {
    Map<String, Integer> m = new LinkedHashMap<>();
    GROUPS.forEach(g -> m.put(g, 0));
    return m;
  }

  private static FakeResponse notAllowed() {
    return FakeResponse.error(405, "method not allowed");
  }
}
