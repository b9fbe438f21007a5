package io.crosswatch.providers.http;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the JSON values web services share: id objects, times and loose integers. */
public final class ServiceJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ServiceJson() {}

  /**
   * An ids object's ids of the given kinds (numbers or digit strings; nulls, other types and other
   * kinds skipped); empty when {@code node} is not an object.
   */
  public static Ids ids(JsonNode node, List<IdKind> kinds) {
    if (node == null || !node.isObject()) {
      return Ids.empty();
    }
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (IdKind kind : kinds) {
      JsonNode v = node.get(kind.key());
      if (v != null && (v.isNumber() || v.isString())) {
        raw.put(kind, v.asString());
      }
    }
    return Ids.of(raw);
  }

  /** An ids object to send with the ids of the given kinds that are set, numbers as numbers. */
  public static ObjectNode idsJson(Ids ids, List<IdKind> kinds) {
    ObjectNode o = NODES.objectNode();
    for (IdKind kind : kinds) {
      String v = ids.value(kind);
      if (v == null) {
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

  /**
   * An ISO-8601 time field of an object ({@code Z} or an offset); {@code null} when absent or null.
   *
   * @throws IllegalArgumentException when the field holds something else
   */
  public static Instant time(JsonNode o, String field) {
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
  public static Integer integer(JsonNode v) {
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

  /** A string field of an object, as sent; {@code null} when absent or not a string. */
  public static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  /** A string field, stripped; empty when absent or not a string (as in OAuth answers). */
  public static String stripped(JsonNode o, String field) {
    JsonNode v = o.path(field);
    return v.isString() ? v.stringValue().strip() : "";
  }
}
