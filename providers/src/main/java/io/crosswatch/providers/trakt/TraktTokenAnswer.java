package io.crosswatch.providers.trakt;

import io.crosswatch.providers.auth.Tokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads Trakt's token answer ({@code /oauth/token}, {@code /oauth/device/token}). */
final class TraktTokenAnswer {
  private TraktTokenAnswer() {}

  /**
   * The tokens of a 200 answer, expiring at {@code created_at + expires_in} (now when {@code
   * created_at} is missing); empty when a token or the lifetime is missing.
   */
  static Optional<Tokens> parse(JsonNode body, Instant now, Map<String, String> extras) {
    JsonNode access = body.path("access_token");
    JsonNode refresh = body.path("refresh_token");
    JsonNode expiresIn = body.path("expires_in");
    if (!access.isString()
        || access.stringValue().isBlank()
        || !refresh.isString()
        || refresh.stringValue().isBlank()
        || !expiresIn.canConvertToLong()) {
      return Optional.empty();
    }
    JsonNode created = body.path("created_at");
    long from = created.canConvertToLong() ? created.longValue() : now.getEpochSecond();
    long expiresAt = Math.max(1, from + Math.max(0, expiresIn.longValue()));
    return Optional.of(
        new Tokens(access.stringValue().strip(), refresh.stringValue().strip(), expiresAt, extras));
  }
}
