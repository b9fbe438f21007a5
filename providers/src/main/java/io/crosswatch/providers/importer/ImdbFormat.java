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
    Columns at = new Columns(table);
    boolean ratings = at.rating >= 0;
    for (CsvTable.Row row : table.rows()) {
      try {
        Item item = item(at, row);
        if (ratings) {
          int rating = Cells.tenPoint("Your Rating", row.cell(at.rating));
          out.add(
              Feature.RATINGS,
              item.withRating(rating, Cells.date("Date Rated", row.cell(at.rated))));
        } else {
          out.add(
              Feature.WATCHLIST, item.withListedAt(Cells.date("Created", row.cell(at.created))));
        }
      } catch (IllegalArgumentException e) {
        out.bad(table.file(), row.line(), e.getMessage());
      }
    }
  }

  /** The indexes of the columns read, looked up once per file. */
  private static final class Columns {
    final int id;
    final int kind;
    final int title;
    final int year;
    final int rating;
    final int rated;
    final int created;

    Columns(CsvTable table) {
      id = table.column("Const");
      kind = table.column("Title Type");
      title = table.column("Title");
      year = table.column("Year");
      rating = table.column("Your Rating");
      rated = table.column("Date Rated");
      created = table.column("Created");
    }
  }

  private static Item item(Columns at, CsvTable.Row row) {
    String id = row.cell(at.id);
    if (!Cells.isImdbId(id)) {
      throw new IllegalArgumentException("Const \"" + id + "\" is not an IMDb id (tt…)");
    }
    String kind = row.cell(at.kind);
    MediaType type = TYPES.get(kind.replace(" ", "").toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new IllegalArgumentException("unknown Title Type \"" + kind + "\"");
    }
    String title = row.cell(at.title);
    Integer year = Cells.year(row.cell(at.year));
    Ids ids = Ids.of(IdKind.IMDB, id);
    return type == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
  }
}
