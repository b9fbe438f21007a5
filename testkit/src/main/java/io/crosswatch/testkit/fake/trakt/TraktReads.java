package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.FuzzySearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's GET endpoints. */
final class TraktReads {
  private static final List<String> ACTIVITY_GROUPS =
      List.of("movies", "episodes", "shows", "seasons");
  private static final List<String> ACTIVITY_FIELDS =
      List.of(
          "watched_at",
          "collected_at",
          "rated_at",
          "watchlisted_at",
          "commented_at",
          "paused_at",
          "hidden_at");

  private final TraktJson json;
  private final Instant epoch;
  private final int pageCap;

  TraktReads(TraktJson json, Instant epoch, int pageCap) {
    this.json = json;
    this.epoch = epoch;
    this.pageCap = pageCap;
  }

  FakeResponse settings(TraktUser user) {
    ObjectNode o = TraktJson.NODES.objectNode();
    ObjectNode u = o.putObject("user");
    u.put("username", user.username());
    u.put("private", false);
    u.put("vip", false);
    u.putObject("ids").put("slug", user.username());
    o.putObject("account").put("timezone", "UTC");
    ObjectNode limits = o.putObject("limits");
    limits
        .putObject("list")
        .put("count", user.lists().listLimit())
        .put("item_count", user.lists().itemLimit());
    limits.putObject("watchlist").put("item_count", user.watchlistLimit());
    return ok(o);
  }

  FakeResponse lastActivities(TraktUser user) {
    Map<String, Instant> acts = user.activities();
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("all", TraktJson.time(acts.getOrDefault("all", epoch)));
    for (String group : ACTIVITY_GROUPS) {
      ObjectNode g = o.putObject(group);
      for (String field : ACTIVITY_FIELDS) {
        g.put(field, TraktJson.time(acts.getOrDefault(group + "." + field, epoch)));
      }
    }
    o.putObject("watchlist")
        .put("updated_at", TraktJson.time(acts.getOrDefault("watchlist.updated_at", epoch)));
    o.putObject("lists")
        .put("updated_at", TraktJson.time(acts.getOrDefault("lists.updated_at", epoch)));
    o.putObject("account").put("settings_at", TraktJson.time(epoch));
    return ok(o);
  }

  FakeResponse watchlist(
      TraktUser user, FakeRequest request, Optional<MediaType> type, boolean empty) {
    List<JsonNode> rows = new ArrayList<>();
    int rank = 0;
    for (TraktUser.WatchlistEntry e : user.watchlist()) {
      rank++;
      if (type.isPresent() && e.title().type() != type.get()) {
        continue;
      }
      ObjectNode o = TraktJson.NODES.objectNode();
      o.put("rank", rank);
      o.put("id", e.id());
      o.put("listed_at", TraktJson.time(e.listedAt()));
      o.putNull("notes");
      rows.add(json.withMedia(o, e.title()));
    }
    boolean paged = request.param("page").isPresent() || request.param("limit").isPresent();
    return page(empty ? List.of() : rows, request, paged);
  }

  FakeResponse history(
      TraktUser user,
      FakeRequest request,
      Optional<MediaType> type,
      Optional<Long> id,
      boolean empty) {
    Optional<Instant> start = time(request.param("start_at"));
    Optional<Instant> end = time(request.param("end_at"));
    List<TraktUser.Play> plays = new ArrayList<>(user.plays());
    plays.sort(
        Comparator.comparing(TraktUser.Play::watchedAt)
            .thenComparingLong(TraktUser.Play::id)
            .reversed());
    List<JsonNode> rows = new ArrayList<>();
    for (TraktUser.Play p : plays) {
      if (matches(p.title(), type, id)
          && start.map(s -> !p.watchedAt().isBefore(s)).orElse(true)
          && end.map(e -> !p.watchedAt().isAfter(e)).orElse(true)) {
        ObjectNode o = TraktJson.NODES.objectNode();
        o.put("id", p.id());
        o.put("watched_at", TraktJson.time(p.watchedAt()));
        o.put("action", p.action());
        rows.add(json.withMedia(o, p.title()));
      }
    }
    return page(empty ? List.of() : rows, request, true);
  }

