package io.crosswatch.providers.export;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.providers.local.LibraryDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one feature of a provider in a format other tools import: {@code imdb} (IMDb's list CSV
 * layout: ratings or watchlist), {@code letterboxd} (its export layout — {@code diary.csv}, {@code
 * ratings.csv}, {@code watchlist.csv} — plus the {@code imdbID}/{@code tmdbID} columns its importer
 * matches on), {@code csv} (every field of the normalized item) and {@code json} (a FILE document).
 * Items a format cannot carry are counted as skipped, with the reason.
 */
public final class ExportWriter {
  /** The formats, by name. */
  public static final List<String> FORMATS = List.of("imdb", "letterboxd", "csv", "json");

  private static final List<String> IMDB_RATINGS =
      List.of(
          "Const",
          "Your Rating",
          "Date Rated",
          "Title",
          "Original Title",
          "URL",
          "Title Type",
          "IMDb Rating",
          "Runtime (mins)",
          "Year",
          "Genres",
          "Num Votes",
          "Release Date",
          "Directors");
  private static final List<String> IMDB_LIST =
      List.of(
          "Position",
          "Const",
          "Created",
          "Modified",
          "Description",
          "Title",
          "Original Title",
          "URL",
          "Title Type",
          "IMDb Rating",
          "Runtime (mins)",
          "Year",
          "Genres",
          "Num Votes",
          "Release Date",
          "Directors");
  private static final List<String> CSV =
      List.of(
          "type",
          "title",
          "year",
          "imdb",
          "tmdb",
          "tvdb",
          "trakt",
          "simkl",
          "show_title",
          "show_year",
          "show_imdb",
          "show_tmdb",
          "show_tvdb",
          "show_trakt",
          "season",
          "number",
          "listed_at",
          "watched_at",
          "rating",
          "rated_at");

  /** What was written: how many items, and why others were not. */
  public record Result(int written, List<String> skipped) {}

  private ExportWriter() {}

  /** Why the format cannot hold the feature at all, or empty when it can. */
  public static Optional<String> unsupported(String format, Feature feature) {
    if (format.equals("imdb") && feature == Feature.HISTORY) {
      return Optional.of("IMDb lists hold no watch history; export watchlist or ratings");
    }
    if (!FORMATS.contains(format)) {
      return Optional.of("unknown format \"" + format + "\" (" + String.join(", ", FORMATS) + ")");
    }
    return Optional.empty();
  }

  /** Writes the items; {@code out} is not closed. */
  public static Result write(String format, Feature feature, List<Item> items, OutputStream out)
      throws IOException {
    if (format.equals("json")) {
      LibraryDocument.write(out, Map.of(feature, items), Map.of());
      return new Result(items.size(), List.of());
    }
    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv = new CsvWriter(text);
    Result result =
        switch (format) {
          case "imdb" -> imdb(feature, items, csv);
          case "letterboxd" -> letterboxd(feature, items, csv);
          default -> csv(items, csv);
        };
    text.flush();
    return result;
  }

  private static Result imdb(Feature feature, List<Item> items, CsvWriter csv) throws IOException {
    boolean ratings = feature == Feature.RATINGS;
    csv.row(ratings ? IMDB_RATINGS : IMDB_LIST);
    List<String> skipped = new ArrayList<>();
    int written = 0;
    for (Item item : items) {
      Optional<String> imdb = item.ids().get(IdKind.IMDB);
      if (item.type() != MediaType.MOVIE && item.type() != MediaType.SHOW) {
        skipped.add(item.label() + ": IMDb lists here hold movies and shows only");
        continue;
      }
      if (imdb.isEmpty()) {
        skipped.add(item.label() + ": no IMDb id");
        continue;
      }
      String type = item.type() == MediaType.MOVIE ? "movie" : "tvSeries";
      String url = "https://www.imdb.com/title/" + imdb.get() + "/";
      String year = item.year() == null ? "" : item.year().toString();
      String title = item.title() == null ? "" : item.title();
      written++;
      if (ratings) {
        csv.row(
            List.of(
                imdb.get(),
                String.valueOf(item.rating()),
                day(item.ratedAt()),
                title,
                title,
                url,
                type,
                "",
                "",
                year,
                "",
                "",
                "",
                ""));
      } else {
        String created = day(item.listedAt());
        csv.row(
            List.of(
                String.valueOf(written),
                imdb.get(),
                created,
                created,
                "",
                title,
                title,
                url,
                type,
                "",
                "",
                year,
                "",
                "",
                "",
                ""));
      }
    }
    return new Result(written, skipped);
  }

