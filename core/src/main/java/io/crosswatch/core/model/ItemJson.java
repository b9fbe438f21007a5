package io.crosswatch.core.model;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the normalized item JSON (docs/architecture.md, Items and identity). */
public final class ItemJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
    try (JsonParser p = MAPPER.treeAsTokens(node)) {
      p.nextToken();
      return ItemReader.read(p, path);
    }
  }

  /**
   * Parses one item from a token stream positioned at the item's first token, leaving it at the
   * item's last token; faster than going through a tree.
   *
   * @throws ItemFormatException naming the offending path when the item is malformed
   */
  public static Item read(JsonParser parser, String path) {
    return ItemReader.read(parser, path);
  }

  /**
   * Parses one item from a token stream, strictly: a key outside {@code keys}, a show key other
   * than title, year and ids, or an unknown id kind is an error (a document that only crosswatch
   * writes, such as a reviewed plan, holds none).
   *
   * @throws ItemFormatException naming the offending path
   */
  public static Item readStrict(JsonParser parser, String path, Set<String> keys) {
    return ItemReader.read(parser, path, Objects.requireNonNull(keys, "keys"));
  }

  /** Parses an {@code ids} object; unknown id kinds are ignored, values that are no id dropped. */
  public static Ids ids(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Ids.empty();
    }
    try (JsonParser p = MAPPER.treeAsTokens(node)) {
      p.nextToken();
      return ItemReader.ids(p, path);
    }
  }

  /** Parses an ISO-8601 time with offset ({@code Z} or {@code +01:00}). */
  public static Instant parseInstant(String text, String path) {
    Instant at = IsoInstants.parse(text);
    if (at == null) {
      throw new ItemFormatException(
          path, "must be an ISO-8601 time such as 2026-01-02T03:04:05Z, got \"" + text + "\"");
    }
    return at;
  }

  /** The item as a JSON object, fields in their documented order, absent fields left out. */
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
      o.put("listed_at", IsoInstants.format(item.listedAt()));
    }
    if (item.watchedAt() != null) {
      o.put("watched_at", IsoInstants.format(item.watchedAt()));
    }
    if (item.rating() != null) {
      o.put("rating", item.rating());
    }
    if (item.ratedAt() != null) {
      o.put("rated_at", IsoInstants.format(item.ratedAt()));
    }
    if (item.progressMs() != null) {
      o.put("progress_ms", item.progressMs());
    }
    if (item.durationMs() != null) {
      o.put("duration_ms", item.durationMs());
    }
    if (item.pausedAt() != null) {
      o.put("paused_at", IsoInstants.format(item.pausedAt()));
    }
    if (item.playlist() != null) {
      o.set("playlist", playlistJson(item.playlist()));
    }
    return o;
  }

  /**
   * A playlist reference as stored with a member in plans, events and state: {@code {"name",
   * "description", "position", "id", "read_only"}}, absent fields left out.
   */
  public static ObjectNode playlistJson(PlaylistRef ref) {
    ObjectNode o = NODES.objectNode();
    o.put("name", ref.name());
    if (ref.description() != null) {
      o.put("description", ref.description());
    }
    if (ref.position() != null) {
      o.put("position", ref.position());
    }
    if (ref.id() != null) {
      o.put("id", ref.id());
    }
    if (ref.readOnly()) {
      o.put("read_only", true);
    }
    return o;
  }

  /**
   * The item without its playlist: a FILE document lists members inside their playlist, so the
   * member itself carries no {@code playlist} key there.
   */
  public static Item withoutPlaylist(Item item) {
    return item.playlist() == null ? item : item.withPlaylist(null);
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

  /**
   * The item as compact JSON text, written straight from the item (same shape as {@link #toJson}).
   */
  public static String toJsonString(Item item) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      write(g, item);
    }
    return out.toString();
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
      g.writeStringProperty("listed_at", IsoInstants.format(item.listedAt()));
    }
    if (item.watchedAt() != null) {
      g.writeStringProperty("watched_at", IsoInstants.format(item.watchedAt()));
    }
    if (item.rating() != null) {
      g.writeNumberProperty("rating", item.rating());
    }
    if (item.ratedAt() != null) {
      g.writeStringProperty("rated_at", IsoInstants.format(item.ratedAt()));
    }
    if (item.progressMs() != null) {
      g.writeNumberProperty("progress_ms", item.progressMs());
    }
    if (item.durationMs() != null) {
      g.writeNumberProperty("duration_ms", item.durationMs());
    }
    if (item.pausedAt() != null) {
      g.writeStringProperty("paused_at", IsoInstants.format(item.pausedAt()));
    }
    if (item.playlist() != null) {
      writePlaylist(g, item.playlist());
    }
    g.writeEndObject();
  }

  private static void writePlaylist(JsonGenerator g, PlaylistRef ref) {
    g.writeName("playlist");
    g.writeStartObject();
    g.writeStringProperty("name", ref.name());
    if (ref.description() != null) {
      g.writeStringProperty("description", ref.description());
    }
    if (ref.position() != null) {
      g.writeNumberProperty("position", ref.position());
    }
    if (ref.id() != null) {
      g.writeStringProperty("id", ref.id());
    }
    if (ref.readOnly()) {
      g.writeBooleanProperty("read_only", true);
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
