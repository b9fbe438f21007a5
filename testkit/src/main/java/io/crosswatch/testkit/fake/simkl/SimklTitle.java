package io.crosswatch.testkit.fake.simkl;

import java.util.Locale;
import java.util.Objects;

/**
 * A title the fake SIMKL knows: a movie, show or anime with its ids and episode layout.
 *
 * @param kind what it is
 * @param simkl the SIMKL id (unique per kind)
 * @param imdb the imdb id, or {@code null}
 * @param tmdb the tmdb id, or {@code null}
 * @param tvdb the tvdb id (shows and anime), or {@code null}
 * @param mal the MyAnimeList id (anime), or {@code null}
 * @param title the title
 * @param year the year
 * @param seasons how many seasons (0 for movies)
 * @param episodesPerSeason episodes in each season (0 for movies)
 */
public record SimklTitle(
    Kind kind,
    long simkl,
    String imdb,
    Long tmdb,
    Long tvdb,
    Long mal,
    String title,
    int year,
    int seasons,
    int episodesPerSeason) {

  /** SIMKL's three libraries. */
  public enum Kind {
    MOVIE("movies", "movie"),
    SHOW("shows", "show"),
    ANIME("anime", "show");

    private final String group;
    private final String mediaKey;

    Kind(String group, String mediaKey) {
      this.group = group;
      this.mediaKey = mediaKey;
    }

    /** The path segment and answer key, e.g. {@code movies}. */
    public String group() {
      return group;
    }

    /** The key of a row's media object. */
    public String mediaKey() {
      return mediaKey;
    }
  }

  public SimklTitle {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
  }

  /** A key unique within the catalogue: kind and SIMKL id. */
  public String key() {
    return kind.group + ":" + simkl;
  }

  /** Whether this is a movie (no episodes). */
  public boolean isMovie() {
    return kind == Kind.MOVIE;
  }

  /** Episodes in total. */
  public int episodeCount() {
    return seasons * episodesPerSeason;
  }

  /** Whether the show has this episode. */
  public boolean hasEpisode(int season, int number) {
    return !isMovie()
        && season >= 1
        && season <= seasons
        && number >= 1
        && number <= episodesPerSeason;
  }

  /** SIMKL's slug. */
  public String slug() {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  @Override
  public String toString() {
    return title + " (" + year + ")";
  }
}
