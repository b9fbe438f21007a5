package io.crosswatch.providers.mediabrowser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * A user's data for one item as the server keeps it: one played flag with one last played date per
 * title (not a list of plays), the favourite flag, a 0–10 rating and the resume position.
 *
 * @param played whether the item is marked played
 * @param lastPlayed the last played date, or {@code null} (kept by servers after unplaying)
 * @param favorite whether the item is a favourite
 * @param rating the server's 0–10 rating, or {@code null}
 * @param playCount the play count (sent back on Emby, which replaces user data whole)
 * @param positionTicks the resume position in ticks of 100 ns ({@code PlaybackPositionTicks}); 0
 *     when none
 */
record UserState(
    boolean played,
    Instant lastPlayed,
    boolean favorite,
    Double rating,
    int playCount,
    long positionTicks) {

  static final UserState NONE = new UserState(false, null, false, null, 0, 0);

  /** Reads a {@code UserData} object; a missing or odd one is no data. */
  static UserState from(JsonNode userData) {
    if (userData == null || !userData.isObject()) {
      return NONE;
    }
    JsonNode rating = userData.get("Rating");
    return new UserState(
        userData.path("Played").asBoolean(false),
        date(userData.get("LastPlayedDate")),
        userData.path("IsFavorite").asBoolean(false),
        rating != null && rating.isNumber() ? rating.doubleValue() : null,
        userData.path("PlayCount").asInt(0),
        Math.max(0, userData.path("PlaybackPositionTicks").asLong(0)));
  }

  /**
   * The rating on crosswatch's 1–10 scale: servers keep a 0–10 number (Jellyfin's "like" is 10,
   * "dislike" 1), rounded half up here and kept within 1–10; 0 or less (or none) is unrated.
   */
  Integer crosswatchRating() {
    if (rating == null || rating.isNaN() || rating <= 0) {
      return null;
    }
    return (int) Math.max(1, Math.min(10, Math.round(rating)));
  }

  UserState withPlayed(boolean value, Instant at) {
    // Both servers clear the resume position when a title is marked played or unplayed.
    return new UserState(value, at != null ? at : lastPlayed, favorite, rating, playCount, 0);
  }

  UserState withFavorite(boolean value) {
    return new UserState(played, lastPlayed, value, rating, playCount, positionTicks);
  }

  UserState withRating(Double value) {
    return new UserState(played, lastPlayed, favorite, value, playCount, positionTicks);
  }

  /** This data with another resume position and, when given, last played date. */
  UserState withPosition(long ticks, Instant at) {
    return new UserState(played, at != null ? at : lastPlayed, favorite, rating, playCount, ticks);
  }

  private static Instant date(JsonNode v) {
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      return null;
    }
    String s = v.stringValue();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        // Some servers send local times without an offset; those are UTC in practice.
        try {
          return Instant.parse(s + "Z");
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }
}
