package io.crosswatch.testkit;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Makes realistic normalized libraries from a seed: movies (imdb, tmdb, sometimes trakt) and
 * episodes of shows (show tvdb + imdb, own tvdb), with watchlist, history and rating times relative
 * to a given base instant. The same seed and the same sequence of calls give the same items; ids
 * are unique within one generator.
 */
public final class LibraryGenerator {
  private static final long THREE_YEARS = 3L * 365 * 24 * 3600;
  private static final String[] ADJECTIVES = {
    "Silent", "Broken", "Golden", "Last", "Hidden", "Crimson", "Distant", "Frozen", "Lost",
    "Electric", "Midnight", "Wild", "Burning", "Quiet", "Iron", "Endless", "Secret", "Velvet",
    "Savage", "Bright"
  };
  private static final String[] NOUNS = {
    "River",
    "Empire",
    "Garden",
    "Horizon",
    "Kingdom",
    "Signal",
    "Harbor",
    "Storm",
    "Mirror",
    "Orchard",
    "Station",
    "Frontier",
    "Lantern",
    "Circus",
    "Voyage",
    "Winter",
    "Machine",
    "Island",
    "Shadow",
    "Crown"
  };

  private final Random random;
  private long nextImdb = 1_000_000;
  private long nextTmdb = 100;
  private long nextTrakt = 1_000;
  private long nextShowTvdb = 70_000;
  private long nextEpisodeTvdb = 1_000_000;
  private ShowRef show;
  private int season;
  private int number;
  private int seasonSize;
  private int episodesLeftInShow;

  public LibraryGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The features of one library made of the same kind of titles. */
  public record Library(
      List<Item> watchlist,
      List<Item> history,
      List<Item> ratings,
      List<Item> playlists,
      List<Item> progress) {
    public Library {
      watchlist = List.copyOf(watchlist);
      history = List.copyOf(history);
      ratings = List.copyOf(ratings);
      playlists = List.copyOf(playlists);
      progress = List.copyOf(progress);
    }

    /** A library without playlists and resume points. */
    public Library(List<Item> watchlist, List<Item> history, List<Item> ratings) {
      this(watchlist, history, ratings, List.of(), List.of());
    }

    /** The items of one feature. */
    public List<Item> feature(Feature feature) {
      switch (feature) {
        case WATCHLIST:
          return watchlist;
        case HISTORY:
          return history;
        case PLAYLISTS:
          return playlists;
        case PROGRESS:
          return progress;
        default:
          return ratings;
      }
    }
  }

