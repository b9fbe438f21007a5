package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.model.PlaylistRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code "playlists"} key of a FILE document: a list of {@code {"name": "Road trip",
 * "description": "…", "items": [<item>, …]}}, members in playlist order and without a playlist key
 * of their own. Reading gives each member its playlist and position; names must be unique (trimmed,
 * without regard to case).
 */
final class PlaylistSection {
  private PlaylistSection() {}

  /**
   * Reads the value of {@code "playlists"}: the playlists into {@code book}, members into {@code
   * into}.
   */
  static void read(JsonParser p, List<PlaylistRef> book, List<Item> into)
      throws DocumentFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new DocumentFormatException(
          "playlists: must be an array of {\"name\": …, \"description\": …, \"items\": [...]}");
    }
    Map<String, String> pathByKey = new HashMap<>();
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      readPlaylist(p, "playlists[" + i + "]", book, into, pathByKey);
      i++;
    }
  }

  private static void readPlaylist(
      JsonParser p,
      String path,
      List<PlaylistRef> book,
      List<Item> into,
      Map<String, String> pathByKey)
      throws DocumentFormatException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new DocumentFormatException(path + ": must be an object with \"name\" and \"items\"");
    }
    String name = null;
    String description = null;
    List<Item> members = new ArrayList<>();
    for (String key = p.nextName(); key != null; key = p.nextName()) {
      JsonToken t = p.nextToken();
      switch (key) {
        case "name":
          name = text(p, t, path + ".name");
          break;
        case "description":
          description = text(p, t, path + ".description");
          break;
        case "items":
          readMembers(p, path + ".items", members);
          break;
        default:
          p.skipChildren();
      }
    }
    if (name == null || name.isBlank()) {
      throw new DocumentFormatException(path + ".name: is required (a non-empty string)");
    }
    PlaylistRef ref = new PlaylistRef(name, description, null, null, false);
    String other = pathByKey.putIfAbsent(ref.key(), path);
    if (other != null) {
      throw new DocumentFormatException(
          path
              + ".name: \""
              + name
              + "\" is already the name of "
              + other
              + " (names are compared trimmed and without regard to case); merge the two");
    }
    book.add(ref);
    for (int k = 0; k < members.size(); k++) {
      into.add(members.get(k).withPlaylist(ref.withPosition(k)));
    }
  }

  private static void readMembers(JsonParser p, String path, List<Item> members)
      throws DocumentFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new DocumentFormatException(path + ": must be an array of items");
    }
    int k = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      members.add(LibraryDocument.checked(p, path + "[" + k + "]", Feature.PLAYLISTS));
      k++;
    }
  }

  private static String text(JsonParser p, JsonToken t, String path)
      throws DocumentFormatException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      p.skipChildren();
      throw new DocumentFormatException(path + ": must be a string");
    }
    return p.getString();
  }

  /**
   * Writes the playlists: those of {@code book} in its order, then any other a member names; each
   * with its members by position (members without one last, in their order).
   */
  static void write(JsonGenerator g, List<PlaylistRef> book, Collection<Item> members) {
    Map<String, PlaylistRef> playlists = new LinkedHashMap<>();
    for (PlaylistRef ref : book) {
      playlists.putIfAbsent(ref.key(), ref);
    }
    Map<String, List<Item>> byKey = new HashMap<>();
    if (members != null) {
      for (Item m : members) {
        if (m.playlist() == null) {
          continue;
        }
        playlists.putIfAbsent(m.playlist().key(), m.playlist());
        byKey.computeIfAbsent(m.playlist().key(), k -> new ArrayList<>()).add(m);
      }
    }
    g.writeStartArray();
    for (Map.Entry<String, PlaylistRef> e : playlists.entrySet()) {
      PlaylistRef ref = e.getValue();
      g.writeStartObject();
      g.writeStringProperty("name", ref.name().strip());
      if (ref.description() != null) {
        g.writeStringProperty("description", ref.description());
      }
      g.writeName("items");
      g.writeStartArray();
      List<Item> list = byKey.getOrDefault(e.getKey(), List.of());
      List<Item> sorted = new ArrayList<>(list);
      sorted.sort(
          Comparator.comparingInt(
              m -> m.playlist().position() == null ? Integer.MAX_VALUE : m.playlist().position()));
      for (Item m : sorted) {
        ItemJson.write(g, ItemJson.withoutPlaylist(m));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
