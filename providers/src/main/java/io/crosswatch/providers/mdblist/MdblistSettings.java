package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one MDBList instance.
 *
 * @param apiKey the user's api key, sent as the {@code apikey} query parameter
 * @param baseUrl the API address
 * @param timeout how long one HTTP attempt may take
 * @param fullRefreshDays a stored snapshot older than this many days is read again in full even
 *     when MDBList's activity times did not move
 */
record MdblistSettings(String apiKey, URI baseUrl, Duration timeout, int fullRefreshDays) {

  static final String DEFAULT_BASE_URL = "https://api.mdblist.com";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_FULL_REFRESH_DAYS = 7;
  static final int MAX_FULL_REFRESH_DAYS = 365;
  private static final String FULL_REFRESH_DAYS = "full_refresh_days";
  private static final Set<String> STRING_KEYS = Set.of("api_key", "base_url");

  @Override
  public String toString() {
    // Never print the key, whatever ends up logging this record.
    return "MdblistSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }

  /** These settings with another api key (one saved in the token store). */
  MdblistSettings withApiKey(String key) {
    return new MdblistSettings(key, baseUrl, timeout, fullRefreshDays);
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
    if (days != null
        && !(days.isIntegralNumber()
            && days.canConvertToInt()
            && days.intValue() >= 1
            && days.intValue() <= MAX_FULL_REFRESH_DAYS)) {
      issues.add(
          ConfigIssue.error(
              daysPath,
              "must be a whole number of days within [1, "
                  + MAX_FULL_REFRESH_DAYS
                  + "], got "
                  + (days.isNumber() ? days.asString() : SettingsChecks.kind(days))));
    }
    return issues;
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static MdblistSettings from(JsonNode s) {
    JsonNode days = s.get(FULL_REFRESH_DAYS);
    return new MdblistSettings(
        SettingsChecks.text(s, "api_key"),
        SettingsChecks.baseUrl(s, DEFAULT_BASE_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT),
        days != null && days.canConvertToInt() ? days.intValue() : DEFAULT_FULL_REFRESH_DAYS);
  }
}
