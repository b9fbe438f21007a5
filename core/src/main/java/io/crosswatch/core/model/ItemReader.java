package io.crosswatch.core.model;

import java.time.Instant;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one normalized item straight from a token stream, without building a tree: loading a large
 * library or baseline is dominated by this code.
 */
final class ItemReader {
  private static final int ID_KINDS = IdKind.values().length;
  private static final String NEVER_WRITTEN = "unknown key: crosswatch never writes it";
  private final JsonParser p;
  private final String path;

  /** The keys an item may have, or {@code null}: unknown keys are skipped. */
  private final Set<String> allowed;

  private String type;
  private String title;
  private Integer year;
  private Ids ids = Ids.empty();
  private ShowRef show;
  private Integer season;
  private Integer number;
  private Instant listedAt;
  private Instant watchedAt;
  private Integer rating;
  private Instant ratedAt;
  private Long progressMs;
  private Long durationMs;
  private Instant pausedAt;
  private PlaylistRef playlist;

  private ItemReader(JsonParser p, String path, Set<String> allowed) {
    this.p = p;
    this.path = path;
    this.allowed = allowed;
  }

  /** Reads the object at the parser's current token (which must be its start). */
  static Item read(JsonParser p, String path) {
    return read(p, path, null);
  }

  /**
   * Reads the object at the parser's current token; with {@code allowed} set, a key outside it, a
   * show key other than title, year and ids, or an unknown id kind is an error instead of skipped.
   */
  static Item read(JsonParser p, String path, Set<String> allowed) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be an object");
    }
    return new ItemReader(p, path, allowed).readObject();
  }

  private Item readObject() {
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      if (allowed != null && !allowed.contains(name)) {
        throw new ItemFormatException(path + "." + name, NEVER_WRITTEN);
      }
      p.nextToken();
      field(name);
    }
    if (type == null) {
      throw new ItemFormatException(path + ".type", "is required");
    }
    MediaType mediaType =
        MediaType.fromKey(type)
            .orElseThrow(
                () ->
                    new ItemFormatException(
                        path + ".type",
                        "must be movie, show, season or episode, got \"" + type + "\""));
    if (rating != null && (rating < 1 || rating > 10)) {
      throw new ItemFormatException(path + ".rating", "must be an integer 1–10, got " + rating);
    }
    if (progressMs != null && progressMs < 0) {
      throw new ItemFormatException(
          path + ".progress_ms", "must be a number of milliseconds ≥ 0, got " + progressMs);
    }
    if (durationMs != null && durationMs <= 0) {
      throw new ItemFormatException(
          path + ".duration_ms", "must be a number of milliseconds > 0, got " + durationMs);
    }
    if ((progressMs != null || pausedAt != null)
        && mediaType != MediaType.MOVIE
        && mediaType != MediaType.EPISODE) {
      throw new ItemFormatException(
          path + ".type", "a resume point must be a movie or an episode, got \"" + type + "\"");
    }
    return new Item(
        mediaType,
        title,
        year,
        ids,
        show,
        season,
        number,
        listedAt,
        watchedAt,
        rating,
        ratedAt,
        progressMs,
        durationMs,
        pausedAt,
        playlist);
  }

  private void field(String name) {
    switch (name) {
      case "type":
        type = text(p, path + ".type");
        break;
      case "title":
        title = text(p, path + ".title");
        break;
      case "year":
        year = integer(p, path + ".year");
        break;
      case "ids":
        ids = ids(p, path + ".ids", allowed != null);
        break;
      case "show":
        show = show(p, path + ".show", allowed != null);
        break;
      case "season":
        season = integer(p, path + ".season");
        break;
      case "number":
        number = integer(p, path + ".number");
        break;
      case "listed_at":
        listedAt = instant(p, path + ".listed_at");
        break;
      case "watched_at":
        watchedAt = instant(p, path + ".watched_at");
        break;
      case "rating":
        rating = integer(p, path + ".rating");
        break;
      case "rated_at":
        ratedAt = instant(p, path + ".rated_at");
        break;
      case "progress_ms":
        progressMs = millis(p, path + ".progress_ms");
        break;
      case "duration_ms":
        durationMs = millis(p, path + ".duration_ms");
        break;
      case "paused_at":
        pausedAt = instant(p, path + ".paused_at");
        break;
      case "playlist":
        playlist = playlist(p, path + ".playlist");
        break;
      default:
        p.skipChildren(); // unknown keys are kept out of the model
    }
  }

  private static ShowRef show(JsonParser p, String path, boolean strict) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be an object");
    }
    String title = null;
    Integer year = null;
    Ids ids = Ids.empty();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      switch (name) {
        case "title":
          title = text(p, path + ".title");
          break;
        case "year":
          year = integer(p, path + ".year");
          break;
        case "ids":
          ids = ids(p, path + ".ids", strict);
          break;
        default:
          if (strict) {
            throw new ItemFormatException(path + "." + name, NEVER_WRITTEN);
          }
          p.skipChildren();
      }
    }
    return new ShowRef(title, year, ids);
  }

  /** Reads a member's {@code playlist} object: {@code name} required, the rest optional. */
  private static PlaylistRef playlist(JsonParser p, String path) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be an object with a \"name\"");
    }
    String name = null;
    String description = null;
    Integer position = null;
    String id = null;
    boolean readOnly = false;
    for (String key = p.nextName(); key != null; key = p.nextName()) {
      p.nextToken();
      switch (key) {
        case "name":
          name = text(p, path + ".name");
          break;
        case "description":
          description = text(p, path + ".description");
          break;
        case "position":
          position = integer(p, path + ".position");
          break;
        case "id":
          id =
              p.currentToken() == JsonToken.VALUE_NUMBER_INT
                  ? p.getString()
                  : text(p, path + ".id");
          break;
        case "read_only":
          readOnly = bool(p, path + ".read_only");
          break;
        default:
          p.skipChildren();
      }
    }
    if (name == null || name.isBlank()) {
      throw new ItemFormatException(path + ".name", "is required (a non-empty string)");
    }
    if (position != null && position < 0) {
      throw new ItemFormatException(path + ".position", "must be ≥ 0, got " + position);
    }
    return new PlaylistRef(name, description, position, id, readOnly);
  }

  private static boolean bool(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    p.skipChildren();
    throw new ItemFormatException(path, "must be true or false");
  }

  /** A whole number of milliseconds (a number or a digit string). */
  private static Long millis(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_STRING && p.getString().matches("-?\\d{1,18}")) {
      return Long.parseLong(p.getString());
    }
    p.skipChildren();
    throw new ItemFormatException(path, "must be a whole number of milliseconds");
  }

  /** Reads an {@code ids} object at the current token; unknown id kinds are skipped. */
  static Ids ids(JsonParser p, String path) {
    return ids(p, path, false);
  }

  /** Reads an {@code ids} object at the current token; {@code strict}: unknown kinds fail. */
  private static Ids ids(JsonParser p, String path, boolean strict) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Ids.empty();
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be an object");
    }
    Object[] raw = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      IdKind kind = IdKind.fromKey(name).orElse(null);
      if (kind == null && strict) {
        throw new ItemFormatException(path + "." + name, "unknown id kind");
      }
      if (kind == null) {
        p.skipChildren();
        continue;
      }
      if (raw == null) {
        raw = new Object[ID_KINDS];
      }
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
        raw[kind.ordinal()] = p.getString();
      } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        raw[kind.ordinal()] = p.getDoubleValue();
      } else if (t != JsonToken.VALUE_NULL) {
        p.skipChildren();
        throw new ItemFormatException(path + "." + name, "must be a string or a number");
      }
    }
    return raw == null ? Ids.empty() : Ids.ofSlots(raw);
  }

  private static String text(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be a string");
    }
    return p.getString();
  }

  private static Integer integer(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_STRING && p.getString().matches("-?\\d{1,9}")) {
      return Integer.parseInt(p.getString());
    }
    p.skipChildren();
    throw new ItemFormatException(path, "must be an integer");
  }

  private static Instant instant(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      p.skipChildren();
      throw new ItemFormatException(path, "must be an ISO-8601 time string");
    }
    return ItemJson.parseInstant(p.getString(), path);
  }
}
