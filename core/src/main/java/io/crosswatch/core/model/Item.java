package io.crosswatch.core.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A normalized item: one title on a watchlist, one play in a history, one rating, one member of a
 * playlist, or one resume point.
 *
 * <p>Optional fields are {@code null} when unknown. Feature fields: watchlist {@code listedAt};
 * history {@code watchedAt} (one item per play); ratings {@code rating} (1–10) and {@code ratedAt};
 * progress (movies and episodes) {@code progressMs}, {@code durationMs} (when known) and {@code
 * pausedAt}; playlists {@code playlist} (which playlist, and the member's position there) and
 * {@code listedAt} (when the member was added, when known).
 */
public record Item(
    MediaType type,
    String title,
    Integer year,
    Ids ids,
    ShowRef show,
    Integer season,
    Integer number,
    Instant listedAt,
    Instant watchedAt,
    Integer rating,
    Instant ratedAt,
    Long progressMs,
    Long durationMs,
    Instant pausedAt,
    PlaylistRef playlist) {

  public Item {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ids, "ids");
  }

  /** An item without progress or playlist fields (watchlist, history and ratings items). */
  public Item(
      MediaType type,
      String title,
      Integer year,
      Ids ids,
      ShowRef show,
      Integer season,
      Integer number,
      Instant listedAt,
      Instant watchedAt,
      Integer rating,
      Instant ratedAt) {
    this(
        type, title, year, ids, show, season, number, listedAt, watchedAt, rating, ratedAt, null,
        null, null, null);
  }

  /** A movie with the given title, year and ids. */
  public static Item movie(String title, Integer year, Ids ids) {
    return new Item(MediaType.MOVIE, title, year, ids, null, null, null, null, null, null, null);
  }

  /** A show with the given title, year and ids. */
  public static Item show(String title, Integer year, Ids ids) {
    return new Item(MediaType.SHOW, title, year, ids, null, null, null, null, null, null, null);
  }

  /** An episode of a show. */
  public static Item episode(ShowRef show, int season, int number, String title, Ids ids) {
    return new Item(
        MediaType.EPISODE, title, null, ids, show, season, number, null, null, null, null);
  }

  /** A season of a show. */
  public static Item season(ShowRef show, int season, Ids ids) {
    return new Item(MediaType.SEASON, null, null, ids, show, season, null, null, null, null, null);
  }

  public Item withIds(Ids newIds) {
    return new Item(
        type,
        title,
        year,
        newIds,
        show,
        season,
        number,
        listedAt,
        watchedAt,
        rating,
        ratedAt,
        progressMs,
        durationMs,
        pausedAt,
        playlist);
  }

  public Item withListedAt(Instant at) {
    return new Item(
        type,
        title,
        year,
        ids,
        show,
        season,
        number,
        at,
        watchedAt,
        rating,
        ratedAt,
        progressMs,
        durationMs,
        pausedAt,
        playlist);
  }

  public Item withWatchedAt(Instant at) {
    return new Item(
        type,
        title,
        year,
        ids,
        show,
        season,
        number,
        listedAt,
        at,
        rating,
        ratedAt,
        progressMs,
        durationMs,
        pausedAt,
        playlist);
  }

  public Item withRating(Integer newRating, Instant at) {
    return new Item(
        type,
        title,
        year,
        ids,
        show,
        season,
        number,
        listedAt,
        watchedAt,
        newRating,
        at,
        progressMs,
        durationMs,
        pausedAt,
        playlist);
  }

  /**
   * This title as a resume point.
   *
   * @param position where playback stopped, in milliseconds from the start
   * @param duration the runtime in milliseconds, or {@code null} when unknown
   * @param at when playback was paused there
   */
  public Item withProgress(Long position, Long duration, Instant at) {
    return new Item(
        type, title, year, ids, show, season, number, listedAt, watchedAt, rating, ratedAt,
        position, duration, at, playlist);
  }

  /** This title as a member of a playlist ({@code null}: no playlist). */
  public Item withPlaylist(PlaylistRef ref) {
    return new Item(
        type,
        title,
        year,
        ids,
        show,
        season,
        number,
        listedAt,
        watchedAt,
        rating,
        ratedAt,
        progressMs,
        durationMs,
        pausedAt,
        ref);
  }

  /**
   * The time this item carries for a feature (listed, watched, rated or paused), or {@code null}.
   */
  public Instant timeFor(Feature feature) {
    switch (feature) {
      case WATCHLIST:
      case PLAYLISTS:
        return listedAt;
      case HISTORY:
        return watchedAt;
      case RATINGS:
        return ratedAt;
      case PROGRESS:
        return pausedAt;
      default:
        throw new IllegalArgumentException("feature " + feature);
    }
  }

  /** Whether this item carries any id usable for identity across providers, its show's included. */
  public boolean hasUsableIds() {
    return ids.hasCrossProviderId()
        || (show != null && show.ids().hasCrossProviderId() && season != null);
  }

  /**
   * A short human label such as {@code "The Matrix (1999)"} or {@code "Show 1 S01E02"}; a playlist
   * member adds its playlist ({@code "The Matrix (1999) in Road trip"}).
   */
  public String label() {
    String own = titleLabel();
    return playlist == null ? own : own + " in " + playlist.name();
  }

  private String titleLabel() {
    if (type == MediaType.EPISODE || type == MediaType.SEASON) {
      String showTitle = show == null || show.title() == null ? "?" : show.title();
      if (type == MediaType.SEASON) {
        return String.format(Locale.ROOT, "%s S%02d", showTitle, season == null ? 0 : season);
      }
      return String.format(
          Locale.ROOT,
          "%s S%02dE%02d",
          showTitle,
          season == null ? 0 : season,
          number == null ? 0 : number);
    }
    String t = title == null ? "?" : title;
    return year == null ? t : t + " (" + year + ")";
  }
}
