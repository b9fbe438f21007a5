package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders the fake's library in SIMKL's JSON shapes (ids as strings, as SIMKL often sends). */
final class SimklJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SimklJson() {}

  /** SIMKL's time format: UTC, seconds. */
  static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  /** The activities group of a kind: {@code movies}, {@code tv_shows} or {@code anime}. */
  static String activityGroup(Kind kind) {
    switch (kind) {
      case MOVIE:
        return "movies";
      case SHOW:
        return "tv_shows";
      default:
        return "anime";
    }
  }

  /** The media object: title, year and ids (the SIMKL id a number, the others strings). */
  static ObjectNode media(SimklTitle t) {
    ObjectNode o = NODES.objectNode();
    o.put("title", t.title());
    o.put("year", t.year());
    ObjectNode ids = o.putObject("ids");
    ids.put("simkl", t.simkl());
    ids.put("slug", t.slug());
    putString(ids, "imdb", t.imdb());
    putString(ids, "tmdb", t.tmdb());
    putString(ids, "tvdb", t.tvdb());
    putString(ids, "mal", t.mal());
    return o;
  }

  /** One {@code /sync/all-items} row; {@code episodeTimes} adds each episode's watch time. */
  static ObjectNode row(SimklUser.Entry e, boolean full, boolean episodeTimes) {
    SimklTitle t = e.title();
    ObjectNode o = NODES.objectNode();
    o.put("added_to_watchlist_at", time(e.addedAt()));
    o.put("last_watched_at", time(lastWatched(e)));
    o.put("user_rated_at", time(e.ratedAt()));
    if (e.rating() == null) {
      o.putNull("user_rating");
    } else {
      o.put("user_rating", e.rating());
    }
    o.put("status", e.status());
    if (!t.isMovie()) {
      o.put("watched_episodes_count", e.episodes().size());
      o.put("total_episodes_count", t.episodeCount());
      o.put("not_aired_episodes_count", 0);
    }
    o.set(t.kind().mediaKey(), media(t));
    if (t.kind() == Kind.ANIME) {
      o.put("anime_type", "tv");
    }
    if (!t.isMovie() && full) {
      o.set("seasons", seasons(e, episodeTimes));
    }
    return o;
  }

  private static ArrayNode seasons(SimklUser.Entry e, boolean episodeTimes) {
    Map<Integer, ArrayNode> bySeason = new TreeMap<>();
    ArrayNode seasons = NODES.arrayNode();
    e.episodes()
        .forEach(
            (key, at) -> {
              String[] sn = key.split(":");
              int season = Integer.parseInt(sn[0]);
              ArrayNode episodes =
                  bySeason.computeIfAbsent(
                      season,
                      s -> {
                        ObjectNode so = seasons.addObject();
                        so.put("number", s);
                        return so.putArray("episodes");
                      });
              ObjectNode ep = episodes.addObject();
              ep.put("number", Integer.parseInt(sn[1]));
              if (episodeTimes) {
                ep.put("watched_at", time(at));
              }
            });
    return seasons;
  }

  private static Instant lastWatched(SimklUser.Entry e) {
    Instant last = e.lastWatchedAt();
    for (Instant at : e.episodes().values()) {
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
    return last;
  }

  /** The ids of a posted item, kind → value as strings. */
  static Map<String, String> ids(JsonNode ids) {
    Map<String, String> out = new LinkedHashMap<>();
    if (ids == null || !ids.isObject()) {
      return out;
    }
    for (String kind : new String[] {"simkl", "imdb", "tmdb", "tvdb", "mal"}) {
      JsonNode v = ids.get(kind);
      if (v != null && (v.isNumber() || v.isString()) && !v.asString().isBlank()) {
        out.put(kind, v.asString().trim());
      }
    }
    return out;
  }

  /** {@code {"movies": [], "shows": []}}, the shape of {@code not_found}. */
  static ObjectNode notFound() {
    ObjectNode o = NODES.objectNode();
    o.putArray("movies");
    o.putArray("shows");
    return o;
  }

  private static void putString(ObjectNode ids, String kind, Object value) {
    if (value != null) {
      ids.put(kind, value.toString());
    }
  }
}
