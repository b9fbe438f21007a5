package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
 * @param fullRefreshDays a stored snapshot older than this many days is read again in full even
 *     when SIMKL's activity times did not move
 */
record SimklSettings(
    String clientId, String accessToken, URI baseUrl, Duration timeout, int fullRefreshDays) {

  static final String DEFAULT_BASE_URL = "https://api.simkl.com";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_FULL_REFRESH_DAYS = 7;
  static final int MAX_FULL_REFRESH_DAYS = 365;
  private static final String FULL_REFRESH_DAYS = "full_refresh_days";
  private static final Set<String> STRING_KEYS = Set.of("client_id", "access_token", "base_url");

  @Override
  public String toString() {
    // Never print the secrets, whatever ends up logging this record.
    return "SimklSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }

  /** These settings with another access token (one saved in the token store). */
  SimklSettings withAccessToken(String token) {
    return new SimklSettings(clientId, token, baseUrl, timeout, fullRefreshDays);
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path) {
    List<ConfigIssue> issues = new ArrayList<>();
    String daysPath = path + "." + FULL_REFRESH_DAYS;
    for (ConfigIssue issue : SettingsChecks.check(settings, path, STRING_KEYS, DEFAULT_BASE_URL)) {
      if (!issue.path().equals(daysPath)) {
        issues.add(issue);
      }
    }
    JsonNode days =
        settings != null && settings.isObject() ? settings.get(FULL_REFRESH_DAYS) : null;
    if (days != null && !SettingsChecks.isWhole(days, 1, MAX_FULL_REFRESH_DAYS)) {
      issues.add(
          ConfigIssue.error(
              daysPath,
              "must be a whole number of days within [1, "
                  + MAX_FULL_REFRESH_DAYS
                  + "], got "
                  + SettingsChecks.shown(days)));
    }
    return issues;
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static SimklSettings from(JsonNode s) {
    JsonNode days = s.get(FULL_REFRESH_DAYS);
    return new SimklSettings(
        SettingsChecks.text(s, "client_id"),
        SettingsChecks.text(s, "access_token"),
        SettingsChecks.baseUrl(s, DEFAULT_BASE_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT),
        days != null && days.canConvertToInt() ? days.intValue() : DEFAULT_FULL_REFRESH_DAYS);
  }
}
