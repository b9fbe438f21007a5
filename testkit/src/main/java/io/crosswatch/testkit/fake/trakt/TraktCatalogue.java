package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The titles the fake Trakt knows; posted items match a title when they share any id with it
 * (trakt, slug, imdb, tmdb, tvdb). Items matching nothing come back in {@code not_found}.
 * Thread-safe.
 */
public final class TraktCatalogue {
  private final Map<String, TraktTitle> byId = new HashMap<>();
  private final Map<String, TraktTitle> byNumber = new HashMap<>();
  private final Map<Long, List<TraktTitle>> episodesByShow = new HashMap<>();
  private final List<TraktTitle> all = new ArrayList<>();
  private final Map<String, Integer> runtimes = new HashMap<>();

  /** Adds a movie. */
  public synchronized TraktTitle addMovie(
      String title, int year, long trakt, String imdb, Long tmdb) {
    return add(
        new TraktTitle(
            MediaType.MOVIE,
            trakt,
            slug(title, year),
            imdb,
            tmdb,
            null,
            title,
            year,
            null,
            null,
            null));
  }

  /** Adds a show. */
  public synchronized TraktTitle addShow(
      String title, int year, long trakt, String imdb, Long tmdb, Long tvdb) {
    return add(
        new TraktTitle(
            MediaType.SHOW,
            trakt,
            slug(title, year),
            imdb,
            tmdb,
            tvdb,
            title,
            year,
            null,
            null,
            null));
  }

  /** Adds a season of a show. */
  public synchronized TraktTitle addSeason(
      TraktTitle show, int season, long trakt, Long tvdb, Long tmdb) {
    TraktTitle t =
        new TraktTitle(
            MediaType.SEASON, trakt, null, null, tmdb, tvdb, null, null, show, season, null);
    byNumber.put(show.trakt() + "/" + season, t);
    return add(t);
  }

  /** Adds an episode of a show. */
  public synchronized TraktTitle addEpisode(
      TraktTitle show,
      int season,
      int number,
      String title,
      long trakt,
      String imdb,
      Long tmdb,
      Long tvdb) {
    TraktTitle t =
        new TraktTitle(
            MediaType.EPISODE, trakt, null, imdb, tmdb, tvdb, title, null, show, season, number);
    byNumber.put(show.trakt() + "/" + season + "/" + number, t);
    episodesByShow.computeIfAbsent(show.trakt(), k -> new ArrayList<>()).add(t);
    return add(t);
  }

  /**
   * Adds {@code count} movies with predictable ids: movie {@code i} (from 1) is "Movie i", trakt
   * {@code 1000+i}, imdb {@code tt(1000000+i)}, tmdb {@code 5000+i}.
   */
  public synchronized List<TraktTitle> generateMovies(int count) {
    List<TraktTitle> movies = new ArrayList<>(count);
    int start = (int) all.stream().filter(t -> t.type() == MediaType.MOVIE).count();
    for (int i = start + 1; i <= start + count; i++) {
      movies.add(addMovie("Movie " + i, 1970 + i % 50, 1000 + i, "tt" + (1000000 + i), 5000L + i));
    }
    return movies;
  }

  /**
   * Adds show {@code n} (from 1) with its seasons and episodes, ids predictable: show trakt {@code
   * 200000+n}, tvdb {@code 300000+n}; season trakt {@code n*1000+s}; episode trakt and tvdb {@code
   * 20000000 + n*10000 + s*100 + e}.
   */
  public synchronized TraktTitle generateShow(int n, int seasons, int episodesPerSeason) {
    TraktTitle show =
        addShow(
            "Show " + n, 1960 + n % 60, 200000 + n, "tt" + (5000000 + n), 700000L + n, 300000L + n);
    for (int s = 1; s <= seasons; s++) {
      addSeason(show, s, n * 1000L + s, 400000L + n * 100L + s, null);
      for (int e = 1; e <= episodesPerSeason; e++) {
        long id = 20000000L + n * 10000L + s * 100L + e;
        addEpisode(show, s, e, "Episode " + e, id, null, null, id);
      }
    }
    return show;
  }

  /**
   * A movie's or episode's runtime in minutes, as {@code ?extended=full} reports it: as set, else
   * 120 for a movie and 45 for an episode; {@code null} when set unknown.
   */
  public synchronized Integer runtime(TraktTitle title) {
    if (runtimes.containsKey(title.key())) {
      return runtimes.get(title.key());
    }
    return title.type() == MediaType.MOVIE ? 120 : 45;
  }

  /** Sets a title's runtime in minutes ({@code null}: unknown, as for a title not yet aired). */
  public synchronized void setRuntime(TraktTitle title, Integer minutes) {
    runtimes.put(title.key(), minutes);
  }

  /** The title of a type that has any of these ids (kind → value, numbers as strings). */
  public synchronized Optional<TraktTitle> find(MediaType type, Map<String, String> ids) {
    for (Map.Entry<String, String> e : ids.entrySet()) {
      TraktTitle t = byId.get(idKey(type, e.getKey(), e.getValue()));
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** A season of a show by number. */
  public synchronized Optional<TraktTitle> season(TraktTitle show, int season) {
    return Optional.ofNullable(byNumber.get(show.trakt() + "/" + season));
  }

  /** An episode of a show by season and number. */
  public synchronized Optional<TraktTitle> episode(TraktTitle show, int season, int number) {
    return Optional.ofNullable(byNumber.get(show.trakt() + "/" + season + "/" + number));
  }

  /** Every episode of a show (of one season when {@code season} is not null). */
  public synchronized List<TraktTitle> episodes(TraktTitle show, Integer season) {
    List<TraktTitle> out = new ArrayList<>();
    for (TraktTitle e : episodesByShow.getOrDefault(show.trakt(), List.of())) {
      if (season == null || season.equals(e.season())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every title, in the order added. */
  public synchronized List<TraktTitle> all() {
    return List.copyOf(all);
  }

  private TraktTitle add(TraktTitle t) {
    if (byId.containsKey(idKey(t.type(), "trakt", Long.toString(t.trakt())))) {
      throw new IllegalArgumentException(
          "trakt id " + t.trakt() + " already used by a " + t.type().key());
    }
    index(t, "trakt", Long.toString(t.trakt()));
    index(t, "slug", t.slug());
    index(t, "imdb", t.imdb());
    index(t, "tmdb", t.tmdb() == null ? null : t.tmdb().toString());
    index(t, "tvdb", t.tvdb() == null ? null : t.tvdb().toString());
    all.add(t);
    return t;
  }

  private void index(TraktTitle t, String kind, String value) {
    if (value != null) {
      byId.putIfAbsent(idKey(t.type(), kind, value), t);
    }
  }

  private static String idKey(MediaType type, String kind, String value) {
    return type.key() + "|" + kind + "|" + value.toLowerCase(Locale.ROOT);
  }

  private static String slug(String title, int year) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + year;
  }
}
