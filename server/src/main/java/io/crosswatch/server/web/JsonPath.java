package io.crosswatch.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A path into the config as error messages name it ({@code pairs[1].features.watchlist.add}); the
 * config editor names its inputs with these paths.
 */
record JsonPath(List<Object> segments) {
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  JsonPath {
    segments = List.copyOf(segments);
  }

  /** Parses {@code a.b[2].c}; an empty text is the root. */
  static JsonPath parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(text);
    while (m.find()) {
      segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
    }
    return new JsonPath(segments);
  }

  /** The path one level up; the root's parent is the root. */
  JsonPath parent() {
    return segments.isEmpty() ? this : new JsonPath(segments.subList(0, segments.size() - 1));
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  /** The node at this path, or null when any step is missing. */
  JsonNode get(JsonNode root) {
    JsonNode node = root;
    for (Object s : segments) {
      if (node == null) {
        return null;
      }
      node = s instanceof Integer i ? (node.isArray() ? node.get(i) : null) : node.get((String) s);
    }
    return node;
  }

  /** Sets the value, creating missing objects on the way; false when an array step is missing. */
  boolean set(ObjectNode root, JsonNode value) {
    JsonNode parent = parentNode(root, true);
    Object last = segments.get(segments.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String key) {
      o.set(key, value);
      return true;
    }
    if (parent instanceof ArrayNode a && last instanceof Integer i && i <= a.size()) {
      if (i == a.size()) {
        a.add(value);
      } else {
        a.set(i, value);
      }
      return true;
    }
    return false;
  }

  /** Removes the key at this path when it is there. */
  void remove(ObjectNode root) {
    JsonNode parent = parentNode(root, false);
    Object last = segments.get(segments.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String key) {
      o.remove(key);
    }
  }

  private JsonNode parentNode(ObjectNode root, boolean create) {
    JsonNode node = root;
    for (Object s : segments.subList(0, segments.size() - 1)) {
      JsonNode next =
          s instanceof Integer i ? (node.isArray() ? node.get(i) : null) : node.get((String) s);
      if (next == null || next.isNull()) {
        if (!create || !(node instanceof ObjectNode o) || !(s instanceof String key)) {
          return null;
        }
        next = o.putObject(key);
      }
      node = next;
    }
    return node;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(s);
      }
    }
    return out.toString();
  }
}
