package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Maps between Trakt's JSON shapes and normalized items. */
final class TraktItems {
  /** The id kinds Trakt knows and accepts in writes. */
  static final List<IdKind> TRAKT_KINDS =
      List.of(IdKind.TRAKT, IdKind.SLUG, IdKind.IMDB, IdKind.TMDB, IdKind.TVDB);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TraktItems() {}

  /** A row's item, its feature time not yet set; empty for rows of other types (people, lists). */
  static Optional<Item> fromRow(JsonNode row) {
    String type = row.path("type").asString("");
    ShowRef show = row.has("show") ? showRef(row.get("show")) : null;
    switch (type) {
      case "movie":
        return Optional.of(media(MediaType.MOVIE, row.get("movie"), null));
      case "show":
        return Optional.of(media(MediaType.SHOW, row.get("show"), null));
      case "season":
        return Optional.of(media(MediaType.SEASON, row.get("season"), show));
      case "episode":
        return Optional.of(media(MediaType.EPISODE, row.get("episode"), show));
      default:
        return Optional.empty();
    }
  }

  private static Item media(MediaType type, JsonNode o, ShowRef show) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("row of type " + type.key() + " lacks its object");
    }
    Ids ids = ids(o.get("ids"));
    switch (type) {
      case MOVIE:
        return Item.movie(text(o, "title"), integer(o, "year"), ids);
      case SHOW:
        return Item.show(text(o, "title"), integer(o, "year"), ids);
      case SEASON:
        return Item.season(show, intOr(o, "number", 0), ids);
      default:
        Integer season = integer(o, "season");
        Integer number = integer(o, "number");
        return new Item(
            MediaType.EPISODE,
            text(o, "title"),
            null,
            ids,
            show,
            season,
            number,
            null,
            null,
            null,
            null);
    }
  }

  static ShowRef showRef(JsonNode show) {
    return new ShowRef(text(show, "title"), integer(show, "year"), ids(show.get("ids")));
  }

  /** Trakt ids (numbers or digit strings, nulls skipped) as normalized ids. */
  static Ids ids(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Ids.empty();
    }
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (IdKind kind : TRAKT_KINDS) {
      JsonNode v = node.get(kind.key());
      if (v != null && (v.isNumber() || v.isString())) {
        raw.put(kind, v.asString());
      }
    }
    return Ids.of(raw);
  }

  /** The ids object to send: only kinds Trakt knows, numbers as numbers. */
  static ObjectNode idsJson(Ids ids) {
    ObjectNode o = NODES.objectNode();
    for (IdKind kind : TRAKT_KINDS) {
      String v = ids.value(kind);
      if (v != null) {
        if (kind.numeric()) {
          o.put(kind.key(), Long.parseLong(v));
        } else {
          o.put(kind.key(), v);
        }
      }
    }
    return o;
  }

  /** Whether ids hold any kind Trakt can look up. */
  static boolean hasTraktIds(Ids ids) {
    return TRAKT_KINDS.stream().anyMatch(k -> ids.value(k) != null);
  }

  /** Trakt's time format, with milliseconds. */
  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }

  static Instant parseTime(JsonNode row, String field) {
    JsonNode v = row.get(field);
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

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  private static Integer integer(JsonNode o, String field) {
    JsonNode v = o.get(field);
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

  private static int intOr(JsonNode o, String field, int otherwise) {
    Integer v = integer(o, field);
    return v == null ? otherwise : v;
  }
}
