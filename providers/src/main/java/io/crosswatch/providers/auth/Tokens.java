package io.crosswatch.providers.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The OAuth tokens of one provider instance. {@link #toString()} never shows a token.
 *
 * @param accessToken the token sent with requests; empty when there is none
 * @param refreshToken the token that buys a new access token; empty when the service has none
 * @param expiresAt when the access token expires, epoch seconds; 0 when unknown or never
 * @param extras provider facts that belong with the tokens (user id, server id, …), never secret
 *     values themselves unless the provider treats them so
 */
public record Tokens(
    String accessToken, String refreshToken, long expiresAt, Map<String, String> extras) {

  public Tokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    if (expiresAt < 0) {
      throw new IllegalArgumentException("expiresAt must be ≥ 0, got " + expiresAt);
    }
  }

  /** Tokens without extras. */
  public static Tokens of(String accessToken, String refreshToken, long expiresAt) {
    return new Tokens(accessToken, refreshToken, expiresAt, Map.of());
  }

  /** No tokens at all. */
  public static Tokens none() {
    return of("", "", 0);
  }

  /** Whether there is an access token to send. */
  public boolean hasAccessToken() {
    return !accessToken.isEmpty();
  }

  /** Whether there is a refresh token to trade for new tokens. */
  public boolean hasRefreshToken() {
    return !refreshToken.isEmpty();
  }

  /**
   * Whether the access token expires before {@code now + margin}; false when the expiry is unknown.
   */
  public boolean expiresWithin(Instant now, Duration margin) {
    return expiresAt > 0 && !now.plus(margin).isBefore(Instant.ofEpochSecond(expiresAt));
  }

  /** Whether the access token has expired at {@code now}; false when the expiry is unknown. */
  public boolean expiredAt(Instant now) {
    return expiresWithin(now, Duration.ZERO);
  }

  /** These tokens with one more extra. */
  public Tokens withExtra(String key, String value) {
    Map<String, String> all = new LinkedHashMap<>(extras);
    all.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new Tokens(accessToken, refreshToken, expiresAt, all);
  }

  @Override
  public String toString() {
    // Whatever logs this record must not learn the tokens.
    return "Tokens[accessToken="
        + (hasAccessToken() ? "***" : "")
        + ", refreshToken="
        + (hasRefreshToken() ? "***" : "")
        + ", expiresAt="
        + expiresAt
        + ", extras="
        + extras.keySet()
        + "]";
  }
}
