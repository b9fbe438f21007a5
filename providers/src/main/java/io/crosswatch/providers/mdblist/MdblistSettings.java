package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one MDBList instance.
 *
 * @param apiKey the user's api key, sent as the {@code apikey} query parameter
 * @param baseUrl the API address
 * @param timeout how long one HTTP attempt may take
 */
record MdblistSettings(String apiKey, URI baseUrl, Duration timeout) {

  static final String DEFAULT_BASE_URL = "https://api.mdblist.com";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> STRING_KEYS = Set.of("api_key", "base_url");

  @Override
  public String toString() {
    // Never print the key, whatever ends up logging this record.
    return "MdblistSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }

  /** These settings with another api key (one saved in the token store). */
  MdblistSettings withApiKey(String key) {
    return new MdblistSettings(key, baseUrl, timeout);
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path) {
    return SettingsChecks.check(settings, path, STRING_KEYS, DEFAULT_BASE_URL);
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static MdblistSettings from(JsonNode s) {
    return new MdblistSettings(
        SettingsChecks.text(s, "api_key"),
        SettingsChecks.baseUrl(s, DEFAULT_BASE_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT));
  }
}
