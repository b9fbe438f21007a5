package io.crosswatch.providers.plex;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.providers.http.ServiceJson;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads server metadata JSON ({@code MediaContainer.Metadata[]} entries) into entries. */
final class PlexEntries {

  private PlexEntries() {}

  /** {@code viewOffset} in milliseconds; 0 when absent. */
  static long offset(JsonNode m) {
    Long v = whole(m.get("viewOffset"));
    return v == null || v < 0 ? 0 : v;
  }

  /** {@code duration} in milliseconds, or {@code null} when absent. */
  static Long duration(JsonNode m) {
    Long v = whole(m.get("duration"));
    return v == null || v <= 0 ? null : v;
  }

  /**
   * A movie or show of a library section.
   *
   * @throws IllegalArgumentException when the entry has no rating key
   */
  static PlexEntry title(JsonNode m, String section, MediaType type) {
    return new PlexEntry(
        ratingKey(m),
        section,
        type,
        text(m, "title"),
        integer(m.get("year")),
        PlexGuids.ids(m),
        null,
        null,
        null,
        null,
        viewCount(m),
        epoch(m.get("lastViewedAt")),
        decimal(m.get("userRating")),
        epoch(m.get("lastRatedAt")),
        offset(m),
        duration(m));
  }

  /**
   * An episode; its show comes from {@code shows} (read before, by rating key) or, failing that,
   * from its own {@code grandparent*} fields and legacy guid.
   */
  static PlexEntry episode(JsonNode m, String section, Map<String, PlexEntry> shows) {
    PlexGuids.Parsed legacy = PlexGuids.parse(text(m, "guid"));
    String showKey = key(m.get("grandparentRatingKey"));
    PlexEntry known = showKey == null ? null : shows.get(showKey);
    Ids showIds =
        known != null
            ? known.ids()
            : PlexGuids.parse(text(m, "grandparentGuid")).ids().merge(legacy.showIds());
    ShowRef show =
        known != null
            ? new ShowRef(known.title(), known.year(), showIds.merge(legacy.showIds()))
            : new ShowRef(text(m, "grandparentTitle"), null, showIds);
    Integer season = integer(m.get("parentIndex"));
    Integer number = integer(m.get("index"));
    return new PlexEntry(
        ratingKey(m),
        section,
        MediaType.EPISODE,
        text(m, "title"),
        null,
        PlexGuids.ids(m),
        show,
        showKey,
        season != null ? season : legacy.season(),
        number != null ? number : legacy.number(),
        viewCount(m),
        epoch(m.get("lastViewedAt")),
        decimal(m.get("userRating")),
        epoch(m.get("lastRatedAt")),
        offset(m),
        duration(m));
  }

  /** The plex hex key of a Discover entry: its {@code ratingKey}, else its guid's last part. */
  static String discoverKey(JsonNode m) {
    String key = key(m.get("ratingKey"));
    return key != null ? key : Ids.normalize(IdKind.PLEX, PlexGuids.plexKey(text(m, "guid")));
  }

  private static String ratingKey(JsonNode m) {
    String key = key(m.get("ratingKey"));
    if (key == null) {
      throw new IllegalArgumentException("entry \"" + text(m, "title") + "\" has no ratingKey");
    }
    return key;
  }

  private static int viewCount(JsonNode m) {
    Long v = whole(m.get("viewCount"));
    return v == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, v));
  }

  /** A key given as a string or a number; {@code null} when absent or blank. */
  static String key(JsonNode v) {
    if (v == null || v.isNull() || !(v.isString() || v.isIntegralNumber())) {
      return null;
    }
    String s = v.asString().strip();
    return s.isEmpty() ? null : s;
  }

  static String text(JsonNode m, String field) {
    return ServiceJson.text(m, field);
  }

  /** A whole number given as a number or a digit string; {@code null} otherwise. */
  static Long whole(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isString() && v.stringValue().strip().matches("-?\\d{1,18}")) {
      return Long.parseLong(v.stringValue().strip());
    }
    return null;
  }

  private static Integer integer(JsonNode v) {
    Long l = whole(v);
    return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
  }

  private static Double decimal(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isString()) {
      try {
        return Double.parseDouble(v.stringValue().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Epoch seconds as an instant; {@code null} when absent or not positive. */
  static Instant epoch(JsonNode v) {
    Long s = whole(v);
    return s == null || s <= 0 ? null : Instant.ofEpochSecond(s);
  }
}
