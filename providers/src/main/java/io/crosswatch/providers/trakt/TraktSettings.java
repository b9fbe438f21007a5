package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one Trakt instance, with CrossWatch's keys.
 *
 * @param clientId the app's client id, sent as {@code trakt-api-key}
 * @param clientSecret the app's client secret (for the device flow and token refresh)
 * @param accessToken the user's OAuth access token (tokens in the state dir's store win)
 * @param refreshToken the user's OAuth refresh token
 * @param expiresAt when the access token expires, epoch seconds; 0 when unknown
 * @param baseUrl the API address
 * @param timeout how long one HTTP attempt may take
 */
record TraktSettings(
    String clientId,
    String clientSecret,
    String accessToken,
    String refreshToken,
    long expiresAt,
    URI baseUrl,
    Duration timeout) {

  static final String DEFAULT_BASE_URL = "https://api.trakt.tv";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> STRING_KEYS =
      Set.of("client_id", "client_secret", "access_token", "refresh_token", "base_url");

  @Override
  public String toString() {
    // Never print the secrets, whatever ends up logging this record.
    return "TraktSettings[baseUrl=" + baseUrl + ", expiresAt=" + expiresAt + "]";
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path) {
    return SettingsChecks.check(
        settings, path, STRING_KEYS, DEFAULT_BASE_URL, Map.of("expires_at", TraktSettings::expiry));
  }

  private static void expiry(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!SettingsChecks.isWhole(v, 0, Long.MAX_VALUE)) {
      issues.add(
          ConfigIssue.error(
              at, "must be a whole number of epoch seconds ≥ 0, got " + SettingsChecks.kind(v)));
    }
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static TraktSettings from(JsonNode s) {
    JsonNode expires = s.get("expires_at");
    return new TraktSettings(
        SettingsChecks.text(s, "client_id"),
        SettingsChecks.text(s, "client_secret"),
        SettingsChecks.text(s, "access_token"),
        SettingsChecks.text(s, "refresh_token"),
        expires != null && expires.isNumber() ? expires.longValue() : 0,
        SettingsChecks.baseUrl(s, DEFAULT_BASE_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT));
  }
}
