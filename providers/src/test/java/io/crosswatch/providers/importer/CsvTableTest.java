package io.crosswatch.providers.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void quotedCommasEscapedQuotesAndLineBreaksInsideQuotesAreOneCell() {
    CsvTable table =
        CsvTable.parse(
            "x.csv",
            "\uFEFFConst,Title,Genres\r\n"
                + "tt1,\"Heat, the film\",\"Crime, Drama\"\r\n"
                + "tt2,\"Say \"\"hi\"\"\",Comedy\r\n"
                + "tt3,\"Two\nlines\",Drama\r\n"
                + "tt4,plain,\"\"\r\n");

    List<CsvTable.Row> rows = rows(table);

    assertThat(rows)
        .extracting(CsvTable.Row::cells)
        .containsExactly(
            List.of("tt1", "Heat, the film", "Crime, Drama"),
            List.of("tt2", "Say \"hi\"", "Comedy"),
            List.of("tt3", "Two\nlines", "Drama"),
            List.of("tt4", "plain", ""));
    assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2, 3, 4, 6);
  }

  @Test
  void blankLinesAreSkippedButCountedAndTheLastLineNeedsNoLineEnd() {
    CsvTable table = CsvTable.parse("x.csv", "a,b\n\n1,2\r\n\r\n3,\n4,5");

    assertThat(rows(table))
        .extracting(CsvTable.Row::cells)
        .containsExactly(List.of("1", "2"), List.of("3", ""), List.of("4", "5"));
    assertThat(rows(table)).extracting(CsvTable.Row::line).containsExactly(3, 5, 6);
  }

  @Test
  void textAroundQuotesJoinsTheCellAndAnUnclosedQuoteRunsToTheEnd() {
    CsvTable table = CsvTable.parse("x.csv", "a,b\nx\"y,z\"w,v\n\"ab\"cd,e\n\"open,1\n2");

    assertThat(rows(table))
        .extracting(CsvTable.Row::cells)
        .containsExactly(List.of("xy,zw", "v"), List.of("abcd", "e"), List.of("open,1\n2"));
  }

  @Test
  void cellsAreFoundByHeaderNameWhateverTheCaseAndTrimmed() {
    CsvTable table = CsvTable.parse("x.csv", " Your Rating ,Const\n 7 ,tt9\nshort\n");
    List<CsvTable.Row> rows = rows(table);

    assertThat(table.has("your rating")).isTrue();
    assertThat(table.cell(rows.get(0), "YOUR RATING")).isEqualTo("7");
    assertThat(table.cell(rows.get(0), "const")).isEqualTo("tt9");
    assertThat(table.cell(rows.get(1), "Const")).isEmpty();
    assertThat(table.cell(rows.get(0), "Missing")).isEmpty();
  }

  @Test
  void rowsCanBeIteratedAgainAndAnEmptyFileHasNoColumnsAndNoRows() {
    CsvTable table = CsvTable.parse("x.csv", "a\n1\n2\n");
    assertThat(rows(table)).hasSize(2);
    assertThat(rows(table)).hasSize(2);

    CsvTable empty = CsvTable.parse("empty.csv", "");
    assertThat(empty.has("a")).isFalse();
    assertThat(rows(empty)).isEmpty();
  }

  private static List<CsvTable.Row> rows(CsvTable table) {
    List<CsvTable.Row> rows = new ArrayList<>();
    table.rows().forEach(rows::add);
    return rows;
  }
}
