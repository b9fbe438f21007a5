package io.crosswatch.providers.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A CSV file read by header name (RFC 4180: quoted fields may hold commas, quotes and line breaks;
 * a byte-order mark and Windows line ends are accepted). Column order does not matter. The header
 * is read at once; data rows are read as they are iterated, so that a large export is never held as
 * rows all at once.
 */
final class CsvTable {
  /** One data row: its cells and the line it starts on (the header is line 1). */
  record Row(int line, List<String> cells) {
    /** The trimmed cell at a column index, or {@code ""} when the row is shorter. */
    String cell(int column) {
      return column < 0 || column >= cells.size() ? "" : cells.get(column).trim();
    }
  }

  private final String file;
  private final String text;
  private final int bodyStart;
  private final int bodyLine;
  private final Map<String, Integer> columns = new HashMap<>();

  private CsvTable(String file, String text, List<String> header, int bodyStart, int bodyLine) {
    this.file = file;
    this.text = text;
    this.bodyStart = bodyStart;
    this.bodyLine = bodyLine;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
  }

  /** Reads the header of {@code text}; {@code file} names it in messages. */
  static CsvTable parse(String file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Scanner scanner = new Scanner(body, 0, 1);
    Row header = scanner.next();
    List<String> names = header == null ? List.of() : header.cells();
    return new CsvTable(file, body, names, scanner.pos, scanner.line);
  }

  String file() {
    return file;
  }

  /** The data rows, read afresh on each iteration; blank lines are left out. */
  Iterable<Row> rows() {
    return () -> new Rows(new Scanner(text, bodyStart, bodyLine));
  }

  /** Whether the header names this column (case ignored). */
  boolean has(String column) {
    return columns.containsKey(column.toLowerCase(Locale.ROOT));
  }

  /** The index of a column (case ignored), or -1 when the header lacks it. */
  int column(String column) {
    return columns.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
  }

  /** The trimmed cell of a column, or {@code ""} when the row or header lacks it. */
  String cell(Row row, String column) {
    return row.cell(column(column));
  }

  /** The rows after the header, one at a time. */
  private static final class Rows implements Iterator<Row> {
    private final Scanner scanner;
    private Row next;

    Rows(Scanner scanner) {
      this.scanner = scanner;
      this.next = scanner.next();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Row next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = scanner.next();
      return row;
    }
  }

  /** Splits text into rows of cells, from a position on. */
  private static final class Scanner {
    private final String text;
    private int pos;
    private int line;

    Scanner(String text, int pos, int line) {
      this.text = text;
      this.pos = pos;
      this.line = line;
    }

    /** The next row that is not blank, or {@code null} at the end. */
    Row next() {
      while (pos < text.length()) {
        int start = line;
        List<String> cells = row();
        boolean blank = cells.size() == 1 && cells.get(0).isEmpty();
        if (!blank) {
          return new Row(start, cells);
        }
      }
      return null;
    }

    /**
     * Reads one row. Plain cells and quoted cells without an escaped quote are cut out of the text
     * whole; from any other cell on, the row is read character by character.
     */
    private List<String> row() {
      List<String> cells = new ArrayList<>(16);
      int length = text.length();
      while (true) {
        int end;
        String cell;
        if (pos < length && text.charAt(pos) == '"') {
          int close = text.indexOf('"', pos + 1);
          end = close + 1;
          if (close < 0 || (end < length && !isSeparator(text.charAt(end)))) {
            return quotedRest(cells); // unclosed, an escaped quote, or text after the quote
          }
          cell = text.substring(pos + 1, close);
          line += count(cell, '\n');
        } else {
          end = pos;
          while (end < length && !isSeparator(text.charAt(end)) && text.charAt(end) != '"') {
            end++;
          }
          if (end < length && text.charAt(end) == '"') {
            return quotedRest(cells); // a quote inside the cell
          }
          cell = text.substring(pos, end);
        }
        cells.add(cell);
        pos = end;
        if (pos >= length) {
          return cells;
        }
        char c = text.charAt(pos++);
        if (c == ',') {
          continue;
        }
        endLine(c);
        return cells;
      }
    }

    private static boolean isSeparator(char c) {
      return c == ',' || c == '\r' || c == '\n';
    }

    private static int count(String text, char c) {
      int n = 0;
      for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
        n++;
      }
      return n;
    }

    /** Finishes a row from a cell that holds a quote, at {@code pos}. */
    private List<String> quotedRest(List<String> cells) {
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
          endLine(c);
          break;
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      return cells;
    }

    /** Counts a line end just read, taking the {@code \n} of a {@code \r\n} with it. */
    private void endLine(char c) {
      if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
        pos++;
      }
      line++;
    }
  }
}
