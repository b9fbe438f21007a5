package io.crosswatch.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON object of the config, read key by key with its JSON path at hand.
 *
 * <p>Each typed read returns the fallback when the key is missing; when the value has the wrong
 * type or is out of range it records an error naming the key's path and also returns the fallback,
 * so loading goes on and every error is found. Keys never read are reported by {@link
 * #warnUnknownKeys()}.
 */
final class ConfigObject {
  private final ObjectNode node;
  private final String path;
  private final Issues issues;
  private final Set<String> read = new HashSet<>();

  private ConfigObject(ObjectNode node, String path, Issues issues) {
    this.node = node;
    this.path = path;
    this.issues = issues;
  }

  /** A view of {@code node}, or empty (with an error) when it is not an object. */
  static Optional<ConfigObject> of(JsonNode node, String path, Issues issues) {
    if (!node.isObject()) {
      issues.error(path, "must be an object, got " + JsonPaths.describe(node));
      return Optional.empty();
    }
    return Optional.of(new ConfigObject((ObjectNode) node, path, issues));
  }

  ObjectNode node() {
    return node;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return JsonPaths.child(path, key);
  }

  /** The object's keys, in file order. */
  List<String> keys() {
    return List.copyOf(node.propertyNames());
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** The raw value of a key (marking it as read), or null when missing. */
  JsonNode take(String key) {
    read.add(key);
    return node.get(key);
  }

  /** The object under {@code key}; empty when missing or (with an error) not an object. */
  Optional<ConfigObject> object(String key) {
    JsonNode value = take(key);
    return value == null ? Optional.empty() : of(value, pathOf(key), issues);
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = take(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      return invalid(key, "must be true or false", value, fallback);
    }
    return value.booleanValue();
  }

  /** An integer of at least {@code min}. */
  int integer(String key, int min, int fallback) {
    JsonNode value = take(key);
    return value == null ? fallback : integerValue(key, value, min, fallback);
  }

  /** A number from 0 to 1. */
  double fraction(String key, double fallback) {
    JsonNode value = take(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 1) {
      return invalid(key, "must be a number between 0 and 1", value, fallback);
    }
    return value.doubleValue();
  }

  String string(String key, String fallback) {
    JsonNode value = take(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isString()) {
      return invalid(key, "must be a string", value, fallback);
    }
    return value.stringValue();
  }

  /** One of the config spellings in {@code choices} (spelling → value, in message order). */
  <T> T oneOf(String key, Map<String, T> choices, T fallback) {
    JsonNode value = take(key);
    if (value == null) {
      return fallback;
    }
    T found = value.isString() ? choices.get(value.stringValue()) : null;
    if (found == null) {
      return invalid(key, "must be " + JsonPaths.quotedChoices(choices.keySet()), value, fallback);
    }
    return found;
  }

  /** Warns {@code path: unknown key, ignored} for every key not read so far. */
  void warnUnknownKeys() {
    for (String key : node.propertyNames()) {
      if (!read.contains(key)) {
        issues.warning(pathOf(key), UnknownKeys.UNKNOWN_KEY);
      }
    }
  }

  /** Records a warning about one key of this object. */
  void warn(String key, String message) {
    issues.warning(pathOf(key), message);
  }

  /** Records an error at a path inside this object (e.g. an element of one of its arrays). */
  void errorAt(String innerPath, String message) {
    issues.error(innerPath, message);
  }

  /** Records an error about one key of this object. */
  void error(String key, String message) {
    issues.error(pathOf(key), message);
  }

  private int integerValue(String key, JsonNode value, int min, int fallback) {
    if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min) {
      return value.intValue();
    }
    String expected =
        value.isIntegralNumber() && !value.canConvertToInt()
            ? "must be an integer from " + min + " to " + Integer.MAX_VALUE
            : "must be an integer ≥ " + min;
    return invalid(key, expected, value, fallback);
  }

  private <T> T invalid(String key, String expected, JsonNode value, T fallback) {
    issues.error(pathOf(key), expected + ", got " + JsonPaths.describe(value));
    return fallback;
  }
}
