package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Maps between SIMKL's JSON shapes (ids, times, media objects) and normalized values. */
final class SimklItems {
  /** The id kinds SIMKL reports; numeric ones often arrive as strings. */
  static final List<IdKind> SIMKL_KINDS =
      List.of(
          IdKind.SIMKL,
          IdKind.SLUG,
          IdKind.IMDB,
          IdKind.TMDB,
          IdKind.TVDB,
          IdKind.MAL,
          IdKind.ANIDB,
          IdKind.ANILIST,
          IdKind.KITSU);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SimklItems() {}

  /** SIMKL ids (numbers or digit strings, nulls and unknown kinds skipped) as normalized ids. */
  static Ids ids(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Ids.empty();
    }
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (IdKind kind : SIMKL_KINDS) {
      JsonNode v = node.get(kind.key());
      if (v != null && (v.isNumber() || v.isString())) {
        raw.put(kind, v.asString());
      }
    }
    return Ids.of(raw);
  }

  /**
   * The ids object to send: every kind SIMKL resolves (slug is answer-only), numbers as numbers.
   */
  static ObjectNode idsJson(Ids ids) {
    ObjectNode o = NODES.objectNode();
    for (IdKind kind : SIMKL_KINDS) {
      String v = ids.value(kind);
      if (v == null || kind == IdKind.SLUG) {
        continue;
      }
      if (kind.numeric()) {
        o.put(kind.key(), Long.parseLong(v));
      } else {
        o.put(kind.key(), v);
      }
    }
    return o;
  }

  /** Whether ids hold a kind SIMKL can look a title up by. */
  static boolean hasSimklIds(Ids ids) {
    return SIMKL_KINDS.stream().anyMatch(k -> k != IdKind.SLUG && ids.value(k) != null);
  }

  /** A movie or show from a SIMKL media object ({@code title}, {@code year}, {@code ids}). */
  static Item media(MediaType type, JsonNode o) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("entry lacks its " + type.key() + " object");
    }
    Ids ids = ids(o.get("ids"));
    String title = o.path("title").isString() ? o.get("title").stringValue() : null;
    Integer year = integer(o.get("year"));
    return type == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
  }

  /** SIMKL's time format: UTC, seconds (SIMKL stores no finer). */
  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** A time field of an object; {@code null} when absent or null. */
  static Instant parseTime(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asString();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(field + " is not an ISO-8601 time: \"" + s + "\"");
      }
    }
  }

  /** An integer from a number or a digit string; {@code null} otherwise. */
  static Integer integer(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isString() && v.stringValue().strip().matches("-?\\d{1,9}")) {
      return Integer.parseInt(v.stringValue().strip());
    }
    return null;
  }
}
