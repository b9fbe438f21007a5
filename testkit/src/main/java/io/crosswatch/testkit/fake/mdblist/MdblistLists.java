package io.crosswatch.testkit.fake.mdblist;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user's lists on the fake MDBList: static lists (items added and removed by hand) and dynamic
 * lists (filled by MDBList from filters; read-only through the API). Endpoints: {@code GET
 * /lists/user}, {@code GET /lists/{id}/items} (paged like the watchlist), {@code POST
 * /lists/{id}/items/add|remove} (flat imdb/tmdb ids per group, answering {@code added|removed},
 * {@code existing}, {@code not_found}) and {@code POST /lists/user/add} (create a static list).
 * Writes to a dynamic list answer 403. Limits (lists per account, items per static list) are
 * configurable: MDBList's free-account numbers are not documented where they were looked for, so
 * the defaults here are assumptions; a write beyond them answers 403 with a message saying so.
 */
public final class MdblistLists {

  /** One list; {@code items} in list order. Guarded by the owning {@link MdblistLists}. */
  public static final class UserList {
    private final long id;
    private final String name;
    private final boolean dynamic;
    private final List<MdblistTitle> items = new ArrayList<>();
    private Instant updated;

    UserList(long id, String name, boolean dynamic, Instant updated) {
      this.id = id;
      this.name = name;
      this.dynamic = dynamic;
      this.updated = updated;
    }

    public long id() {
      return id;
    }

    public String name() {
      return name;
    }

    public boolean dynamic() {
      return dynamic;
    }

    String slug() {
      return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
  }

  private final MdblistCatalogue catalogue;
  private final MdblistHandlers handlers;
  private final Clock clock;
  private final int listLimit;
  private final int itemLimit;
  private final Map<Long, UserList> lists = new LinkedHashMap<>();
  private long nextId = 50_001L;

  MdblistLists(
      MdblistCatalogue catalogue,
      MdblistHandlers handlers,
      Clock clock,
      int listLimit,
      int itemLimit) {
    this.catalogue = catalogue;
    this.handlers = handlers;
    this.clock = clock;
    this.listLimit = listLimit;
    this.itemLimit = itemLimit;
  }

  /** Creates a static list, as the user would on the site. */
  public synchronized UserList create(String name) {
    return put(name, false);
  }

  /** Creates a dynamic list holding {@code items} (MDBList fills these from filters). */
  public synchronized UserList createDynamic(String name, List<MdblistTitle> items) {
    UserList l = put(name, true);
    l.items.addAll(items);
    return l;
  }

  /** Adds an item to a list by hand (a test's seeding; dynamic lists too). */
  public synchronized void add(UserList list, MdblistTitle title) {
    if (!list.items.contains(title)) {
      list.items.add(title);
      list.updated = clock.instant();
    }
  }

  /** Removes an item from a list, as the user would on the site. */
  public synchronized boolean remove(UserList list, MdblistTitle title) {
    boolean removed = list.items.remove(title);
    list.updated = clock.instant();
    return removed;
  }

  /** The list of this name (exact), if any. */
  public synchronized Optional<UserList> named(String name) {
    return lists.values().stream().filter(l -> l.name.equals(name)).findFirst();
  }

  /** A list's items in order. */
  public synchronized List<MdblistTitle> items(UserList list) {
    return List.copyOf(list.items);
  }

  /** Every list, in the order created. */
  public synchronized List<UserList> all() {
    return List.copyOf(lists.values());
  }

  private UserList put(String name, boolean dynamic) {
    UserList l = new UserList(nextId++, name, dynamic, clock.instant());
    lists.put(l.id, l);
    return l;
  }

  synchronized FakeResponse userLists() {
    ArrayNode rows = MdblistHandlers.MAPPER.createArrayNode();
    for (UserList l : lists.values()) {
      ObjectNode o = rows.addObject();
      o.put("id", l.id);
      o.put("name", l.name);
      o.put("slug", l.slug());
      o.put("items", l.items.size());
      o.put("dynamic", l.dynamic);
      o.put("private", false);
      o.put("mediatype", "movie");
      o.put("updated", MdblistHandlers.time(l.updated));
    }
    return MdblistHandlers.ok(rows);
  }

