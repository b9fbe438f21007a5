package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IMDb's CSV exports: the ratings list ({@code Const, Your Rating, Date Rated, Title, Title Type,
 * Year, …}) becomes ratings, any other list (the watchlist: {@code Position, Const, Created, …})
 * the watchlist.
 */
final class ImdbFormat {
  private static final Map<String, MediaType> TYPES =
      Map.ofEntries(
          Map.entry("movie", MediaType.MOVIE),
          Map.entry("tvmovie", MediaType.MOVIE),
          Map.entry("short", MediaType.MOVIE),
          Map.entry("tvshort", MediaType.MOVIE),
          Map.entry("video", MediaType.MOVIE),
          Map.entry("tvspecial", MediaType.MOVIE),
          Map.entry("tvseries", MediaType.SHOW),
          Map.entry("tvminiseries", MediaType.SHOW));

  private ImdbFormat() {}

  static void read(List<ExportFile> files, Imported out) {
    for (ExportFile file : files) {
      if (file.is(".csv")) {
        read(CsvTable.parse(file.name(), file.text()), out);
      }
    }
  }

  private static void read(CsvTable table, Imported out) {
    for (String column : List.of("Const", "Title", "Title Type", "Year")) {
      if (!table.has(column)) {
        out.bad(table.file(), 1, "missing column \"" + column + "\"; is this an IMDb export?");
        return;
      }
    }
    boolean ratings = table.has("Your Rating");
    for (CsvTable.Row row : table.rows()) {
      try {
        Item item = item(table, row);
        if (ratings) {
          int rating = Cells.tenPoint("Your Rating", table.cell(row, "Your Rating"));
          out.add(
              Feature.RATINGS,
              item.withRating(rating, Cells.date("Date Rated", table.cell(row, "Date Rated"))));
        } else {
          out.add(
              Feature.WATCHLIST,
              item.withListedAt(Cells.date("Created", table.cell(row, "Created"))));
        }
      } catch (IllegalArgumentException e) {
        out.bad(table.file(), row.line(), e.getMessage());
      }
    }
  }

  private static Item item(CsvTable table, CsvTable.Row row) {
    String id = table.cell(row, "Const");
    if (!id.matches("tt\\d+")) {
      throw new IllegalArgumentException("Const \"" + id + "\" is not an IMDb id (tt…)");
    }
    String kind = table.cell(row, "Title Type");
    MediaType type = TYPES.get(kind.replace(" ", "").toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new IllegalArgumentException("unknown Title Type \"" + kind + "\"");
    }
    String title = table.cell(row, "Title");
    Integer year = Cells.year(table.cell(row, "Year"));
    Ids ids = Ids.of(IdKind.IMDB, id);
    return type == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
  }
}
