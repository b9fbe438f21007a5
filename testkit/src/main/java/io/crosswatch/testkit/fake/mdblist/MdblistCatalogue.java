package io.crosswatch.testkit.fake.mdblist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The titles the fake MDBList knows, found by imdb, tmdb or tvdb id. Thread-safe. */
public final class MdblistCatalogue {
  private final List<MdblistTitle> all = new ArrayList<>();

  /**
   * Adds {@code count} movies: movie {@code i} (from 1) is "Movie i", imdb {@code tt(1000000+i)},
   * tmdb {@code 5000+i}.
   */
  public synchronized List<MdblistTitle> generateMovies(int count) {
    List<MdblistTitle> out = new ArrayList<>();
    int start = (int) all.stream().filter(t -> !t.show()).count();
    for (int i = start + 1; i <= start + count; i++) {
      MdblistTitle t =
          new MdblistTitle(
              false, "tt" + (1000000 + i), 5000 + i, null, "Movie " + i, 1970 + i % 50);
      all.add(t);
      out.add(t);
    }
    return out;
  }

  /**
   * Adds show {@code n}: imdb {@code tt(5000000+n)}, tmdb {@code 700000+n}, tvdb {@code 300000+n}.
   */
  public synchronized MdblistTitle generateShow(int n) {
    MdblistTitle t =
        new MdblistTitle(
            true, "tt" + (5000000 + n), 700000 + n, 300000L + n, "Show " + n, 1960 + n);
    all.add(t);
    return t;
  }

  /**
   * The title of that kind sharing one of the given ids (kind → value); only {@code kinds} count.
   */
  public synchronized Optional<MdblistTitle> find(
      boolean show, Map<String, String> ids, List<String> kinds) {
    for (MdblistTitle t : all) {
      if (t.show() != show) {
        continue;
      }
      for (String kind : kinds) {
        String v = ids.get(kind);
        if (v != null && v.equals(idOf(t, kind))) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  private static String idOf(MdblistTitle t, String kind) {
    switch (kind) {
      case "imdb":
        return t.imdb();
      case "tmdb":
        return Long.toString(t.tmdb());
      case "tvdb":
        return t.tvdb() == null ? null : t.tvdb().toString();
      default:
        return null;
    }
  }
}
