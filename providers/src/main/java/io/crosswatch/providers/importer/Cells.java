package io.crosswatch.providers.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Parses the values export files hold: years, dates in their several spellings, star ratings. */
final class Cells {
  private Cells() {}

  /** A year such as {@code 1999}, {@code null} for an empty cell; throws when unparsable. */
  static Integer year(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    if (cell.length() != 4 || !digits(cell, 0, 4)) {
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
        return day(cell).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (cell.length() == 19) {
        return LocalDateTime.parse(cell.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      }
      return java.time.OffsetDateTime.parse(cell).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(column + " \"" + cell + "\" is not a date (YYYY-MM-DD)");
    }
  }

  /** {@code YYYY-MM-DD} without a formatter (export files hold tens of thousands of them). */
  private static LocalDate day(String cell) {
    if (cell.charAt(4) != '-'
        || cell.charAt(7) != '-'
        || !digits(cell, 0, 4)
        || !digits(cell, 5, 7)
        || !digits(cell, 8, 10)) {
      return LocalDate.parse(cell); // throws with the reason
    }
    return LocalDate.of(
        Integer.parseInt(cell, 0, 4, 10),
        Integer.parseInt(cell, 5, 7, 10),
        Integer.parseInt(cell, 8, 10, 10));
  }

  /** A 1–10 rating; throws when out of range or not a whole number. */
  static int tenPoint(String column, String cell) {
    int rating = cell.isEmpty() || cell.length() > 2 || !digits(cell, 0, cell.length()) ? -1 : 0;
    for (int i = 0; rating >= 0 && i < cell.length(); i++) {
      rating = rating * 10 + (cell.charAt(i) - '0');
    }
    if (rating < 1 || rating > 10) {
      throw new IllegalArgumentException(column + " \"" + cell + "\" is not a rating 1–10");
    }
    return rating;
  }

  /** Whether {@code id} is an IMDb id: {@code tt} followed by digits. */
  static boolean isImdbId(String id) {
    return id.length() > 2 && id.startsWith("tt") && digits(id, 2, id.length());
  }

  /** Whether {@code text} holds only ASCII digits from {@code from} to {@code to}. */
  static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
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
