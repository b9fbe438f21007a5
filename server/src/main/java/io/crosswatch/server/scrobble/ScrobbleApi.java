package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.NowPlaying;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import io.crosswatch.server.Routes;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/scrobble} (signed-in callers only): {@code {"enabled", "running", "now_playing":
 * [{"source", "instance", "user", "title", "state", "progress", "updated_at"}], "recent": [the
 * scrobble log's lines], "warnings": [...]}}; {@code ?limit=} caps {@code recent} (default 20).
 */
public final class ScrobbleApi implements Routes {
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 500;

  private final ScrobbleService scrobbling;

  public ScrobbleApi(ScrobbleService scrobbling) {
    this.scrobbling = scrobbling;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/scrobble",
        ctx -> {
          int limit = DEFAULT_LIMIT;
          String raw = ctx.queryParam("limit");
          if (raw != null) {
            try {
              limit = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(raw)));
            } catch (NumberFormatException e) {
              throw io.crosswatch.server.ApiProblem.badRequest(
                  "limit must be a whole number from 1 to " + MAX_LIMIT + ", got " + raw);
            }
          }
          ctx.json(json(scrobbling.status(limit)));
        });
  }

  /** The status as the API answers it. */
  static Map<String, Object> json(ScrobbleStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", s.enabled());
    m.put("running", s.running());
    m.put("now_playing", s.nowPlaying().stream().map(ScrobbleApi::playing).toList());
    m.put("recent", s.recent().stream().map(ScrobbleApi::notice).toList());
    m.put("warnings", s.warnings());
    return m;
  }

  private static Map<String, Object> playing(NowPlaying p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.source());
    m.put("instance", p.instance());
    m.put("user", p.user());
    m.put("title", p.item().label());
    m.put("state", p.state().name().toLowerCase(Locale.ROOT));
    m.put("progress", Math.round(p.progressPercent() * 10) / 10.0);
    m.put("updated_at", p.updatedAt() == null ? null : p.updatedAt().toString());
    return m;
  }

  private static Object notice(ScrobbleNotice n) {
    return io.crosswatch.server.Json.MAPPER.readTree(ScrobbleLog.line(n));
  }
}
