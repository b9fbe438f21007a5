package io.crosswatch.providers.http;

import java.net.URI;
import java.util.regex.Pattern;

/** Turns request paths into endpoint templates for counting. */
final class Endpoints {
  private static final Pattern ID_SEGMENT =
      Pattern.compile(
          "\\d+|tt\\d+|[0-9a-fA-F]{16,}"
              + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Endpoints() {}

  /**
   * The path without query and host, with id-like segments (numbers, imdb ids, long hex strings,
   * UUIDs) replaced by {@code {id}}: {@code /users/me/history/123?page=2} becomes {@code
   * /users/me/history/{id}}.
   */
  static String template(String path) {
    String p = path;
    if (p.startsWith("http://") || p.startsWith("https://")) {
      p = URI.create(p).getRawPath();
    }
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    if (p.isEmpty()) {
      return "/";
    }
    String[] segments = p.split("/", -1);
    StringBuilder sb = new StringBuilder(p.length());
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        sb.append('/');
      }
      String s = segments[i];
      sb.append(ID_SEGMENT.matcher(s).matches() ? "{id}" : s);
    }
    return sb.toString();
  }
}
