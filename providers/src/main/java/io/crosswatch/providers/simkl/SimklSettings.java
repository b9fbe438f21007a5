package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one SIMKL instance.
 *
 * @param clientId the app's client id, sent as {@code simkl-api-key}
 * @param accessToken the user's access token (PIN or OAuth flow; SIMKL tokens do not expire); a
 *     token saved by {@code cw auth simkl} takes precedence
 * @param baseUrl the API address
 * @param timeout how long one HTTP attempt may take
 */
record SimklSettings(String clientId, String accessToken, URI baseUrl, Duration timeout) {

  static final String DEFAULT_BASE_URL = "https://api.simkl.com";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> STRING_KEYS = Set.of("client_id", "access_token", "base_url");

  @Override
  public String toString() {
    // Never print the secrets, whatever ends up logging this record.
    return "SimklSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }

  /** These settings with another access token (one saved in the token store). */
  SimklSettings withAccessToken(String token) {
    return new SimklSettings(clientId, token, baseUrl, timeout);
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path) {
    return SettingsChecks.check(settings, path, STRING_KEYS, DEFAULT_BASE_URL);
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static SimklSettings from(JsonNode s) {
    return new SimklSettings(
        SettingsChecks.text(s, "client_id"),
        SettingsChecks.text(s, "access_token"),
        SettingsChecks.baseUrl(s, DEFAULT_BASE_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT));
  }
}
