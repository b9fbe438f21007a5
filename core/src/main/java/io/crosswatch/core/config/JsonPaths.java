package io.crosswatch.core.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Builds the JSON paths used in messages ({@code pairs[1].mode}) and describes found values. */
final class JsonPaths {
  private static final int MAX_SHOWN = 40;

  private JsonPaths() {}

  /** Path of a key inside the object at {@code path}; the root's keys have no prefix. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Path of an element of the array at {@code path}. */
  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A short description of a found value for {@code got ...}: JSON for scalars, kind otherwise. */
  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isString() && node.stringValue().length() > MAX_SHOWN) {
      return StringNode.valueOf(node.stringValue().substring(0, MAX_SHOWN)) + "…";
    }
    return node.toString();
  }

  /** {@code "a"}, {@code "a" or "b"}, {@code "a", "b" or "c"}. */
  static String quotedChoices(Iterable<String> choices) {
    StringBuilder out = new StringBuilder();
    var it = choices.iterator();
    while (it.hasNext()) {
      String next = "\"" + it.next() + "\"";
      if (out.length() > 0) {
        out.append(it.hasNext() ? ", " : " or ");
      }
      out.append(next);
    }
    return out.toString();
  }
}
