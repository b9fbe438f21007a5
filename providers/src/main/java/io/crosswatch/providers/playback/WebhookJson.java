package io.crosswatch.providers.playback;

import io.crosswatch.core.scrobble.MalformedWebhookException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lenient reads of webhook JSON: servers and user-written templates send numbers as strings and
 * booleans as {@code "True"}, so values are taken in either form.
 */
public final class WebhookJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private WebhookJson() {}

  /**
   * The JSON object of a body; a body that is not a JSON object is malformed (the message names
   * {@code what}, never the body).
   */
  public static JsonNode object(byte[] body, String what) throws MalformedWebhookException {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedWebhookException(
          what + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new MalformedWebhookException(what + " is not a JSON object");
    }
    return node;
  }

  /** A text field, {@code null} when absent, empty or not a scalar. */
  public static String text(JsonNode o, String field) {
    JsonNode v = o == null ? null : o.get(field);
    if (v == null || !(v.isString() || v.isNumber())) {
      return null;
    }
    String s = v.asString().strip();
    return s.isEmpty() ? null : s;
  }

  /** A whole number given as a number or a digit string, {@code null} otherwise. */
  public static Long whole(JsonNode o, String field) {
    JsonNode v = o == null ? null : o.get(field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return Math.round(v.asDouble());
    }
    if (v.isString()) {
      String s = v.asString().strip();
      if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(s);
      }
    }
    return null;
  }

  /** A whole number that fits an int, {@code null} otherwise. */
  public static Integer integer(JsonNode o, String field) {
    Long v = whole(o, field);
    return v == null || v > Integer.MAX_VALUE ? null : v.intValue();
  }

  /** A boolean given as a boolean or as {@code "true"}/{@code "True"}; false otherwise. */
  public static boolean flag(JsonNode o, String field) {
    JsonNode v = o == null ? null : o.get(field);
    if (v == null) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.isString() && v.asString().strip().toLowerCase(Locale.ROOT).equals("true");
  }

  /** An ISO-8601 time (with offset), {@code null} when absent or unreadable. */
  public static Instant time(JsonNode o, String field) {
    String s = text(o, field);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
