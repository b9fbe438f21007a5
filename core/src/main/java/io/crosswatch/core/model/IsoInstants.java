package io.crosswatch.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 times. The common UTC form ({@code 2026-01-02T03:04:05Z}, optionally with a
 * fraction) is read by hand because libraries of a million items spend most of their load time in
 * the general parser; every other form goes to {@link OffsetDateTime}.
 */
final class IsoInstants {
  private IsoInstants() {}

  /** The instant, or {@code null} when the text is no ISO-8601 time with an offset. */
  static Instant parse(String s) {
    Instant fast = parseUtc(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant parseUtc(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 59
        || hour < 0
        || minute < 0
        || second < 0) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return null;
      }
      int fraction = digits(s, 20, n - 21);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
