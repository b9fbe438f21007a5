package io.crosswatch.core.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the normalized item JSON of the design (section 4). */
public final class ItemJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ItemJson() {}

  /**
   * Parses one item.
   *
   * @param path JSON path of {@code node}, used in error messages
   * @throws ItemFormatException naming the offending path when the item is malformed
   */
  public static Item read(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new ItemFormatException(path, "must be an object");
    }
    String typeName = text(node, "type", path);
    if (typeName == null) {
      throw new ItemFormatException(path + ".type", "is required");
    }
    MediaType type =
        MediaType.fromKey(typeName)
            .orElseThrow(
                () ->
                    new ItemFormatException(
                        path + ".type",
                        "must be movie, show, season or episode, got \"" + typeName + "\""));
    ShowRef show = null;
    JsonNode showNode = node.get("show");
    if (showNode != null && !showNode.isNull()) {
      if (!showNode.isObject()) {
        throw new ItemFormatException(path + ".show", "must be an object");
      }
      show =
          new ShowRef(
              text(showNode, "title", path + ".show"),
              integer(showNode, "year", path + ".show"),
              ids(showNode.get("ids"), path + ".show.ids"));
    }
    Integer rating = integer(node, "rating", path);
    if (rating != null && (rating < 1 || rating > 10)) {
      throw new ItemFormatException(path + ".rating", "must be an integer 1–10, got " + rating);
    }
    return new Item(
        type,
        text(node, "title", path),
        integer(node, "year", path),
        ids(node.get("ids"), path + ".ids"),
        show,
        integer(node, "season", path),
        integer(node, "number", path),
        instant(node, "listed_at", path),
        instant(node, "watched_at", path),
        rating,
        instant(node, "rated_at", path));
  }

  /** Parses an {@code ids} object; unknown id kinds are ignored, values that are no id dropped. */
  public static Ids ids(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Ids.empty();
    }
    if (!node.isObject()) {
      throw new ItemFormatException(path, "must be an object");
    }
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      IdKind.fromKey(e.getKey())
          .ifPresent(
              kind -> {
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                  raw.put(kind, v.isIntegralNumber() ? v.asString() : v.doubleValue());
                } else if (v.isString()) {
                  raw.put(kind, v.stringValue());
                } else if (!v.isNull()) {
                  throw new ItemFormatException(
                      path + "." + e.getKey(), "must be a string or a number");
                }
              });
    }
    return Ids.of(raw);
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new ItemFormatException(path + "." + field, "must be a string");
    }
    return v.stringValue();
  }

  private static Integer integer(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isString() && v.stringValue().matches("-?\\d{1,9}")) {
      return Integer.parseInt(v.stringValue());
    }
    throw new ItemFormatException(path + "." + field, "must be an integer");
  }

  private static Instant instant(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new ItemFormatException(path + "." + field, "must be an ISO-8601 time string");
    }
    return parseInstant(v.stringValue(), path + "." + field);
  }

  /** Parses an ISO-8601 time with offset ({@code Z} or {@code +01:00}). */
  public static Instant parseInstant(String text, String path) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new ItemFormatException(
            path, "must be an ISO-8601 time such as 2026-01-02T03:04:05Z, got \"" + text + "\"");
      }
    }
  }

  /** The item as a JSON object, fields in the design's order, absent fields left out. */
  public static ObjectNode toJson(Item item) {
    ObjectNode o = NODES.objectNode();
    o.put("type", item.type().key());
    if (item.title() != null) {
      o.put("title", item.title());
    }
    if (item.year() != null) {
      o.put("year", item.year());
    }
    if (item.show() != null) {
      ObjectNode s = o.putObject("show");
      if (item.show().title() != null) {
        s.put("title", item.show().title());
      }
      if (item.show().year() != null) {
        s.put("year", item.show().year());
      }
      s.set("ids", idsJson(item.show().ids()));
    }
    if (item.season() != null) {
      o.put("season", item.season());
    }
    if (item.number() != null) {
      o.put("number", item.number());
    }
    o.set("ids", idsJson(item.ids()));
    if (item.listedAt() != null) {
      o.put("listed_at", item.listedAt().toString());
    }
    if (item.watchedAt() != null) {
      o.put("watched_at", item.watchedAt().toString());
    }
    if (item.rating() != null) {
      o.put("rating", item.rating());
    }
    if (item.ratedAt() != null) {
      o.put("rated_at", item.ratedAt().toString());
    }
    return o;
  }

  /** Ids as a JSON object; numeric kinds are written as numbers. */
  public static ObjectNode idsJson(Ids ids) {
    ObjectNode o = NODES.objectNode();
    ids.forEach(
        (kind, value) -> {
          if (kind.numeric()) {
            o.put(kind.key(), Long.parseLong(value));
          } else {
            o.put(kind.key(), value);
          }
        });
    return o;
  }

  /** Streams the item to a generator (same shape as {@link #toJson}). */
  public static void write(JsonGenerator g, Item item) {
    g.writeStartObject();
    g.writeStringProperty("type", item.type().key());
    if (item.title() != null) {
      g.writeStringProperty("title", item.title());
    }
    if (item.year() != null) {
      g.writeNumberProperty("year", item.year());
    }
    if (item.show() != null) {
      g.writeName("show");
      g.writeStartObject();
      if (item.show().title() != null) {
        g.writeStringProperty("title", item.show().title());
      }
      if (item.show().year() != null) {
        g.writeNumberProperty("year", item.show().year());
      }
      writeIds(g, item.show().ids());
      g.writeEndObject();
    }
    if (item.season() != null) {
      g.writeNumberProperty("season", item.season());
    }
    if (item.number() != null) {
      g.writeNumberProperty("number", item.number());
    }
    writeIds(g, item.ids());
    if (item.listedAt() != null) {
      g.writeStringProperty("listed_at", item.listedAt().toString());
    }
    if (item.watchedAt() != null) {
      g.writeStringProperty("watched_at", item.watchedAt().toString());
    }
    if (item.rating() != null) {
      g.writeNumberProperty("rating", item.rating());
    }
    if (item.ratedAt() != null) {
      g.writeStringProperty("rated_at", item.ratedAt().toString());
    }
    g.writeEndObject();
  }

  private static void writeIds(JsonGenerator g, Ids ids) {
    g.writeName("ids");
    g.writeStartObject();
    for (int i = 0; i < ids.size(); i++) {
      IdKind kind = ids.kindAt(i);
      if (kind.numeric()) {
        g.writeNumberProperty(kind.key(), Long.parseLong(ids.valueAt(i)));
      } else {
        g.writeStringProperty(kind.key(), ids.valueAt(i));
      }
    }
    g.writeEndObject();
  }
}
