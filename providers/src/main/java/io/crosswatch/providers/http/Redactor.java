package io.crosswatch.providers.http;

import io.crosswatch.core.config.secrets.KnownSecrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Removes secrets from URLs, headers and text before they reach any log line or message.
 *
 * <p>Secret query parameters and headers are known by name; on top of that a redactor may be given
 * the secret values themselves (tokens, keys), which it masks wherever they appear, e.g. a token
 * that a service puts in a path. Values decrypted from the config are masked by every redactor.
 */
public final class Redactor {
  /** What secrets are replaced with. */
  public static final String MASK = "***";

  /** Query parameter names (lower case) whose values are never printed. */
  public static final Set<String> SECRET_PARAMS =
      Set.of(
          "apikey",
          "api_key",
          "token",
          "x-plex-token",
          "client_secret",
          "client_id",
          "code",
          "device_code",
          "access_token",
          "refresh_token",
          "password",
          "pw");

  /** Header names (lower case) whose values are never printed. */
  public static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "trakt-api-key",
          "simkl-api-key",
          "x-emby-token",
          "x-emby-authorization",
          "x-mediabrowser-token",
          "x-plex-token",
          "x-api-key",
          "cookie",
          "set-cookie");

  private static final int MIN_SECRET_LENGTH = 4;
  private static final Redactor STANDARD = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor that knows secrets by parameter and header name only. */
  public static Redactor standard() {
    return STANDARD;
  }

  /**
   * This redactor plus secret values to mask anywhere; blank values and values shorter than 4
   * characters are ignored (masking them would garble ordinary text).
   */
  public Redactor withSecrets(Collection<String> values) {
    List<String> all = new ArrayList<>(secrets);
    for (String v : values) {
      if (v != null && v.strip().length() >= MIN_SECRET_LENGTH && !all.contains(v.strip())) {
        all.add(v.strip());
      }
    }
    // Longest first, so that a secret containing another is masked whole.
    all.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(all));
  }

  /** Whether a query parameter's value is secret. */
  public static boolean isSecretParam(String name) {
    return SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a header's value is secret. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The URL with user info and secret query values masked, and known secrets masked anywhere. */
  public String url(String url) {
    Objects.requireNonNull(url, "url");
    String u = maskUserInfo(url);
    int q = u.indexOf('?');
    if (q >= 0) {
      int hash = u.indexOf('#', q);
      String query = hash >= 0 ? u.substring(q + 1, hash) : u.substring(q + 1);
      String rest = hash >= 0 ? u.substring(hash) : "";
      u = u.substring(0, q + 1) + maskQuery(query) + rest;
    }
    return text(u);
  }

  /** The headers with secret values replaced by {@link #MASK}, in the same order. */
  public Map<String, List<String>> headers(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (isSecretHeader(name)) {
            out.put(name, List.of(MASK));
          } else {
            List<String> cleaned = new ArrayList<>(values.size());
            values.forEach(v -> cleaned.add(text(v)));
            out.put(name, cleaned);
          }
        });
    return out;
  }

  /**
   * The text with every known secret value masked: this redactor's own and every value decrypted
   * from the config ({@link KnownSecrets}).
   */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (String secret : secrets) {
      t = t.replace(secret, MASK);
    }
    return KnownSecrets.mask(t);
  }

  private static String maskUserInfo(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int end = url.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = url.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + MASK + url.substring(at);
  }

  private static String maskQuery(String query) {
    StringBuilder sb = new StringBuilder(query.length());
    String[] parts = query.split("&", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      String part = parts[i];
      int eq = part.indexOf('=');
      String rawName = eq >= 0 ? part.substring(0, eq) : part;
      String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      if (eq >= 0 && isSecretParam(name)) {
        sb.append(rawName).append('=').append(MASK);
      } else {
        sb.append(part);
      }
    }
    return sb.toString();
  }
}
