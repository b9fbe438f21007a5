package io.crosswatch.providers.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate budget a service reports in its answers, as health details: the common {@code
 * X-RateLimit-Limit / -Remaining / -Reset} headers, or Trakt's {@code X-Ratelimit} JSON ({@code
 * {"name", "period", "limit", "remaining", "until"}}).
 */
final class RateHeaders {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RateHeaders() {}

  /** The details an answer carries ({@code rate_limit}, {@code rate_remaining}, …), if any. */
  static Optional<Map<String, String>> of(HttpAnswer answer) {
    Map<String, String> details = new LinkedHashMap<>();
    Optional<String> remaining = answer.header("X-RateLimit-Remaining");
    if (remaining.isPresent()) {
      answer.header("X-RateLimit-Limit").ifPresent(v -> details.put("rate_limit", v.strip()));
      details.put("rate_remaining", remaining.get().strip());
      answer.header("X-RateLimit-Reset").ifPresent(v -> details.put("rate_reset", v.strip()));
      return Optional.of(details);
    }
    return answer.header("X-Ratelimit").flatMap(RateHeaders::traktStyle);
  }

  private static Optional<Map<String, String>> traktStyle(String header) {
    JsonNode info;
    try {
      info = MAPPER.readTree(header);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (info == null || !info.isObject() || !info.path("remaining").isNumber()) {
      return Optional.empty();
    }
    Map<String, String> details = new LinkedHashMap<>();
    if (info.path("limit").isNumber()) {
      String period =
          info.path("period").isNumber() ? " per " + info.get("period").asString() + " s" : "";
      details.put("rate_limit", info.get("limit").asString() + period);
    }
    details.put("rate_remaining", info.get("remaining").asString());
    if (info.path("until").isString()) {
      details.put("rate_reset", info.get("until").stringValue());
    }
    return Optional.of(details);
  }
}
