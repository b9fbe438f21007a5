package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
      if (f.key().equals("diary.csv")) {
        read(f, out, Kind.DIARY, inDiary);
      }
    }
    for (ExportFile f : files) {
      switch (f.key()) {
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

  private enum Kind {
    DIARY,
    WATCHED,
    RATINGS,
    WATCHLIST
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
        Item film = Item.movie(name, Cells.year(table.cell(row, "Year")), Ids.empty());
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
