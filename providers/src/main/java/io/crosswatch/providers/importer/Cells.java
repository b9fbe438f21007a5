package io.crosswatch.providers.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the values export files hold: years, dates in their several spellings, star ratings. */
final class Cells {
  private Cells() {}

  /** A year such as {@code 1999}, {@code null} for an empty cell; throws when unparsable. */
  static Integer year(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    if (!cell.matches("\\d{4}")) {
      throw new IllegalArgumentException("year \"" + cell + "\" is not a year");
    }
    return Integer.parseInt(cell);
  }

  /**
   * A date ({@code 2024-03-05}, taken as midnight UTC), a date and time ({@code 2024-03-05
   * 20:15:00}, UTC) or an ISO-8601 instant; {@code null} for an empty cell; throws when unparsable.
   */
  static Instant date(String column, String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    try {
      if (cell.length() == 10) {
        return LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (cell.length() == 19) {
        return LocalDateTime.parse(cell.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      }
      return java.time.OffsetDateTime.parse(cell).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(column + " \"" + cell + "\" is not a date (YYYY-MM-DD)");
    }
  }

  /** A 1–10 rating; throws when out of range or not a whole number. */
  static int tenPoint(String column, String cell) {
    if (!cell.matches("\\d{1,2}") || Integer.parseInt(cell) < 1 || Integer.parseInt(cell) > 10) {
      throw new IllegalArgumentException(column + " \"" + cell + "\" is not a rating 1–10");
    }
    return Integer.parseInt(cell);
  }

  /** Stars 0.5–5 in half steps, times two: a 1–10 rating; throws otherwise. */
  static int halfStars(String column, String cell) {
    double stars;
    try {
      stars = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      stars = -1;
    }
    double doubled = stars * 2;
    if (doubled < 1 || doubled > 10 || doubled != Math.rint(doubled)) {
      throw new IllegalArgumentException(column + " \"" + cell + "\" is not 0.5–5 stars");
    }
    return (int) doubled;
  }
}
