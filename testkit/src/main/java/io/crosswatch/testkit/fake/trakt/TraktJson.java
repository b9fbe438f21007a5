package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders the fake's titles in Trakt's JSON shapes. */
final class TraktJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final boolean stringIds;

  TraktJson(boolean stringIds) {
    this.stringIds = stringIds;
  }

  /** Trakt's time format: UTC with milliseconds. */
  static String time(Instant at) {
    return TIME.format(at);
  }

  /** Puts {@code type} and the title's object(s) (with its show when it has one) into {@code o}. */
  ObjectNode withMedia(ObjectNode o, TraktTitle t) {
    o.put("type", t.type().key());
    o.set(t.type().key(), media(t));
    if (t.show() != null) {
      o.set("show", media(t.show()));
    }
    return o;
  }

  /** The title's own object: movie, show, season or episode shape. */
  ObjectNode media(TraktTitle t) {
    ObjectNode o = NODES.objectNode();
    ObjectNode ids = NODES.objectNode();
    switch (t.type()) {
      case MOVIE:
      case SHOW:
        o.put("title", t.title());
        o.put("year", t.year());
        id(ids, "trakt", t.trakt());
        ids.put("slug", t.slug());
        if (t.type() == MediaType.SHOW) {
          id(ids, "tvdb", t.tvdb());
        }
        ids.put("imdb", t.imdb());
        id(ids, "tmdb", t.tmdb());
        break;
      case SEASON:
        o.put("number", t.season());
        id(ids, "trakt", t.trakt());
        id(ids, "tvdb", t.tvdb());
        id(ids, "tmdb", t.tmdb());
        break;
      default:
        o.put("season", t.season());
        o.put("number", t.number());
        o.put("title", t.title());
        id(ids, "trakt", t.trakt());
        id(ids, "tvdb", t.tvdb());
        ids.put("imdb", t.imdb());
        id(ids, "tmdb", t.tmdb());
    }
    o.set("ids", ids);
    return o;
  }

  private void id(ObjectNode ids, String kind, Long value) {
    if (value == null) {
      ids.putNull(kind);
    } else if (stringIds) {
      ids.put(kind, value.toString());
    } else {
      ids.put(kind, value);
    }
  }

  /** Posted {@code ids} as kind → text, ignoring nulls and non-scalar values. */
  static Map<String, String> ids(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNumber() || v.isString()) {
        out.put(e.getKey(), v.asString());
      }
    }
    return out;
  }

  /** {@code {"movies": 0, "shows": 0, …}} for the given groups. */
  static ObjectNode counts(Map<String, Integer> counts) {
    ObjectNode o = NODES.objectNode();
    counts.forEach(o::put);
    return o;
  }

  /** An empty {@code not_found} object with the given groups. */
  static ObjectNode notFound(String... groups) {
    ObjectNode o = NODES.objectNode();
    for (String g : groups) {
      o.putArray(g);
    }
    return o;
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }
}
