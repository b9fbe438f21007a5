package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Letterboxd's export (the ZIP or its CSV files): {@code diary.csv} plays, {@code watched.csv}
 * films not in the diary as one play on the day logged, {@code ratings.csv} ratings (half stars ×
 * 2), {@code watchlist.csv}. Films carry a title and a year only; the target resolves them.
 */
final class LetterboxdFormat {
  private LetterboxdFormat() {}

  static void read(List<ExportFile> files, Imported out) {
    Set<String> inDiary = new HashSet<>();
    for (ExportFile f : files) {
      if (kindOf(f).equals("diary.csv")) {
        read(f, out, Kind.DIARY, inDiary);
      }
    }
    for (ExportFile f : files) {
      switch (kindOf(f)) {
        case "watched.csv":
          read(f, out, Kind.WATCHED, inDiary);
          break;
        case "ratings.csv":
          read(f, out, Kind.RATINGS, inDiary);
          break;
        case "watchlist.csv":
          read(f, out, Kind.WATCHLIST, inDiary);
          break;
        default:
          // reviews, likes, lists, comments: nothing crosswatch keeps
      }
    }
  }

  /**
   * The export file a file is: by its name; a configured file of another name by its columns
   * ({@code Watched Date}: the diary, {@code Rating}: ratings) or a name mentioning the watchlist.
   */
  private static String kindOf(ExportFile f) {
    if (!f.named()
        || List.of("diary.csv", "watched.csv", "ratings.csv", "watchlist.csv").contains(f.key())) {
      return f.key();
    }
    CsvTable table = CsvTable.parse(f.name(), f.text().lines().findFirst().orElse(""));
    if (table.has("Watched Date")) {
      return "diary.csv";
    }
    if (table.has("Rating")) {
      return "ratings.csv";
    }
    return f.key().contains("watchlist") ? "watchlist.csv" : "watched.csv";
  }

  private enum Kind {
    DIARY,
    WATCHED,
    RATINGS,
    WATCHLIST
  }

  /** Letterboxd's own export has no ids; files in its import layout may carry imdbID, tmdbID. */
  private static Ids ids(CsvTable table, CsvTable.Row row) {
    Map<IdKind, Object> ids = new EnumMap<>(IdKind.class);
    String imdb = table.cell(row, "imdbID");
    if (Cells.isImdbId(imdb)) {
      ids.put(IdKind.IMDB, imdb);
    }
    String tmdb = table.cell(row, "tmdbID");
    if (!tmdb.isEmpty() && Cells.digits(tmdb, 0, tmdb.length())) {
      ids.put(IdKind.TMDB, tmdb);
    }
    return ids.isEmpty() ? Ids.empty() : Ids.of(ids);
  }

  private static void read(ExportFile file, Imported out, Kind kind, Set<String> inDiary) {
    CsvTable table = CsvTable.parse(file.name(), file.text());
    List<String> required =
        switch (kind) {
          case DIARY -> List.of("Name", "Year", "Watched Date");
          case RATINGS -> List.of("Name", "Year", "Rating", "Date");
          default -> List.of("Name", "Year", "Date");
        };
    for (String column : required) {
      if (!table.has(column)) {
        out.bad(file.name(), 1, "missing column \"" + column + "\"; is this a Letterboxd export?");
        return;
      }
    }
    for (CsvTable.Row row : table.rows()) {
      try {
        String name = table.cell(row, "Name");
        if (name.isEmpty()) {
          throw new IllegalArgumentException("Name is empty");
        }
        Item film = Item.movie(name, Cells.year(table.cell(row, "Year")), ids(table, row));
        String key = ItemKeys.normalizeTitle(name) + "|" + film.year();
        Instant date = Cells.date("Date", table.cell(row, "Date"));
        switch (kind) {
          case DIARY -> {
            Instant watched = Cells.date("Watched Date", table.cell(row, "Watched Date"));
            out.add(Feature.HISTORY, film.withWatchedAt(watched != null ? watched : date));
            inDiary.add(key);
          }
          case WATCHED -> {
            if (!inDiary.contains(key)) {
              out.add(Feature.HISTORY, film.withWatchedAt(date));
            }
          }
          case RATINGS ->
              out.add(
                  Feature.RATINGS,
                  film.withRating(Cells.halfStars("Rating", table.cell(row, "Rating")), date));
          case WATCHLIST -> out.add(Feature.WATCHLIST, film.withListedAt(date));
        }
      } catch (IllegalArgumentException e) {
        out.bad(file.name(), row.line(), e.getMessage());
      }
    }
  }
}