  synchronized FakeResponse items(String id, FakeRequest request) {
    Optional<UserList> list = byId(id);
    if (list.isEmpty()) {
      return FakeResponse.error(404, "list not found");
    }
    List<MdblistHandlers.Row> rows = new ArrayList<>();
    int rank = 1;
    for (MdblistTitle t : list.get().items) {
      ObjectNode o = MdblistHandlers.MAPPER.createObjectNode();
      o.put("id", t.tmdb());
      o.put("rank", rank++);
      o.put("title", t.title());
      o.put("release_year", t.year());
      o.put("mediatype", t.show() ? "show" : "movie");
      o.put("imdb_id", t.imdb());
      if (t.tvdb() != null) {
        o.put("tvdb_id", t.tvdb());
      }
      rows.add(new MdblistHandlers.Row(t.group(), o));
    }
    return handlers.page(rows, request, List.of("movies", "shows"));
  }

  synchronized FakeResponse createList(JsonNode body) {
    String name = body.path("name").asString("").strip();
    if (name.isEmpty()) {
      return FakeResponse.error(400, "name is required");
    }
    long statics = lists.values().stream().filter(l -> !l.dynamic).count();
    if (statics >= listLimit) {
      return FakeResponse.error(
          403, "list limit reached: this account can hold " + listLimit + " static lists");
    }
    UserList l = put(name, false);
    ObjectNode o = MdblistHandlers.MAPPER.createObjectNode();
    o.put("id", l.id);
    o.put("name", l.name);
    o.put("slug", l.slug());
    return FakeResponse.json(200, o.toString());
  }

  synchronized FakeResponse write(String id, JsonNode body, boolean add) {
    Optional<UserList> found = byId(id);
    if (found.isEmpty()) {
      return FakeResponse.error(404, "list not found");
    }
    UserList list = found.get();
    if (list.dynamic) {
      return FakeResponse.error(403, "dynamic lists cannot be edited");
    }
    Map<String, Integer> changed = MdblistHandlers.counts();
    Map<String, Integer> existing = MdblistHandlers.counts();
    ObjectNode notFound = MdblistHandlers.notFound();
    List<MdblistTitle> toAdd = new ArrayList<>();
    for (String group : List.of("movies", "shows")) {
      for (JsonNode item : MdblistHandlers.elements(body.get(group))) {
        Optional<MdblistTitle> t =
            catalogue.find(
                group.equals("shows"), MdblistHandlers.ids(item), MdblistHandlers.FLAT_KINDS);
        if (t.isEmpty()) {
          ((ArrayNode) notFound.get(group)).add(item.deepCopy());
          continue;
        }
        boolean held = list.items.contains(t.get()) || toAdd.contains(t.get());
        if (add && !held) {
          toAdd.add(t.get());
          changed.merge(group, 1, Integer::sum);
        } else if (!add && held) {
          list.items.remove(t.get());
          changed.merge(group, 1, Integer::sum);
        } else {
          existing.merge(group, 1, Integer::sum);
        }
      }
    }
    if (list.items.size() + toAdd.size() > itemLimit) {
      return FakeResponse.error(
          403, "item limit reached: a static list can hold " + itemLimit + " items");
    }
    list.items.addAll(toAdd);
    list.updated = clock.instant();
    ObjectNode o = MdblistHandlers.MAPPER.createObjectNode();
    o.set(add ? "added" : "removed", MdblistHandlers.MAPPER.valueToTree(changed));
    o.set("existing", MdblistHandlers.MAPPER.valueToTree(existing));
    o.set("not_found", notFound);
    return MdblistHandlers.ok(o);
  }

  private Optional<UserList> byId(String id) {
    try {
      return Optional.ofNullable(lists.get(Long.parseLong(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
