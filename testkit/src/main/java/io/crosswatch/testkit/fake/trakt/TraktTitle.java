package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import java.util.Objects;

/**
 * A title the fake Trakt knows: a movie, show, season or episode with its ids.
 *
 * @param type what it is
 * @param trakt the Trakt id (unique per type)
 * @param slug the slug (movies and shows), or {@code null}
 * @param imdb the imdb id, or {@code null}
 * @param tmdb the tmdb id, or {@code null}
 * @param tvdb the tvdb id, or {@code null}
 * @param title the title (seasons: {@code null})
 * @param year the year (movies and shows), or {@code null}
 * @param show for seasons and episodes, their show
 * @param season for seasons and episodes, the season number
 * @param number for episodes, the episode number
 */
public record TraktTitle(
    MediaType type,
    long trakt,
    String slug,
    String imdb,
    Long tmdb,
    Long tvdb,
    String title,
    Integer year,
    TraktTitle show,
    Integer season,
    Integer number) {

  public TraktTitle {
    Objects.requireNonNull(type, "type");
    if ((type == MediaType.SEASON || type == MediaType.EPISODE) && show == null) {
      throw new IllegalArgumentException(type + " needs its show");
    }
  }

  /** A key unique within the catalogue: type and Trakt id. */
  public String key() {
    return type.key() + ":" + trakt;
  }

  /** The Trakt plural group this title is posted and counted under, e.g. {@code movies}. */
  public String group() {
    return type.key() + "s";
  }

  /** A short label for messages, e.g. {@code "Show 1 S01E02"}. */
  @Override
  public String toString() {
    if (type == MediaType.EPISODE) {
      return String.format("%s S%02dE%02d", show.title, season, number);
    }
    if (type == MediaType.SEASON) {
      return String.format("%s S%02d", show.title, season);
    }
    return title + " (" + year + ")";
  }
}
