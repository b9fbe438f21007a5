package io.crosswatch.server.web;

import io.crosswatch.server.Templates;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Renders a page template into the answer, and formats times the way the pages show them. */
final class Html {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Html() {}

  static void render(Context ctx, String template, Map<String, ?> params) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Cache-Control", "no-store");
    ctx.result(Templates.render(template, new java.util.HashMap<>(params)));
  }

  /** {@code 2026-01-02 03:04:05 UTC}; empty for null. */
  static String time(Instant at) {
    return at == null ? "" : SHOWN.format(at);
  }

  /** An ISO-8601 instant as {@link #time(Instant)} shows it; other text as it is. */
  static String time(String iso) {
    if (iso == null || iso.isEmpty()) {
      return "";
    }
    try {
      return time(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}
