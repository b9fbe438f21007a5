package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.mediabrowser.MbItem.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fake server's library: user views (libraries) and the movies, series and episodes in them, in
 * the order added, each with the date its metadata was last saved ({@code DateLastSaved}: when it
 * was added or {@linkplain #save saved} again, never when a user plays, rates or favours it). Ids
 * follow the dialect (Jellyfin GUIDs, Emby digits). Thread-safe.
 */
public final class MbLibrary {

  /**
   * One library as {@code /UserViews} lists it.
   *
   * @param id the view's item id
   * @param name its name, e.g. {@code Movies}
   * @param collectionType {@code movies} or {@code tvshows}
   */
  public record View(String id, String name, String collectionType) {}

  private final ServerDialect dialect;
  private final Clock clock;
  private final Map<String, View> views = new LinkedHashMap<>();
  private final Map<String, MbItem> items = new LinkedHashMap<>();
  private final Map<String, Instant> lastSaved = new HashMap<>();
  private final Map<String, Long> runTimes = new HashMap<>();
  private long nextId = 1;
  private int generatedMovies;

  MbLibrary(ServerDialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Adds a library (user view). */
  public synchronized View addView(String name, String collectionType) {
    View v = new View(newId(), name, collectionType);
    views.put(v.id(), v);
    return v;
  }

  /** Adds a movie; {@code providerIds} maps {@code Imdb}/{@code Tmdb}/{@code Tvdb} to values. */
  public synchronized MbItem addMovie(
      View view, String name, Integer year, Map<String, String> providerIds) {
    return add(
        new MbItem(newId(), Kind.MOVIE, name, year, providerIds, view.id(), null, null, null));
  }

  /** Adds a series. */
  public synchronized MbItem addSeries(
      View view, String name, Integer year, Map<String, String> providerIds) {
    return add(
        new MbItem(newId(), Kind.SERIES, name, year, providerIds, view.id(), null, null, null));
  }

  /** Adds an episode of a series (in the series' library). */
  public synchronized MbItem addEpisode(
      MbItem series, int season, int number, String name, Map<String, String> providerIds) {
    return add(
        new MbItem(
            newId(),
            Kind.EPISODE,
            name,
            null,
            providerIds,
            series.viewId(),
            series.id(),
            season,
            number));
  }

  /**
   * Adds {@code count} movies to the {@code Movies} library with the same ids as the fake Trakt's
   * generated movies: movie {@code i} (from 1) is "Movie i", imdb {@code tt(1000000+i)}, tmdb
   * {@code 5000+i}.
   */
  public synchronized List<MbItem> generateMovies(int count) {
    View view = viewNamed("Movies", "movies");
    List<MbItem> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int i = ++generatedMovies;
      out.add(
          addMovie(
              view,
              "Movie " + i,
              1970 + i % 50,
              Map.of("Imdb", "tt" + (1000000 + i), "Tmdb", Integer.toString(5000 + i))));
    }
    return out;
  }

  /**
   * Adds series {@code n} to the {@code Shows} library with the fake Trakt's ids (tvdb {@code
   * 300000+n}, imdb {@code tt(5000000+n)}, tmdb {@code 700000+n}) and its episodes (tvdb {@code
   * 20000000 + n*10000 + s*100 + e}).
   */
  public synchronized MbItem generateSeries(int n, int seasons, int episodesPerSeason) {
    View view = viewNamed("Shows", "tvshows");
    MbItem series =
        addSeries(
            view,
            "Show " + n,
            1960 + n % 60,
            Map.of(
                "Tvdb",
                Integer.toString(300000 + n),
                "Imdb",
                "tt" + (5000000 + n),
                "Tmdb",
                Integer.toString(700000 + n)));
    for (int s = 1; s <= seasons; s++) {
      for (int e = 1; e <= episodesPerSeason; e++) {
        long tvdb = 20000000L + n * 10000L + s * 100L + e;
        addEpisode(series, s, e, "Episode " + e, Map.of("Tvdb", Long.toString(tvdb)));
      }
    }
    return series;
  }

  /** The library with this name, created when missing. */
  public synchronized View viewNamed(String name, String collectionType) {
    for (View v : views.values()) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return addView(name, collectionType);
  }

  /** Every library, in the order added. */
  public synchronized List<View> views() {
    return List.copyOf(views.values());
  }

  /** Every item, in the order added. */
  public synchronized List<MbItem> items() {
    return List.copyOf(items.values());
  }

  /** An item by id (ids compare case-insensitively, as GUIDs do). */
  public synchronized Optional<MbItem> item(String id) {
    return Optional.ofNullable(items.get(id.toLowerCase(Locale.ROOT)));
  }

  /** Takes an item out of the library (as deleting its files would); false when absent. */
  public synchronized boolean remove(MbItem item) {
    return items.remove(item.id()) != null;
  }

  /**
   * Saves an item's metadata now, as a metadata refresh or an edit does: its {@code DateLastSaved}
   * becomes the clock's instant. User data changes (plays, favourites, ratings) never do this.
   */
  public synchronized void save(MbItem item) {
    if (items.containsKey(item.id())) {
      lastSaved.put(item.id(), clock.instant());
    }
  }

  /** When an item's metadata was last saved ({@code DateLastSaved}). */
  public synchronized Instant dateLastSaved(MbItem item) {
    Instant at = lastSaved.get(item.id());
    if (at == null) {
      throw new IllegalArgumentException("not in the library: " + item.id());
    }
    return at;
  }

  /**
   * An item's running time in ticks of 100 ns ({@code RunTimeTicks}): as set, else 2 hours for a
   * movie and 45 minutes for an episode; 0 for a series.
   */
  public synchronized long runTimeTicks(MbItem item) {
    Long set = runTimes.get(item.id());
    if (set != null) {
      return set;
    }
    switch (item.kind()) {
      case MOVIE:
        return 7_200L * 10_000_000L;
      case EPISODE:
        return 2_700L * 10_000_000L;
      default:
        return 0;
    }
  }

  /** Sets an item's running time in ticks (0: unknown, as for a file not yet probed). */
  public synchronized void setRunTimeTicks(MbItem item, long ticks) {
    runTimes.put(item.id(), ticks);
  }

  /** A view by id. */
  synchronized Optional<View> view(String id) {
    return Optional.ofNullable(views.get(id.toLowerCase(Locale.ROOT)));
  }

  /** An episode of a series by season and number. */
  public synchronized Optional<MbItem> episode(MbItem series, int season, int number) {
    return items.values().stream()
        .filter(i -> series.id().equals(i.seriesId()))
        .filter(i -> i.season() == season && i.number() == number)
        .findFirst();
  }

  /** The episodes of a series. */
  public synchronized List<MbItem> episodes(MbItem series) {
    return items.values().stream().filter(i -> series.id().equals(i.seriesId())).toList();
  }

  /** A fresh id in the dialect's format. */
  synchronized String newId() {
    long n = nextId++;
    return dialect == ServerDialect.JELLYFIN
        ? String.format(Locale.ROOT, "%08x%024x", 0xfeedbeefL, n)
        : Long.toString(100 + n);
  }

  private MbItem add(MbItem item) {
    items.put(item.id(), item);
    lastSaved.put(item.id(), clock.instant());
    return item;
  }
}
