package io.crosswatch.testkit.fake.mdblist;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The fake's endpoints, answering in the shapes the MDBList adapter assumes. */
final class MdblistHandlers {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  static final List<String> FLAT_KINDS = List.of("imdb", "tmdb");
  private static final List<String> SYNC_KINDS = List.of("imdb", "tmdb", "tvdb");
  private static final List<String> ACTIVITY_KEYS =
      List.of(
          "watchlisted_at",
          "watched_at",
          "season_watched_at",
          "episode_watched_at",
          "rated_at",
          "collected_at",
          "paused_at",
          "episode_paused_at",
          "dropped_at",
          MdblistUser.JOURNAL);

  private final MdblistCatalogue catalogue;
  private final Clock clock;
  private final int pageCap;

  MdblistHandlers(MdblistCatalogue catalogue, Clock clock, int pageCap) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.pageCap = pageCap;
  }

  FakeResponse user(MdblistUser user, int limit, int used) {
    ObjectNode o = NODES.objectNode();
    o.put("user_name", user.name());
    o.put("api_requests", limit);
    o.put("api_requests_count", used);
    return ok(o);
  }

  /**
   * {@code GET /sync/last_activities}: one flat object of activity times (null when never), plus
   * {@code server_time}, the fake's now.
   */
  FakeResponse lastActivities(MdblistUser user) {
    Map<String, Instant> acts = user.activities();
    ObjectNode o = NODES.objectNode();
    for (String key : ACTIVITY_KEYS) {
      Instant at = acts.get(key);
      if (at == null) {
        o.putNull(key);
      } else {
        o.put(key, at.toString());
      }
    }
    o.put("server_time", clock.instant().toString());
    return ok(o);
  }

  FakeResponse watchlist(MdblistUser user, FakeRequest request, boolean empty) {
    if (empty) {
      return page(List.of(), request, List.of("movies", "shows"));
    }
    List<Row> rows = new ArrayList<>();
    for (MdblistUser.Listed l : user.watchlist()) {
      ObjectNode o = NODES.objectNode();
      o.put("id", l.title().tmdb());
      o.put("title", l.title().title());
      o.put("release_year", l.title().year());
      o.put("mediatype", l.title().show() ? "show" : "movie");
      o.put("imdb_id", l.title().imdb());
      if (l.title().tvdb() != null) {
        o.put("tvdb_id", l.title().tvdb());
      }
      o.put("listed_at", time(l.listedAt()));
      rows.add(new Row(l.title().group(), o));
    }
    return page(rows, request, List.of("movies", "shows"));
  }

  FakeResponse ratings(MdblistUser user, FakeRequest request, boolean empty) {
    if (empty) {
      return page(List.of(), request, List.of("movies", "shows"));
    }
    List<Row> rows = new ArrayList<>();
    for (MdblistUser.Rating r : user.ratings()) {
      ObjectNode o = NODES.objectNode();
      o.put("rating", r.rating());
      o.put("rated_at", time(r.ratedAt()));
      o.set(r.title().show() ? "show" : "movie", media(r.title()));
      rows.add(new Row(r.title().group(), o));
    }
    return page(rows, request, List.of("movies", "shows"));
  }

  FakeResponse watched(MdblistUser user, FakeRequest request, boolean empty) {
    if (empty) {
      return page(List.of(), request, List.of("movies", "episodes"));
    }
    List<Row> rows = new ArrayList<>();
    for (MdblistUser.Play p : user.plays()) {
      ObjectNode o = NODES.objectNode();
      o.put("watched_at", time(p.watchedAt()));
      if (p.title().show()) {
        o.set("show", media(p.title()));
        o.putObject("episode").put("season", p.season()).put("number", p.number());
        rows.add(new Row("episodes", o));
      } else {
        o.set("movie", media(p.title()));
        rows.add(new Row("movies", o));
      }
    }
    return page(rows, request, List.of("movies", "episodes"));
  }

  FakeResponse watchlistWrite(MdblistUser user, JsonNode body, boolean add) {
    Map<String, Integer> changed = counts();
    Map<String, Integer> existing = counts();
    ObjectNode notFound = notFound();
    for (String group : List.of("movies", "shows")) {
      for (JsonNode item : elements(body.get(group))) {
        Optional<MdblistTitle> t = catalogue.find(group.equals("shows"), ids(item), FLAT_KINDS);
        if (t.isEmpty()) {
          ((ArrayNode) notFound.get(group)).add(item.deepCopy());
          continue;
        }
        boolean did = add ? user.list(t.get(), clock.instant()) : user.unlist(t.get());
        (did ? changed : existing).merge(group, 1, Integer::sum);
      }
    }
    ObjectNode o = NODES.objectNode();
    o.set(add ? "added" : "removed", MAPPER.valueToTree(changed));
    o.set("existing", MAPPER.valueToTree(existing));
    o.set("not_found", notFound);
    return ok(o);
  }

  FakeResponse syncWrite(MdblistUser user, JsonNode body, String what, boolean add) {
    Map<String, Integer> changed = counts();
    ObjectNode notFound = notFound();
    for (String group : List.of("movies", "shows")) {
      for (JsonNode item : elements(body.get(group))) {
        Optional<MdblistTitle> t =
            catalogue.find(group.equals("shows"), ids(item.get("ids")), SYNC_KINDS);
        if (t.isEmpty()) {
          ((ArrayNode) notFound.get(group)).add(item.deepCopy());
          continue;
        }
        int n =
            what.equals("ratings")
                ? rating(user, t.get(), item, add)
                : plays(user, t.get(), item, add);
        changed.merge(group, n, Integer::sum);
      }
    }
    ObjectNode o = NODES.objectNode();
    o.set(add ? "added" : "deleted", MAPPER.valueToTree(changed));
    o.set("not_found", notFound);
    return ok(o);
  }

  private int rating(MdblistUser user, MdblistTitle t, JsonNode item, boolean add) {
    if (!add) {
      return user.unrate(t) ? 1 : 0;
    }
    int r = item.path("rating").asInt(0);
    if (r < 1 || r > 10) {
      return 0;
    }
    user.rate(t, r, at(item).orElseGet(clock::instant));
    return 1;
  }

  private int plays(MdblistUser user, MdblistTitle t, JsonNode item, boolean add) {
    if (!t.show()) {
      if (add) {
        user.play(t, null, null, at(item).orElseGet(clock::instant));
        return 1;
      }
      return user.unplay(t, null, null);
    }
    int n = 0;
    for (JsonNode s : elements(item.get("seasons"))) {
      for (JsonNode e : elements(s.get("episodes"))) {
        int season = s.path("number").asInt();
        int number = e.path("number").asInt();
        if (add) {
          user.play(t, season, number, at(e).orElseGet(clock::instant));
          n++;
        } else {
          n += user.unplay(t, season, number);
        }
      }
    }
    return n;
  }

  record Row(String group, ObjectNode row) {}

  /** One page of the joined rows by {@code limit}/{@code offset}, the limit capped. */
  FakeResponse page(List<Row> rows, FakeRequest request, List<String> groups) {
    int limit = Math.min(pageCap, Math.max(1, intParam(request, "limit", 50)));
    int offset = Math.max(0, intParam(request, "offset", 0));
    ObjectNode o = NODES.objectNode();
    groups.forEach(o::putArray);
    List<Row> slice =
        rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit));
    slice.forEach(r -> ((ArrayNode) o.get(r.group())).add(r.row()));
    o.putObject("pagination")
        .put("offset", offset)
        .put("limit", limit)
        .put("total_items", rows.size())
        .put("has_more", offset + limit < rows.size());
    return ok(o);
  }

  private static ObjectNode media(MdblistTitle t) {
    ObjectNode o = NODES.objectNode();
    o.put("title", t.title());
    o.put("year", t.year());
    ObjectNode ids = o.putObject("ids");
    ids.put("imdb", t.imdb());
    ids.put("tmdb", t.tmdb());
    if (t.tvdb() != null) {
      ids.put("tvdb", t.tvdb());
    }
    return o;
  }

  static Map<String, String> ids(JsonNode o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o == null || !o.isObject()) {
      return out;
    }
    for (String kind : SYNC_KINDS) {
      JsonNode v = o.get(kind);
      if (v != null && (v.isNumber() || v.isString())) {
        out.put(kind, v.asString());
      }
    }
    return out;
  }

  private static Optional<Instant> at(JsonNode o) {
    for (String f : List.of("watched_at", "rated_at")) {
      JsonNode v = o.get(f);
      if (v != null && v.isString()) {
        return Optional.of(Instant.parse(v.asString()));
      }
    }
    return Optional.empty();
  }

  static Map<String, Integer> counts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("movies", 0);
    m.put("shows", 0);
    return m;
  }

  static ObjectNode notFound() {
    ObjectNode o = NODES.objectNode();
    o.putArray("movies");
    o.putArray("shows");
    return o;
  }

  static Iterable<JsonNode> elements(JsonNode list) {
    return list == null || !list.isArray() ? List.of() : list;
  }

  private static int intParam(FakeRequest r, String name, int otherwise) {
    try {
      return r.param(name).map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  static FakeResponse ok(JsonNode body) {
    return FakeResponse.json(200, body.toString());
  }
}
