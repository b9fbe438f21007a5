package io.crosswatch.providers.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.providers.export.ExportWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportWriterTest {
  private static final Instant T = Instant.parse("2026-01-10T08:30:00Z");

  @Test
  void csvCarriesEveryFieldOfEveryItemQuotingCommas() throws Exception {
    Item movie =
        Item.movie("Crouching Tiger, Hidden Dragon", 2000, Ids.of(IdKind.IMDB, "tt0190332"))
            .withRating(9, T);
    Item episode =
        Item.episode(
                new ShowRef("Show \"One\"", 1999, Ids.of(IdKind.TVDB, "300001")),
                2,
                3,
                "Pilot",
                Ids.of(IdKind.TVDB, "20010102"))
            .withRating(7, T);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ExportWriter.Result r =
        ExportWriter.write("csv", Feature.RATINGS, List.of(movie, episode), out);

    CsvTable table = CsvTable.parse("x.csv", out.toString(StandardCharsets.UTF_8));
    assertThat(r.written()).isEqualTo(2);
    assertThat(rows(table)).hasSize(2);
    CsvTable.Row first = rows(table).get(0);
    assertThat(table.cell(first, "title")).isEqualTo("Crouching Tiger, Hidden Dragon");
    assertThat(table.cell(first, "imdb")).isEqualTo("tt0190332");
    assertThat(table.cell(first, "rating")).isEqualTo("9");
    assertThat(table.cell(first, "rated_at")).isEqualTo(T.toString());
    CsvTable.Row second = rows(table).get(1);
    assertThat(table.cell(second, "type")).isEqualTo("episode");
    assertThat(table.cell(second, "show_title")).isEqualTo("Show \"One\"");
    assertThat(table.cell(second, "show_tvdb")).isEqualTo("300001");
    assertThat(table.cell(second, "season")).isEqualTo("2");
    assertThat(table.cell(second, "number")).isEqualTo("3");
  }

  @Test
  void letterboxdWritesRatingsAsHalfStarsAndSkipsWhatIsNotAFilm() throws Exception {
    Item film = Item.movie("Heat", 1995, Ids.of(IdKind.TMDB, "949")).withRating(7, T);
    Item show = Item.show("Show", 2000, Ids.of(IdKind.TMDB, "1")).withRating(8, T);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ExportWriter.Result r =
        ExportWriter.write("letterboxd", Feature.RATINGS, List.of(film, show), out);

    CsvTable table = CsvTable.parse("ratings.csv", out.toString(StandardCharsets.UTF_8));
    assertThat(table.cell(rows(table).get(0), "Rating")).isEqualTo("3.5");
    assertThat(table.cell(rows(table).get(0), "tmdbID")).isEqualTo("949");
    assertThat(r.skipped()).singleElement().asString().contains("films only");
  }

  private static List<CsvTable.Row> rows(CsvTable table) {
    List<CsvTable.Row> rows = new ArrayList<>();
    table.rows().forEach(rows::add);
    return rows;
  }
}
