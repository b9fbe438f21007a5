package io.crosswatch.providers.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV rows (RFC 4180: cells with commas, quotes or line breaks are quoted). */
final class CsvWriter {
  private final Writer out;

  CsvWriter(Writer out) {
    this.out = out;
  }

  void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quoted(cells.get(i) == null ? "" : cells.get(i)));
    }
    out.write("\r\n");
  }

  private static String quoted(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
