package io.crosswatch.core.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A normalized item: one title on a watchlist, one play in a history, or one rating.
 *
 * <p>Optional fields are {@code null} when unknown. Feature fields: watchlist {@code listedAt};
 * history {@code watchedAt} (one item per play); ratings {@code rating} (1–10) and {@code ratedAt}.
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
    Instant ratedAt) {

  public Item {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ids, "ids");
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
        type, title, year, newIds, show, season, number, listedAt, watchedAt, rating, ratedAt);
  }

  public Item withListedAt(Instant at) {
    return new Item(type, title, year, ids, show, season, number, at, watchedAt, rating, ratedAt);
  }

  public Item withWatchedAt(Instant at) {
    return new Item(type, title, year, ids, show, season, number, listedAt, at, rating, ratedAt);
  }

  public Item withRating(Integer newRating, Instant at) {
    return new Item(
        type, title, year, ids, show, season, number, listedAt, watchedAt, newRating, at);
  }

  /** The time this item carries for a feature (listed, watched or rated), or {@code null}. */
  public Instant timeFor(Feature feature) {
    switch (feature) {
      case WATCHLIST:
        return listedAt;
      case HISTORY:
        return watchedAt;
      case RATINGS:
        return ratedAt;
      default:
        throw new IllegalArgumentException("feature " + feature);
    }
  }

  /** Whether this item carries any id usable for identity across providers, its show's included. */
  public boolean hasUsableIds() {
    return ids.hasCrossProviderId()
        || (show != null && show.ids().hasCrossProviderId() && season != null);
  }

  /** A short human label such as {@code "The Matrix (1999)"} or {@code "Show 1 S01E02"}. */
  public String label() {
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
