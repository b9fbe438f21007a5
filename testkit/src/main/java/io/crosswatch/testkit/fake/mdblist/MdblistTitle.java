package io.crosswatch.testkit.fake.mdblist;

import java.util.Objects;

/**
 * A title the fake MDBList knows.
 *
 * @param show whether it is a show (else a movie)
 * @param imdb the imdb id, or {@code null}
 * @param tmdb the tmdb id
 * @param tvdb the tvdb id (shows), or {@code null}
 * @param title the title
 * @param year the year
 */
public record MdblistTitle(
    boolean show, String imdb, long tmdb, Long tvdb, String title, int year) {

  public MdblistTitle {
    Objects.requireNonNull(title, "title");
  }

  /** A key unique within the catalogue. */
  public String key() {
    return (show ? "show:" : "movie:") + tmdb;
  }

  /** {@code movies} or {@code shows}. */
  public String group() {
    return show ? "shows" : "movies";
  }
}
