package io.crosswatch.providers.http;

import io.crosswatch.core.provider.ConfigIssue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks and reads the settings keys web-service adapters share: string keys (ids, tokens, keys),
 * {@code base_url} and {@code timeout} in seconds. Unknown keys are warnings, wrong types errors.
 */
public final class SettingsChecks {
  /** The longest {@code timeout} accepted, in seconds. */
  public static final int MAX_TIMEOUT_SECONDS = 3600;

  private SettingsChecks() {}

  /**
   * The problems of one settings object.
   *
   * @param settings the object to check
   * @param path its JSON path, e.g. {@code simkl.instances.work}
   * @param stringKeys the keys that take strings ({@code base_url} included when used)
   * @param defaultBaseUrl the address quoted in the message of a malformed {@code base_url}
   */
  public static List<ConfigIssue> check(
      JsonNode settings, String path, Set<String> stringKeys, String defaultBaseUrl) {
    Objects.requireNonNull(path, "path");
    List<ConfigIssue> issues = new ArrayList<>();
    if (settings == null || !settings.isObject()) {
      issues.add(ConfigIssue.error(path, "must be an object"));
      return issues;
    }
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      String at = path + "." + key;
      if (stringKeys.contains(key)) {
        if (!v.isString() && !v.isNull()) {
          issues.add(ConfigIssue.error(at, "must be a string, got " + kind(v)));
        } else if (key.equals("base_url") && v.isString() && !v.stringValue().isBlank()) {
          checkUrl(v.stringValue(), at, defaultBaseUrl, issues);
        }
      } else if (key.equals("timeout")) {
        if (!(v.isNumber() && v.doubleValue() > 0 && v.doubleValue() <= MAX_TIMEOUT_SECONDS)) {
          issues.add(
              ConfigIssue.error(
                  at,
                  "must be a number of seconds within (0, "
                      + MAX_TIMEOUT_SECONDS
                      + "], got "
                      + (v.isNumber() ? v.asString() : kind(v))));
        }
      } else {
        issues.add(ConfigIssue.warning(at, "unknown key, ignored"));
      }
    }
    return issues;
  }

  /** A string setting, stripped; empty when absent or not a string. */
  public static String text(JsonNode settings, String key) {
    JsonNode v = settings.get(key);
    return v != null && v.isString() ? v.stringValue().strip() : "";
  }

  /** {@code base_url} without a trailing slash, or {@code defaultUrl} when blank or absent. */
  public static URI baseUrl(JsonNode settings, String defaultUrl) {
    String base = text(settings, "base_url");
    if (base.isEmpty()) {
      return URI.create(defaultUrl);
    }
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  /** {@code timeout} (seconds, fractions allowed), or {@code otherwise} when absent. */
  public static Duration timeout(JsonNode settings, Duration otherwise) {
    JsonNode v = settings.get("timeout");
    return v != null && v.isNumber()
        ? Duration.ofMillis(Math.round(v.doubleValue() * 1000))
        : otherwise;
  }

  /** {@code "a string"}, {@code "a number"}, … for messages. */
  public static String kind(JsonNode v) {
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

  private static void checkUrl(
      String value, String at, String defaultBaseUrl, List<ConfigIssue> issues) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        issues.add(
            ConfigIssue.error(
                at,
                "must be an http(s) URL such as " + defaultBaseUrl + ", got \"" + value + "\""));
      }
    } catch (URISyntaxException e) {
      issues.add(ConfigIssue.error(at, "must be an http(s) URL, got \"" + value + "\""));
    }
  }
}