  FakeResponse ratings(
      TraktUser user,
      FakeRequest request,
      Optional<MediaType> type,
      Optional<Integer> rating,
      boolean empty) {
    List<TraktUser.Rating> all = new ArrayList<>(user.ratings());
    all.sort(Comparator.comparing(TraktUser.Rating::ratedAt).reversed());
    List<JsonNode> rows = new ArrayList<>();
    for (TraktUser.Rating r : all) {
      if (type.map(t -> t == r.title().type()).orElse(true)
          && rating.map(v -> v == r.rating()).orElse(true)) {
        ObjectNode o = TraktJson.NODES.objectNode();
        o.put("rated_at", TraktJson.time(r.ratedAt()));
        o.put("rating", r.rating());
        rows.add(json.withMedia(o, r.title()));
      }
    }
    boolean paged = request.param("page").isPresent() || request.param("limit").isPresent();
    return page(empty ? List.of() : rows, request, paged);
  }

  private static boolean matches(TraktTitle t, Optional<MediaType> type, Optional<Long> id) {
    if (type.isEmpty()) {
      return true;
    }
    switch (type.get()) {
      case MOVIE:
        return t.type() == MediaType.MOVIE && id.map(i -> i == t.trakt()).orElse(true);
      case SHOW:
        return t.type() == MediaType.EPISODE && id.map(i -> i == t.show().trakt()).orElse(true);
      case SEASON:
        return t.type() == MediaType.EPISODE && id.isEmpty();
      default:
        return t.type() == MediaType.EPISODE && id.map(i -> i == t.trakt()).orElse(true);
    }
  }

  /**
   * One page of rows with Trakt's pagination headers. Limits default to 10 and are capped (at 100,
   * as Trakt does) whatever the client asks.
   */
  FakeResponse page(List<JsonNode> rows, FakeRequest request, boolean paged) {
    ArrayNode body = TraktJson.array();
    if (!paged) {
      rows.forEach(body::add);
      return ok(body);
    }
    int limit = Math.min(pageCap, Math.max(1, intParam(request, "limit", 10)));
    int page = Math.max(1, intParam(request, "page", 1));
    int pageCount = Math.max(1, (rows.size() + limit - 1) / limit);
    int from = Math.min(rows.size(), (page - 1) * limit);
    rows.subList(from, Math.min(rows.size(), from + limit)).forEach(body::add);
    return ok(body)
        .withHeader("X-Pagination-Page", Integer.toString(page))
        .withHeader("X-Pagination-Limit", Integer.toString(limit))
        .withHeader("X-Pagination-Page-Count", Integer.toString(pageCount))
        .withHeader("X-Pagination-Item-Count", Integer.toString(rows.size()));
  }

  private static int intParam(FakeRequest request, String name, int otherwise) {
    try {
      return request.param(name).map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static Optional<Instant> time(Optional<String> text) {
    return text.map(Instant::parse);
  }

  /**
   * {@code GET /search/{movie|show}?query=&years=}: titles of the type whose title contains the
   * query loosely (see {@link FuzzySearch}), of that year when {@code years} is given.
   */
  FakeResponse search(List<TraktTitle> titles, FakeRequest request, MediaType type) {
    String query = request.param("query").orElse("");
    Optional<Integer> year = request.param("years").map(Integer::parseInt);
    ArrayNode rows = TraktJson.array();
    for (TraktTitle t : titles) {
      if (t.type() == type
          && FuzzySearch.matches(query, t.title())
          && (year.isEmpty() || year.get().equals(t.year()))) {
        ObjectNode o = TraktJson.NODES.objectNode();
        o.put("score", 1000.0);
        rows.add(json.withMedia(o, t));
      }
    }
    return ok(rows);
  }

  static FakeResponse ok(JsonNode body) {
    return FakeResponse.json(200, body.toString());
  }
}
