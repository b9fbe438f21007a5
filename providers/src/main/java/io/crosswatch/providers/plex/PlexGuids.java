package io.crosswatch.providers.plex;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads Plex guids: the new agents' {@code plex://movie/<hex>} plus external ids in the {@code
 * Guid} child array ({@code imdb://tt…}, {@code tmdb://…}, {@code tvdb://…}), and the legacy
 * agents' single guid ({@code com.plexapp.agents.imdb://tt…?lang=en}, {@code
 * com.plexapp.agents.themoviedb://…}, {@code com.plexapp.agents.thetvdb://<show>/<s>/<e>}, HAMA's
 * {@code anidb-…}).
 */
final class PlexGuids {
  private static final String AGENTS = "com.plexapp.agents.";

  /**
   * What one guid says. A legacy TV agent names an episode by its show's id and its numbers: then
   * {@code ids} is empty, {@code showIds} holds the show's id and {@code season}/{@code number} its
   * place; a season guid has no {@code number}.
   */
  record Parsed(Ids ids, Ids showIds, Integer season, Integer number) {
    static final Parsed NONE = new Parsed(Ids.empty(), Ids.empty(), null, null);
  }

  private PlexGuids() {}

  /** The ids of a metadata item: its {@code Guid} children merged with its own {@code guid}. */
  static Ids ids(JsonNode item) {
    Ids ids = Ids.empty();
    for (JsonNode g : item.path("Guid")) {
      ids = ids.merge(parse(g.path("id").asString("")).ids());
    }
    return ids.merge(parse(item.path("guid").asString("")).ids());
  }

  /** Parses one guid; unknown schemes and malformed values give {@link Parsed#NONE}. */
  static Parsed parse(String guid) {
    if (guid == null) {
      return Parsed.NONE;
    }
    String g = guid.strip();
    int q = g.indexOf('?');
    if (q >= 0) {
      g = g.substring(0, q);
    }
    int sep = g.indexOf("://");
    if (sep <= 0) {
      return Parsed.NONE;
    }
    String scheme = g.substring(0, sep).toLowerCase(Locale.ROOT);
    String[] parts = g.substring(sep + 3).split("/");
    if (scheme.startsWith(AGENTS)) {
      return legacy(scheme.substring(AGENTS.length()), parts);
    }
    switch (scheme) {
      case "plex":
        return parts.length == 2 ? single(IdKind.PLEX, parts[1]) : Parsed.NONE;
      case "imdb":
        return single(IdKind.IMDB, parts[0]);
      case "tmdb":
        return single(IdKind.TMDB, parts[0]);
      case "tvdb":
        return single(IdKind.TVDB, parts[0]);
      default:
        return Parsed.NONE;
    }
  }

  /** The hex key of a {@code plex://<type>/<hex>} guid, or {@code null}. */
  static String plexKey(String guid) {
    return parse(guid).ids().value(IdKind.PLEX);
  }

  private static Parsed legacy(String agent, String[] parts) {
    switch (agent) {
      case "imdb":
        return single(IdKind.IMDB, parts[0]);
      case "themoviedb":
        return placed(IdKind.TMDB, parts[0], parts);
      case "thetvdb":
        return placed(IdKind.TVDB, parts[0], parts);
      case "hama":
        return hama(parts);
      default:
        return Parsed.NONE;
    }
  }

  /** HAMA (anime agent) guids: {@code anidb-123} or {@code tvdb-456}, optionally with numbers. */
  private static Parsed hama(String[] parts) {
    String id = parts[0];
    int dash = id.indexOf('-');
    if (dash <= 0) {
      return Parsed.NONE;
    }
    String source = id.substring(0, dash);
    String value = id.substring(dash + 1);
    if (source.equals("anidb")) {
      return placed(IdKind.ANIDB, value, parts);
    }
    if (source.equals("tvdb")) {
      return placed(IdKind.TVDB, value, parts);
    }
    return Parsed.NONE;
  }

  /** {@code <id>} alone names the title; {@code <id>/<season>[/<episode>]} a place in a show. */
  private static Parsed placed(IdKind kind, String value, String[] parts) {
    if (parts.length == 1) {
      return single(kind, value);
    }
    Integer season = number(parts[1]);
    Integer episode = parts.length > 2 ? number(parts[2]) : null;
    Ids show = Ids.of(kind, value);
    if (season == null || show.isEmpty() || (parts.length > 2 && episode == null)) {
      return Parsed.NONE;
    }
    return new Parsed(Ids.empty(), show, season, episode);
  }

  private static Parsed single(IdKind kind, String value) {
    Ids ids = Ids.of(kind, value);
    return ids.isEmpty() ? Parsed.NONE : new Parsed(ids, Ids.empty(), null, null);
  }

  private static Integer number(String s) {
    if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(s);
  }
}
