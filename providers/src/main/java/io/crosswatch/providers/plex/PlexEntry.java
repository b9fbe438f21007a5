package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One title of a server library with the token owner's view state.
 *
 * @param ratingKey the server's key of the title
 * @param section the key of its library section
 * @param type movie, show or episode
 * @param title its title
 * @param year its year (movies and shows)
 * @param ids external ids, plus {@code plex} (the hex of its {@code plex://} guid) when it has one
 * @param show for episodes, their show
 * @param showKey for episodes, the show's rating key
 * @param season for episodes, the season number
 * @param number for episodes, the episode number
 * @param viewCount how often the server counts it played (0: unplayed)
 * @param lastViewedAt when it was last played, or {@code null}
 * @param userRating the user's rating 0–10, or {@code null}
 * @param lastRatedAt when it was rated, or {@code null}
 * @param viewOffset the resume position in milliseconds ({@code viewOffset}); 0 when none
 * @param duration the running time in milliseconds, or {@code null} when unknown
 */
record PlexEntry(
    String ratingKey,
    String section,
    MediaType type,
    String title,
    Integer year,
    Ids ids,
    ShowRef show,
    String showKey,
    Integer season,
    Integer number,
    int viewCount,
    Instant lastViewedAt,
    Double userRating,
    Instant lastRatedAt,
    long viewOffset,
    Long duration) {

  PlexEntry {
    Objects.requireNonNull(ratingKey, "ratingKey");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ids, "ids");
  }

  /** Whether the server counts this title played. */
  boolean played() {
    return viewCount > 0;
  }

  /**
   * The rating as crosswatch's integer 1–10: Plex keeps 0–10 in half-star steps of 1 (the UI shows
   * five stars), so values map one to one; fractions written by other clients round half up. 0 and
   * below mean unrated.
   */
  Integer rating() {
    if (userRating == null || userRating <= 0) {
      return null;
    }
    return (int) Math.max(1, Math.min(10, Math.round(userRating)));
  }

  /** This entry marked played at {@code at} (the server keeps one play and its last date). */
  PlexEntry withPlayed(Instant at) {
    return withViewState(Math.max(1, viewCount), at);
  }

  /**
   * This entry with the view count and last viewed date the server reports; marking played or
   * unplayed clears the resume position.
   */
  PlexEntry withViewState(int count, Instant at) {
    return new PlexEntry(
        ratingKey,
        section,
        type,
        title,
        year,
        ids,
        show,
        showKey,
        season,
        number,
        count,
        at,
        userRating,
        lastRatedAt,
        0,
        duration);
  }

  /** This entry marked unplayed. */
  PlexEntry withUnplayed() {
    return withViewState(0, null);
  }

  /** This entry with a new rating ({@code null} clears it). */
  PlexEntry withRating(Double rating, Instant at) {
    return new PlexEntry(
        ratingKey,
        section,
        type,
        title,
        year,
        ids,
        show,
        showKey,
        season,
        number,
        viewCount,
        lastViewedAt,
        rating,
        rating == null ? null : at,
        viewOffset,
        duration);
  }

  /** This entry with a resume position (0: none) reached at {@code at}. */
  PlexEntry withViewOffset(long offset, Instant at) {
    return new PlexEntry(
        ratingKey,
        section,
        type,
        title,
        year,
        ids,
        show,
        showKey,
        season,
        number,
        viewCount,
        at == null ? lastViewedAt : at,
        userRating,
        lastRatedAt,
        offset,
        duration);
  }

  /** The normalized item of this title, its feature fields not yet set. */
  Item item() {
    switch (type) {
      case MOVIE:
        return Item.movie(title, year, ids);
      case SHOW:
        return Item.show(title, year, ids);
      default:
        return new Item(
            MediaType.EPISODE, title, null, ids, show, season, number, null, null, null, null);
    }
  }
}
