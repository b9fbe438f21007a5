package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake Plex holds: the server's library sections and titles, and the Discover catalogue
 * (every new-agent library movie and show, plus Discover-only titles). Generators make titles with
 * predictable ids: movie {@code n} has imdb {@code tt(1000000+n)} and tmdb {@code 5000+n}; show
 * {@code n} has tvdb {@code 300000+n}, imdb {@code tt(5000000+n)} and tmdb {@code 7000+n}; its
 * episode S{@code s}E{@code e} has tvdb {@code 20000000 + n·10000 + s·100 + e}. Thread-safe.
 */
public final class PlexCatalogue {
  private final Map<String, PlexSection> sections = new LinkedHashMap<>();
  private final Map<String, PlexTitle> byRatingKey = new LinkedHashMap<>();
  private final Map<String, PlexTitle> byDiscoverKey = new LinkedHashMap<>();
  private int nextSection = 1;
  private int nextRatingKey = 100;
  private int nextHex = 1;
  private int movies;
  private int shows;

  /** Adds a movie section. */
  public synchronized PlexSection addMovieSection(String title) {
    return addSection("movie", title);
  }

  /** Adds a TV show section. */
  public synchronized PlexSection addShowSection(String title) {
    return addSection("show", title);
  }

  private PlexSection addSection(String type, String title) {
    String key = Integer.toString(nextSection++);
    PlexSection s = new PlexSection(key, type, title, "section-uuid-" + key);
    sections.put(key, s);
    return s;
  }

  /** Every section in order. */
  public synchronized List<PlexSection> sections() {
    return List.copyOf(sections.values());
  }

  /** Adds a library movie or show with its own guid and {@code Guid} children. */
  public synchronized PlexTitle add(
      PlexSection section,
      MediaType type,
      String title,
      Integer year,
      String guid,
      List<String> externalGuids) {
    PlexTitle t =
        new PlexTitle(
            Integer.toString(nextRatingKey++),
            section.key(),
            type,
            title,
            year,
            guid,
            externalGuids,
            null,
            null,
            null);
    return register(t);
  }

  /** Adds an episode of a library show. */
  public synchronized PlexTitle addEpisode(
      PlexTitle show, int season, int number, String title, String guid, List<String> guids) {
    PlexTitle t =
        new PlexTitle(
            Integer.toString(nextRatingKey++),
            show.section(),
            MediaType.EPISODE,
            title,
            null,
            guid,
            guids,
            show,
            season,
            number);
    return register(t);
  }

  /** Adds a movie or show that exists only on Discover (not in the library). */
  public synchronized PlexTitle addDiscoverOnly(
      MediaType type, String title, int year, List<String> externalGuids) {
    PlexTitle t =
        new PlexTitle(
            null, null, type, title, year, newPlexGuid(type), externalGuids, null, null, null);
    byDiscoverKey.put(t.discoverKey(), t);
    return t;
  }

  private PlexTitle register(PlexTitle t) {
    byRatingKey.put(t.ratingKey(), t);
    if (t.discoverKey() != null && t.type() != MediaType.EPISODE) {
      byDiscoverKey.put(t.discoverKey(), t);
    }
    return t;
  }

  /** A new {@code plex://<type>/<24 hex>} guid. */
  public synchronized String newPlexGuid(MediaType type) {
    return "plex://" + type.key() + "/" + String.format("5d776%019x", nextHex++);
  }

