package io.crosswatch.providers.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file read by header name (RFC 4180: quoted fields may hold commas, quotes and line breaks;
 * a byte-order mark and Windows line ends are accepted). Column order does not matter.
 */
final class CsvTable {
  /** One data row: its cells and the line it starts on (the header is line 1). */
  record Row(int line, List<String> cells) {}

  private final String file;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<Row> rows;

  private CsvTable(String file, List<String> header, List<Row> rows) {
    this.file = file;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    this.rows = rows;
  }

  /** Parses {@code text}; {@code file} names it in messages. */
  static CsvTable parse(String file, String text) {
    List<Row> all = new Parser(text.startsWith("\uFEFF") ? text.substring(1) : text).rows();
    if (all.isEmpty()) {
      return new CsvTable(file, List.of(), List.of());
    }
    return new CsvTable(file, all.get(0).cells(), all.subList(1, all.size()));
  }

  String file() {
    return file;
  }

  List<Row> rows() {
    return rows;
  }

  /** Whether the header names this column (case ignored). */
  boolean has(String column) {
    return columns.containsKey(column.toLowerCase(Locale.ROOT));
  }

  /** The trimmed cell of a column, or {@code ""} when the row or header lacks it. */
  String cell(Row row, String column) {
    Integer i = columns.get(column.toLowerCase(Locale.ROOT));
    if (i == null || i >= row.cells().size()) {
      return "";
    }
    return row.cells().get(i).trim();
  }

  /** Splits text into rows of cells. */
  private static final class Parser {
    private final String text;
    private int pos;
    private int line = 1;

    Parser(String text) {
      this.text = text;
    }

    List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      while (pos < text.length()) {
        int start = line;
        List<String> cells = row();
        boolean blank = cells.size() == 1 && cells.get(0).isEmpty();
        if (!blank) {
          rows.add(new Row(start, cells));
        }
      }
      return rows;
    }

    private List<String> row() {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (quoted) {
          if (c == '"') {
            if (pos < text.length() && text.charAt(pos) == '"') {
              cell.append('"');
              pos++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\r' || c == '\n') {
          if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          break;
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      return cells;
    }
  }
}
