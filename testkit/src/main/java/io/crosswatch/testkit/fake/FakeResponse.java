package io.crosswatch.testkit.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer of a fake server.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body body text (JSON unless a header says otherwise); empty for none
 */
public record FakeResponse(int status, Map<String, String> headers, String body) {

  public FakeResponse {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** A JSON answer. */
  public static FakeResponse json(int status, String body) {
    return new FakeResponse(status, Map.of("Content-Type", "application/json"), body);
  }

  /** A JSON error answer {@code {"error": message}}. */
  public static FakeResponse error(int status, String message) {
    return json(status, "{\"error\":\"" + message.replace("\"", "'") + "\"}");
  }

  /** This answer with one more header. */
  public FakeResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new FakeResponse(status, h, body);
  }
}