  private static Result letterboxd(Feature feature, List<Item> items, CsvWriter csv)
      throws IOException {
    List<String> header =
        switch (feature) {
          case HISTORY ->
              List.of(
                  "Date",
                  "Name",
                  "Year",
                  "Letterboxd URI",
                  "Rating",
                  "Rewatch",
                  "Tags",
                  "Watched Date",
                  "imdbID",
                  "tmdbID");
          case RATINGS ->
              List.of("Date", "Name", "Year", "Letterboxd URI", "Rating", "imdbID", "tmdbID");
          default -> List.of("Date", "Name", "Year", "Letterboxd URI", "imdbID", "tmdbID");
        };
    csv.row(header);
    List<String> skipped = new ArrayList<>();
    int written = 0;
    for (Item item : items) {
      if (item.type() != MediaType.MOVIE) {
        skipped.add(item.label() + ": Letterboxd holds films only");
        continue;
      }
      if (item.title() == null) {
        skipped.add(item.label() + ": no title");
        continue;
      }
      String year = item.year() == null ? "" : item.year().toString();
      String imdb = item.ids().get(IdKind.IMDB).orElse("");
      String tmdb = item.ids().get(IdKind.TMDB).orElse("");
      written++;
      csv.row(
          switch (feature) {
            case HISTORY ->
                List.of(
                    day(item.watchedAt()),
                    item.title(),
                    year,
                    "",
                    "",
                    "",
                    "",
                    day(item.watchedAt()),
                    imdb,
                    tmdb);
            case RATINGS ->
                List.of(
                    day(item.ratedAt()), item.title(), year, "", stars(item.rating()), imdb, tmdb);
            default -> List.of(day(item.listedAt()), item.title(), year, "", imdb, tmdb);
          });
    }
    return new Result(written, skipped);
  }

  private static Result csv(List<Item> items, CsvWriter csv) throws IOException {
    csv.row(CSV);
    for (Item item : items) {
      List<String> cells = new ArrayList<>(CSV.size());
      cells.addAll(
          Arrays.asList(
              item.type().key(),
              item.title(),
              text(item.year()),
              item.ids().get(IdKind.IMDB).orElse(""),
              item.ids().get(IdKind.TMDB).orElse(""),
              item.ids().get(IdKind.TVDB).orElse(""),
              item.ids().get(IdKind.TRAKT).orElse(""),
              item.ids().get(IdKind.SIMKL).orElse("")));
      if (item.show() == null) {
        cells.addAll(Arrays.asList("", "", "", "", "", ""));
      } else {
        cells.addAll(
            Arrays.asList(
                item.show().title(),
                text(item.show().year()),
                item.show().ids().get(IdKind.IMDB).orElse(""),
                item.show().ids().get(IdKind.TMDB).orElse(""),
                item.show().ids().get(IdKind.TVDB).orElse(""),
                item.show().ids().get(IdKind.TRAKT).orElse("")));
      }
      cells.addAll(
          Arrays.asList(
              text(item.season()),
              text(item.number()),
              text(item.listedAt()),
              text(item.watchedAt()),
              text(item.rating()),
              text(item.ratedAt())));
      csv.row(cells);
    }
    return new Result(items.size(), List.of());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String day(Instant at) {
    return at == null ? "" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** A 1–10 rating as 0.5–5 stars. */
  private static String stars(Integer rating) {
    if (rating == null) {
      return "";
    }
    return rating % 2 == 0
        ? String.valueOf(rating / 2)
        : String.format(Locale.ROOT, "%d.5", rating / 2);
  }
}
