package io.crosswatch.providers.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IMPORT provider reads sample exports written to the services' published column layouts, with
 * what real exports carry: a byte-order mark, quoted commas, empty cells and Windows line ends.
 */
class ImportProviderTest {
  private static final String BOM = "\uFEFF";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private Provider provider(String file, String format) {
    return new ImportProviderFactory()
        .create(
            new ProviderContext(
                "IMPORT",
                "default",
                JsonMapper.builder()
                    .build()
                    .readTree("{\"path\": \"" + file + "\", \"format\": \"" + format + "\"}"),
                "imports",
                dir,
                dir.resolve("state"),
                Clock.systemUTC(),
                false,
                new DiagnosticLog() {
                  @Override
                  public void debug(String message) {}

                  @Override
                  public void warn(String message) {
                    warnings.add(message);
                  }
                }));
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String crlf(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  @Test
  void imdbRatingsBecomeRatingsWithTheirImdbIdsAndBadRowsAreReportedWithTheirLine()
      throws Exception {
    write(
        "ratings.csv",
        BOM
            + crlf(
                "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,"
                    + "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors",
                "tt0133093,9,2024-03-05,The Matrix,The Matrix,https://www.imdb.com/title/tt0133093/,"
                    + "Movie,8.7,136,1999,\"Action, Sci-Fi\",2000000,1999-03-31,\"Lana Wachowski,"
                    + " Lilly Wachowski\"",
                "tt0903747,10,2023-01-02,\"Breaking Bad, the series\",Breaking Bad,url,TV Series,"
                    + "9.5,49,2008,Drama,2000000,2008-01-20,",
                "tt0000001,,2023-01-02,Empty rating,x,url,Movie,1,1,1999,,1,,",
                "tt0000002,7,yesterday,Bad date,x,url,Movie,1,1,1999,,1,,",
                "tt0000003,7,2023-01-02,Episode,x,url,TV Episode,1,1,1999,,1,,"));

    Provider p = provider("ratings.csv", "imdb");

    List<Item> ratings = p.snapshot(Feature.RATINGS);
    assertThat(ratings)
        .extracting(Item::title, Item::type, Item::rating, Item::year)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("The Matrix", MediaType.MOVIE, 9, 1999),
            org.assertj.core.groups.Tuple.tuple(
                "Breaking Bad, the series", MediaType.SHOW, 10, 2008));
    assertThat(ratings.get(0).ids().get(IdKind.IMDB)).contains("tt0133093");
    assertThat(ratings.get(0).ratedAt()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
    assertThat(p.snapshot(Feature.WATCHLIST)).isEmpty();
    assertThat(warnings)
        .containsExactly(
            "IMPORT:default: ratings.csv line 4: Your Rating \"\" is not a rating 1–10; the row"
                + " was not imported",
            "IMPORT:default: ratings.csv line 5: Date Rated \"yesterday\" is not a date"
                + " (YYYY-MM-DD); the row was not imported",
            "IMPORT:default: ratings.csv line 6: unknown Title Type \"TV Episode\"; the row was"
                + " not imported");
  }

  @Test
  void anImdbWatchlistBecomesTheWatchlistWhateverTheColumnOrder() throws Exception {
    write(
        "watchlist.csv",
        "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,"
            + "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"
            + "1,tt0078748,2024-01-01,2024-01-01,,Alien,url,movie,8.5,117,1979,Horror,1,,\n"
            + "2,tt0090605,2024-01-02,2024-01-02,\"quoted \"\"note\"\", with comma\",Aliens,url,"
            + "movie,8.4,137,1986,Action,1,,\n");

    List<Item> watchlist = provider("watchlist.csv", "imdb").snapshot(Feature.WATCHLIST);

    assertThat(watchlist).extracting(Item::title).containsExactly("Alien", "Aliens");
    assertThat(watchlist.get(1).listedAt()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissingColumnIsReportedAndNothingOfThatFileImports() throws Exception {
    write("ratings.csv", "Const,Title,Year\ntt0133093,The Matrix,1999\n");

    assertThat(provider("ratings.csv", "imdb").snapshot(Feature.RATINGS)).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("ratings.csv line 1: missing column \"Title Type\"");
  }

  @Test
  void aLetterboxdZipBecomesPlaysRatingsInHalfStarsTimesTwoAndTheWatchlist() throws Exception {
    Map<String, String> files =
        Map.of(
            "letterboxd-user-2024/diary.csv",
            BOM
                + crlf(
                    "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date",
                    "2024-02-01,Alien,1979,https://boxd.it/a,4.5,,,2024-01-31",
                    "2024-02-03,Alien,1979,https://boxd.it/b,,Yes,\"scary, space\",2024-02-02",
                    "2024-02-04,\"Crouching Tiger, Hidden Dragon\",2000,https://boxd.it/c,3,,,"),
            "letterboxd-user-2024/watched.csv",
            crlf(
                "Date,Name,Year,Letterboxd URI",
                "2024-02-01,Alien,1979,https://boxd.it/x",
                "2023-05-06,Heat,1995,https://boxd.it/y",
                "2023-05-07,,1995,https://boxd.it/z"),
            "letterboxd-user-2024/ratings.csv",
            crlf(
                "Date,Name,Year,Letterboxd URI,Rating",
                "2024-02-01,Alien,1979,https://boxd.it/x,4.5",
                "2023-05-06,Heat,1995,https://boxd.it/y,0.5",
                "2023-05-06,Ronin,1998,https://boxd.it/r,"),
            "letterboxd-user-2024/watchlist.csv",
            crlf("Date,Name,Year,Letterboxd URI", "2024-03-01,Solaris,1972,https://boxd.it/s"),
            "letterboxd-user-2024/reviews.csv",
            crlf("Date,Name,Year,Review", "2024-01-01,Alien,1979,great"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("letterboxd.zip"));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }

    Provider p = provider("letterboxd.zip", "letterboxd");

    assertThat(p.snapshot(Feature.HISTORY))
        .extracting(i -> i.title() + " " + i.year() + " @ " + i.watchedAt())
        .containsExactlyInAnyOrder(
            "Alien 1979 @ 2024-01-31T00:00:00Z",
            "Alien 1979 @ 2024-02-02T00:00:00Z",
            "Crouching Tiger, Hidden Dragon 2000 @ 2024-02-04T00:00:00Z",
            "Heat 1995 @ 2023-05-06T00:00:00Z");
    assertThat(p.snapshot(Feature.RATINGS))
        .extracting(i -> i.title() + "=" + i.rating())
        .containsExactly("Alien=9", "Heat=1");
    assertThat(p.snapshot(Feature.WATCHLIST)).extracting(Item::title).containsExactly("Solaris");
    assertThat(p.snapshot(Feature.HISTORY)).allSatisfy(i -> assertThat(i.ids().isEmpty()).isTrue());
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            "IMPORT:default: watched.csv line 4: Name is empty; the row was not imported",
            "IMPORT:default: ratings.csv line 4: Rating \"\" is not 0.5–5 stars; the row was not"
                + " imported");
  }

  @Test
  void traktJsonExportRowsBecomePlaysWatchlistAndRatingsByTheirTimeField() throws Exception {
    Files.createDirectories(dir.resolve("trakt"));
    write(
        "trakt/watched-history.json",
        "[{\"id\": 1, \"watched_at\": \"2024-01-01T20:00:00.000Z\", \"action\": \"watch\","
            + " \"type\": \"episode\", \"episode\": {\"season\": 1, \"number\": 2, \"title\":"
            + " \"Pilot\", \"ids\": {\"trakt\": 73482, \"tvdb\": 349232}}, \"show\": {\"title\":"
            + " \"Breaking Bad\", \"year\": 2008, \"ids\": {\"trakt\": 1388, \"imdb\":"
            + " \"tt0903747\"}}},"
            + " {\"id\": 2, \"watched_at\": \"2024-01-02T20:00:00.000Z\", \"type\": \"podcast\"}]");
    write(
        "trakt/watchlist.json",
        "[{\"rank\": 1, \"listed_at\": \"2024-02-01T10:00:00.000Z\", \"type\": \"movie\","
            + " \"movie\": {\"title\": \"Alien\", \"year\": 1979, \"ids\": {\"trakt\": 1,"
            + " \"imdb\": \"tt0078748\", \"tmdb\": 348}}}]");
    write(
        "trakt/ratings-movies.json",
        "[{\"rated_at\": \"2024-03-01T10:00:00.000Z\", \"rating\": 8, \"type\": \"movie\","
            + " \"movie\": {\"title\": \"Heat\", \"year\": 1995, \"ids\": {\"trakt\": 2}}}]");

    Provider p = provider("trakt", "trakt");

    assertThat(p.snapshot(Feature.HISTORY))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(MediaType.EPISODE);
              assertThat(e.show().ids().get(IdKind.IMDB)).contains("tt0903747");
              assertThat(e.season()).isEqualTo(1);
              assertThat(e.number()).isEqualTo(2);
            });
    assertThat(p.snapshot(Feature.WATCHLIST)).extracting(Item::title).containsExactly("Alien");
    assertThat(p.snapshot(Feature.RATINGS)).extracting(Item::rating).containsExactly(8);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("watched-history.json entry 2: unknown type \"podcast\"");
  }

  @Test
  void aCrosswatchDocumentImportsAsItIs() throws Exception {
    write(
        "library.json",
        "{\"watchlist\": [{\"type\": \"movie\", \"title\": \"Alien\", \"year\": 1979, \"ids\":"
            + " {\"imdb\": \"tt0078748\"}, \"listed_at\": \"2024-01-01T00:00:00Z\"}]}");

    assertThat(provider("library.json", "crosswatch").snapshot(Feature.WATCHLIST))
        .extracting(Item::title)
        .containsExactly("Alien");
  }

  @Test
  void theProviderIsDownWhenTheExportIsMissing() {
    HealthReport health = provider("missing.csv", "imdb").health();
    assertThat(health.status()).isNotEqualTo(HealthReport.Status.OK);
    assertThat(health.message()).contains("set imports.path to the export file");
  }

  @Test
  void theFactoryRejectsAnUnknownFormat() {
    assertThat(
            new ImportProviderFactory()
                .validate(
                    JsonMapper.builder().build().readTree("{\"path\": \"x\", \"format\": \"csv\"}"),
                    "imports"))
        .singleElement()
        .asString()
        .contains("imports.format")
        .contains("\"imdb\", \"letterboxd\", \"trakt\", \"crosswatch\"");
  }
}