  /** {@code n} new titles, about 60% movies and 40% episodes, without feature fields. */
  public List<Item> titles(int n) {
    List<Item> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(random.nextInt(10) < 6 ? movie() : episode());
    }
    return list;
  }

  /** {@code n} new movies. */
  public List<Item> movies(int n) {
    List<Item> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(movie());
    }
    return list;
  }

  /** {@code n} new episodes, several per show and season. */
  public List<Item> episodes(int n) {
    List<Item> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(episode());
    }
    return list;
  }

  /** A library of {@code n} new titles per feature (independent titles per feature). */
  public Library library(int n, Instant base) {
    return new Library(
        watchlist(n, base),
        history(n, base),
        ratings(n, base),
        playlists(titles(n), base),
        progress(titles(n), base));
  }

  /**
   * The titles as members of playlists named {@code Playlist 1}, {@code Playlist 2}, … (about 50
   * members each, in consecutive blocks), positions 0.. within each, each with a {@code listed_at}.
   */
  public List<Item> playlists(List<Item> titles, Instant base) {
    int perList = 50;
    List<Item> list = new ArrayList<>(titles.size());
    for (int i = 0; i < titles.size(); i++) {
      PlaylistRef ref =
          new PlaylistRef("Playlist " + (i / perList + 1), null, i % perList, null, false);
      list.add(titles.get(i).withPlaylist(ref).withListedAt(timeBefore(base)));
    }
    return list;
  }

  /**
   * The titles (movies and episodes) as resume points: a runtime of 20–150 minutes, a position
   * between 2 minutes and 90 % of it, paused up to three years before {@code base}.
   */
  public List<Item> progress(List<Item> titles, Instant base) {
    List<Item> list = new ArrayList<>(titles.size());
    for (Item title : titles) {
      long duration = (20 + random.nextInt(131)) * 60_000L;
      long position = 120_000L + (long) (random.nextDouble() * (duration * 0.9 - 120_000L));
      list.add(title.withProgress(position, duration, timeBefore(base)));
    }
    return list;
  }

  /** {@code n} new titles, each with a {@code listed_at} up to three years before {@code base}. */
  public List<Item> watchlist(int n, Instant base) {
    return watchlist(titles(n), base);
  }

  /** The titles with a {@code listed_at} each. */
  public List<Item> watchlist(List<Item> titles, Instant base) {
    List<Item> list = new ArrayList<>(titles.size());
    for (Item title : titles) {
      list.add(title.withListedAt(timeBefore(base)));
    }
    return list;
  }

  /** Plays of {@code n} new titles: one each, some (about one in five) two to four. */
  public List<Item> history(int n, Instant base) {
    return history(titles(n), base);
  }

  /** Plays of the titles: one each, some (about one in five) two to four, at distinct times. */
  public List<Item> history(List<Item> titles, Instant base) {
    List<Item> list = new ArrayList<>(titles.size() * 5 / 4);
    for (Item title : titles) {
      int plays = random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1;
      Instant at = timeBefore(base);
      for (int p = 0; p < plays; p++) {
        list.add(title.withWatchedAt(at));
        long left = base.getEpochSecond() - at.getEpochSecond();
        at = at.plusSeconds(1 + (left <= 1 ? 0 : (long) (random.nextDouble() * (left - 1))));
      }
    }
    return list;
  }

  /** {@code n} new titles rated 1–10, each with a {@code rated_at}. */
  public List<Item> ratings(int n, Instant base) {
    return ratings(titles(n), base);
  }

  /** The titles rated 1–10, each with a {@code rated_at}. */
  public List<Item> ratings(List<Item> titles, Instant base) {
    List<Item> list = new ArrayList<>(titles.size());
    for (Item title : titles) {
      list.add(title.withRating(1 + random.nextInt(10), timeBefore(base)));
    }
    return list;
  }

  /**
   * A second side for one feature: about {@code overlap} of {@code side}'s items (chosen at random,
   * kept in order, feature fields kept) with their ids varied as another provider would know them
   * (see {@link #variant}), followed by new titles so that both sides have the same size.
   *
   * @param overlap fraction 0–1 of {@code side} that the other side also holds
   */
  public List<Item> otherSide(List<Item> side, Feature feature, double overlap, Instant base) {
    Objects.requireNonNull(feature, "feature");
    if (overlap < 0 || overlap > 1) {
      throw new IllegalArgumentException("overlap must be 0-1, got " + overlap);
    }
    int shared = (int) Math.round(side.size() * overlap);
    List<Integer> positions = new ArrayList<>(side.size());
    for (int i = 0; i < side.size(); i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, random);
    List<Integer> chosen = new ArrayList<>(positions.subList(0, shared));
    Collections.sort(chosen);
    List<Item> other = new ArrayList<>(side.size());
    for (int i : chosen) {
      other.add(variant(side.get(i)));
    }
    other.addAll(forFeature(feature, titles(side.size() - shared), base));
    return other;
  }

  /** New titles with the fields of one feature. */
  public List<Item> forFeature(Feature feature, List<Item> titles, Instant base) {
    switch (feature) {
      case WATCHLIST:
        return watchlist(titles, base);
      case HISTORY:
        return history(titles, base);
      case PLAYLISTS:
        return playlists(titles, base);
      case PROGRESS:
        return progress(titles, base);
      default:
        return ratings(titles, base);
    }
  }

  /**
   * The same title as another provider might know it: movies keep all ids, or only tmdb, or only
   * imdb, or lose trakt; episodes keep their ids, or lose their own ids (matching then by show and
   * number), or keep only the show's tvdb id. At least one id kind stays shared.
   */
  public Item variant(Item item) {
    int dice = random.nextInt(100);
    if (item.type() == MediaType.EPISODE && item.show() != null) {
      if (dice < 25) {
        return item.withIds(Ids.empty());
      }
      if (dice < 50) {
        return withShowIds(item, keep(item.show().ids(), IdKind.TVDB));
      }
      return item;
    }
    if (dice < 20) {
      return item.withIds(keep(item.ids(), IdKind.TMDB));
    }
    if (dice < 35) {
      return item.withIds(keep(item.ids(), IdKind.IMDB));
    }
    if (dice < 50) {
      return item.withIds(keep(item.ids(), IdKind.IMDB, IdKind.TMDB));
    }
    return item;
  }

  private static Ids keep(Ids ids, IdKind... kinds) {
    Map<IdKind, String> kept = new EnumMap<>(IdKind.class);
    for (IdKind kind : kinds) {
      ids.get(kind).ifPresent(v -> kept.put(kind, v));
    }
    return kept.isEmpty() ? ids : Ids.of(kept);
  }

  private static Item withShowIds(Item item, Ids showIds) {
    ShowRef s = new ShowRef(item.show().title(), item.show().year(), showIds);
    return new Item(
        item.type(),
        item.title(),
        item.year(),
        item.ids(),
        s,
        item.season(),
        item.number(),
        item.listedAt(),
        item.watchedAt(),
        item.rating(),
        item.ratedAt(),
        item.progressMs(),
        item.durationMs(),
        item.pausedAt(),
        item.playlist());
  }

  private Item movie() {
    Map<IdKind, Object> ids = new EnumMap<>(IdKind.class);
    ids.put(IdKind.IMDB, imdb());
    ids.put(IdKind.TMDB, nextTmdb += 1 + random.nextInt(10));
    if (random.nextInt(10) < 4) {
      ids.put(IdKind.TRAKT, nextTrakt += 1 + random.nextInt(10));
    }
    return Item.movie(title(), 1950 + random.nextInt(76), Ids.of(ids));
  }

  private Item episode() {
    if (episodesLeftInShow <= 0) {
      newShow();
    }
    if (number >= seasonSize) {
      season++;
      number = 0;
      seasonSize = 8 + random.nextInt(5);
    }
    number++;
    episodesLeftInShow--;
    String name = number == 1 && season == 1 ? "Pilot" : title();
    Ids ids = Ids.of(IdKind.TVDB, nextEpisodeTvdb += 1 + random.nextInt(5));
    return Item.episode(show, season, number, name, ids);
  }

  private void newShow() {
    Map<IdKind, Object> ids = new EnumMap<>(IdKind.class);
    ids.put(IdKind.TVDB, nextShowTvdb += 1 + random.nextInt(10));
    ids.put(IdKind.IMDB, imdb());
    show = new ShowRef(title(), 1960 + random.nextInt(66), Ids.of(ids));
    season = 1;
    number = 0;
    seasonSize = 8 + random.nextInt(5);
    episodesLeftInShow = 6 + random.nextInt(30);
  }

  private String imdb() {
    nextImdb += 1 + random.nextInt(20);
    String digits = Long.toString(nextImdb);
    return digits.length() >= 7 ? "tt" + digits : "tt" + "0".repeat(7 - digits.length()) + digits;
  }

  private String title() {
    String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
    String noun = NOUNS[random.nextInt(NOUNS.length)];
    switch (random.nextInt(3)) {
      case 0:
        return "The " + adjective + " " + noun;
      case 1:
        return noun + " of the " + NOUNS[random.nextInt(NOUNS.length)];
      default:
        return adjective + " " + noun + "s";
    }
  }

  private Instant timeBefore(Instant base) {
    Objects.requireNonNull(base, "base");
    return Instant.ofEpochSecond(
        base.getEpochSecond() - 1 - (long) (random.nextDouble() * THREE_YEARS));
  }
}
