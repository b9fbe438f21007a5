package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The titles the fake SIMKL knows; posted items match a title of their kind when they share any id
 * with it (simkl, imdb, tmdb, tvdb, mal). Anime resolve under {@code shows} too, as on SIMKL.
 * Thread-safe.
 */
public final class SimklCatalogue {
  private final Map<String, SimklTitle> byId = new HashMap<>();
  private final List<SimklTitle> all = new ArrayList<>();
  private final Map<String, Integer> runtimes = new HashMap<>();

  /** Adds a title. */
  public synchronized SimklTitle add(SimklTitle t) {
    if (byId.containsKey(idKey(t.kind(), "simkl", Long.toString(t.simkl())))) {
      throw new IllegalArgumentException("simkl id " + t.simkl() + " already used");
    }
    index(t, "simkl", Long.toString(t.simkl()));
    index(t, "imdb", t.imdb());
    index(t, "tmdb", t.tmdb() == null ? null : t.tmdb().toString());
    index(t, "tvdb", t.tvdb() == null ? null : t.tvdb().toString());
    index(t, "mal", t.mal() == null ? null : t.mal().toString());
    all.add(t);
    return t;
  }

  /**
   * Adds {@code count} movies with predictable ids: movie {@code i} (from 1) is "Movie i", simkl
   * {@code 1000+i}, imdb {@code tt(1000000+i)}, tmdb {@code 5000+i}.
   */
  public synchronized List<SimklTitle> generateMovies(int count) {
    List<SimklTitle> out = new ArrayList<>(count);
    int start = count(Kind.MOVIE);
    for (int i = start + 1; i <= start + count; i++) {
      out.add(
          add(
              new SimklTitle(
                  Kind.MOVIE,
                  1000 + i,
                  "tt" + (1000000 + i),
                  5000L + i,
                  null,
                  null,
                  "Movie " + i,
                  1970 + i % 50,
                  0,
                  0)));
    }
    return out;
  }

  /**
   * Adds show {@code n} (from 1): simkl {@code 200000+n}, imdb {@code tt(5000000+n)}, tmdb {@code
   * 700000+n}, tvdb {@code 300000+n}.
   */
  public synchronized SimklTitle generateShow(int n, int seasons, int episodesPerSeason) {
    return add(
        new SimklTitle(
            Kind.SHOW,
            200000 + n,
            "tt" + (5000000 + n),
            700000L + n,
            300000L + n,
            null,
            "Show " + n,
            1960 + n % 60,
            seasons,
            episodesPerSeason));
  }

  /** Adds anime {@code n} (from 1), one season: simkl {@code 400000+n}, mal {@code 9000+n}. */
  public synchronized SimklTitle generateAnime(int n, int episodes) {
    return add(
        new SimklTitle(
            Kind.ANIME,
            400000 + n,
            null,
            null,
            600000L + n,
            9000L + n,
            "Anime " + n,
            2000 + n % 20,
            1,
            episodes));
  }

  /** The title of one of these kinds that has any of these ids (kind → value). */
  public synchronized Optional<SimklTitle> find(List<Kind> kinds, Map<String, String> ids) {
    for (Kind kind : kinds) {
      for (Map.Entry<String, String> e : ids.entrySet()) {
        SimklTitle t = byId.get(idKey(kind, e.getKey(), e.getValue()));
        if (t != null) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The runtime in minutes SIMKL reports for a title: a movie's length, a show's (or anime's)
   * episode length. Derived from the SIMKL id so that tests can predict it.
   */
  public synchronized Integer runtime(SimklTitle t) {
    if (runtimes.containsKey(t.key())) {
      return runtimes.get(t.key());
    }
    return t.isMovie() ? 90 + (int) (t.simkl() % 60) : 20 + (int) (t.simkl() % 40);
  }

  /** Sets the runtime SIMKL reports for a title; {@code null}: SIMKL knows none. */
  public synchronized void setRuntime(SimklTitle t, Integer minutes) {
    runtimes.put(t.key(), minutes);
  }

  /** The title of a kind with this SIMKL id. */
  public synchronized Optional<SimklTitle> bySimklId(Kind kind, String id) {
    return Optional.ofNullable(byId.get(idKey(kind, "simkl", id)));
  }

  /** Every title, in the order added. */
  public synchronized List<SimklTitle> all() {
    return List.copyOf(all);
  }

  private int count(Kind kind) {
    return (int) all.stream().filter(t -> t.kind() == kind).count();
  }

  private void index(SimklTitle t, String kind, String value) {
    if (value != null) {
      byId.putIfAbsent(idKey(t.kind(), kind, value), t);
    }
  }

  private static String idKey(Kind kind, String idKind, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!idKind.equals("imdb")) {
      // Numeric ids arrive as numbers or strings, with or without leading zeros.
      v = v.replaceFirst("^0+(?=\\d)", "");
    }
    return kind + "|" + idKind + "|" + v;
  }
}