  /** {@code count} new-agent movies in {@code section}, numbered on from earlier ones. */
  public synchronized List<PlexTitle> generateMovies(PlexSection section, int count) {
    List<PlexTitle> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = ++movies;
      out.add(
          add(
              section,
              MediaType.MOVIE,
              "Movie " + n,
              1990 + n % 30,
              newPlexGuid(MediaType.MOVIE),
              List.of("imdb://tt" + (1000000 + n), "tmdb://" + (5000 + n))));
    }
    return out;
  }

  /** {@code count} movies of the legacy IMDb agent ({@code com.plexapp.agents.imdb://tt…}). */
  public synchronized List<PlexTitle> generateLegacyMovies(PlexSection section, int count) {
    List<PlexTitle> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = ++movies;
      String guid = "com.plexapp.agents.imdb://tt" + (1000000 + n) + "?lang=en";
      out.add(add(section, MediaType.MOVIE, "Movie " + n, 1990 + n % 30, guid, List.of()));
    }
    return out;
  }

  /** A new-agent show with {@code seasons} × {@code episodes} episodes; returns the show. */
  public synchronized PlexTitle generateShow(PlexSection section, int seasons, int episodes) {
    int n = ++shows;
    PlexTitle show =
        add(
            section,
            MediaType.SHOW,
            "Show " + n,
            1960 + n,
            newPlexGuid(MediaType.SHOW),
            List.of("tvdb://" + (300000 + n), "imdb://tt" + (5000000 + n), "tmdb://" + (7000 + n)));
    for (int s = 1; s <= seasons; s++) {
      for (int e = 1; e <= episodes; e++) {
        addEpisode(
            show,
            s,
            e,
            "Episode " + e,
            newPlexGuid(MediaType.EPISODE),
            List.of("tvdb://" + episodeTvdb(n, s, e)));
      }
    }
    return show;
  }

  /** A show of the legacy TheTVDB agent: {@code com.plexapp.agents.thetvdb://<show>/<s>/<e>}. */
  public synchronized PlexTitle generateLegacyShow(PlexSection section, int seasons, int episodes) {
    int n = ++shows;
    long tvdb = 300000 + n;
    String base = "com.plexapp.agents.thetvdb://" + tvdb;
    PlexTitle show =
        add(section, MediaType.SHOW, "Show " + n, 1960 + n, base + "?lang=en", List.of());
    for (int s = 1; s <= seasons; s++) {
      for (int e = 1; e <= episodes; e++) {
        addEpisode(show, s, e, "Episode " + e, base + "/" + s + "/" + e + "?lang=en", List.of());
      }
    }
    return show;
  }

  /** {@code count} movies only on Discover, numbered on from the library's movies. */
  public synchronized List<PlexTitle> generateDiscoverMovies(int count) {
    List<PlexTitle> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = ++movies;
      out.add(
          addDiscoverOnly(
              MediaType.MOVIE,
              "Movie " + n,
              1990 + n % 30,
              List.of("imdb://tt" + (1000000 + n), "tmdb://" + (5000 + n))));
    }
    return out;
  }

  /** The tvdb id generated shows give an episode. */
  public static long episodeTvdb(int show, int season, int episode) {
    return 20000000L + show * 10000L + season * 100L + episode;
  }

  /** A library title by rating key. */
  public synchronized Optional<PlexTitle> byRatingKey(String ratingKey) {
    return Optional.ofNullable(byRatingKey.get(ratingKey));
  }

  /** A Discover title by its hex key. */
  public synchronized Optional<PlexTitle> byDiscoverKey(String key) {
    return Optional.ofNullable(byDiscoverKey.get(key));
  }

  /** The Discover titles of a type carrying an external guid such as {@code imdb://tt…}. */
  public synchronized List<PlexTitle> discoverMatches(MediaType type, String externalGuid) {
    List<PlexTitle> out = new ArrayList<>();
    for (PlexTitle t : byDiscoverKey.values()) {
      if (t.type() == type && t.externalGuids().contains(externalGuid)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The library titles of a section and type, in order. */
  public synchronized List<PlexTitle> titles(String section, MediaType type) {
    List<PlexTitle> out = new ArrayList<>();
    for (PlexTitle t : byRatingKey.values()) {
      if (t.section().equals(section) && t.type() == type) {
        out.add(t);
      }
    }
    return out;
  }

  /** The episodes of a show, in order. */
  public synchronized List<PlexTitle> episodes(PlexTitle show) {
    List<PlexTitle> out = new ArrayList<>();
    for (PlexTitle t : byRatingKey.values()) {
      if (t.type() == MediaType.EPISODE && t.show().ratingKey().equals(show.ratingKey())) {
        out.add(t);
      }
    }
    return out;
  }

  /** An episode of a show by numbers. */
  public synchronized Optional<PlexTitle> episode(PlexTitle show, int season, int number) {
    return episodes(show).stream()
        .filter(e -> e.season() == season && e.number() == number)
        .findFirst();
  }

  synchronized Optional<PlexSection> section(String key) {
    return Optional.ofNullable(sections.get(key));
  }
}
