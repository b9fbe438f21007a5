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
    return check(settings, path, stringKeys, defaultBaseUrl, Map.of());
  }

  /**
   * The problems of one settings object whose adapter takes more keys than strings and {@code
   * timeout}.
   *
   * @param otherKeys per further key, the check of its value
   */
  public static List<ConfigIssue> check(
      JsonNode settings,
      String path,
      Set<String> stringKeys,
      String defaultBaseUrl,
      Map<String, KeyCheck> otherKeys) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(otherKeys, "otherKeys");
    List<ConfigIssue> issues = new ArrayList<>();
    if (!isObject(settings, path, issues)) {
      return issues;
    }
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      String at = path + "." + key;
      if (stringKeys.contains(key)) {
        if (checkString(v, at, issues)
            && key.equals("base_url")
            && v.isString()
            && !v.stringValue().isBlank()) {
          checkUrl(v.stringValue(), at, "such as " + defaultBaseUrl, issues);
        }
      } else if (key.equals("timeout")) {
        checkTimeout(v, at, issues);
      } else if (otherKeys.containsKey(key)) {
        otherKeys.get(key).check(v, at, issues);
      } else {
        unknownKey(at, issues);
      }
    }
    return issues;
  }

  /** The check of one settings value; adds what is wrong with it to {@code issues}. */
  @FunctionalInterface
  public interface KeyCheck {
    /** Checks {@code value}, found at JSON path {@code at}. */
    void check(JsonNode value, String at, List<ConfigIssue> issues);
  }

  /** Whether {@code settings} is an object; adds an error at {@code path} when it is not. */
  public static boolean isObject(JsonNode settings, String path, List<ConfigIssue> issues) {
    if (settings == null || !settings.isObject()) {
      issues.add(ConfigIssue.error(path, "must be an object"));
      return false;
    }
    return true;
  }

  /** Warns that the key at {@code at} is not known and is ignored. */
  public static void unknownKey(String at, List<ConfigIssue> issues) {
    issues.add(ConfigIssue.warning(at, "unknown key, ignored"));
  }

  /** Whether {@code v} is a string or null; adds an error when it is neither. */
  public static boolean checkString(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isString() && !v.isNull()) {
      issues.add(ConfigIssue.error(at, "must be a string, got " + kind(v)));
      return false;
    }
    return true;
  }

  /** Adds an error unless {@code v} is a boolean. */
  public static void checkBoolean(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isBoolean()) {
      issues.add(ConfigIssue.error(at, "must be true or false, got " + kind(v)));
    }
  }

  /** Adds an error unless {@code v} is a {@code timeout}: seconds within (0, 3600]. */
  public static void checkTimeout(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!(v.isNumber() && v.doubleValue() > 0 && v.doubleValue() <= MAX_TIMEOUT_SECONDS)) {
      issues.add(
          ConfigIssue.error(
              at,
              "must be a number of seconds within (0, "
                  + MAX_TIMEOUT_SECONDS
                  + "], got "
                  + shown(v)));
    }
  }

  /** Whether {@code v} is a whole number within {@code [min, max]}. */
  public static boolean isWhole(JsonNode v, long min, long max) {
    return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max;
  }

  /**
   * Adds an error unless {@code value} is an http(s) URL with a host.
   *
   * @param hint what the message says of the URL wanted, e.g. {@code such as https://…}
   */
  public static void checkUrl(String value, String at, String hint, List<ConfigIssue> issues) {
    // The value is echoed with user info and secret query values masked: a token may hide there.
    String echoed = Redactor.standard().url(value);
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        issues.add(
            ConfigIssue.error(at, "must be an http(s) URL " + hint + ", got \"" + echoed + "\""));
      }
    } catch (URISyntaxException e) {
      issues.add(
          ConfigIssue.error(at, "must be an http(s) URL " + hint + ", got \"" + echoed + "\""));
    }
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
    return URI.create(stripSlash(base));
  }

  /** {@code url}, stripped, without a trailing slash. */
  public static String stripSlash(String url) {
    String u = url.strip();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** {@code timeout} (seconds, fractions allowed), or {@code otherwise} when absent. */
  public static Duration timeout(JsonNode settings, Duration otherwise) {
    JsonNode v = settings.get("timeout");
    return v != null && v.isNumber()
        ? Duration.ofMillis(Math.round(v.doubleValue() * 1000))
        : otherwise;
  }

  /** A number as written, anything else as its {@link #kind}: for "got …" in messages. */
  public static String shown(JsonNode v) {
    return v.isNumber() ? v.asString() : kind(v);
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
}
