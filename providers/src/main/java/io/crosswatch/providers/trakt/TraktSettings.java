package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.ConfigIssue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
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
    List<ConfigIssue> issues = new ArrayList<>();
    if (settings == null || !settings.isObject()) {
      issues.add(ConfigIssue.error(path, "must be an object"));
      return issues;
    }
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      String at = path + "." + key;
      if (STRING_KEYS.contains(key)) {
        if (!v.isString() && !v.isNull()) {
          issues.add(ConfigIssue.error(at, "must be a string, got " + kind(v)));
        } else if (key.equals("base_url") && v.isString() && !v.stringValue().isBlank()) {
          checkUrl(v.stringValue(), at, issues);
        }
      } else if (key.equals("expires_at")) {
        if (!(v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0)) {
          issues.add(
              ConfigIssue.error(at, "must be a whole number of epoch seconds ≥ 0, got " + kind(v)));
        }
      } else if (key.equals("timeout")) {
        if (!(v.isNumber() && v.doubleValue() > 0 && v.doubleValue() <= 3600)) {
          issues.add(
              ConfigIssue.error(
                  at,
                  "must be a number of seconds within (0, 3600], got "
                      + (v.isNumber() ? v.asString() : kind(v))));
        }
      } else {
        issues.add(ConfigIssue.warning(at, "unknown key, ignored"));
      }
    }
    return issues;
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static TraktSettings from(JsonNode s) {
    String base = text(s, "base_url");
    JsonNode timeout = s.get("timeout");
    JsonNode expires = s.get("expires_at");
    return new TraktSettings(
        text(s, "client_id"),
        text(s, "client_secret"),
        text(s, "access_token"),
        text(s, "refresh_token"),
        expires != null && expires.isNumber() ? expires.longValue() : 0,
        URI.create(base.isBlank() ? DEFAULT_BASE_URL : stripSlash(base.strip())),
        timeout != null && timeout.isNumber()
            ? Duration.ofMillis(Math.round(timeout.doubleValue() * 1000))
            : DEFAULT_TIMEOUT);
  }

  private static void checkUrl(String value, String at, List<ConfigIssue> issues) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        issues.add(
            ConfigIssue.error(
                at,
                "must be an http(s) URL such as " + DEFAULT_BASE_URL + ", got \"" + value + "\""));
      }
    } catch (URISyntaxException e) {
      issues.add(ConfigIssue.error(at, "must be an http(s) URL, got \"" + value + "\""));
    }
  }

  private static String text(JsonNode s, String key) {
    JsonNode v = s.get(key);
    return v != null && v.isString() ? v.stringValue().strip() : "";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String kind(JsonNode v) {
    if (v.isString()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isNull()) {
      return "null";
    }
    return v.isArray() ? "an array" : "an object";
  }
}
