package io.crosswatch.core.config;

import io.crosswatch.core.model.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the filters of a pair's {@code ratings} feature: {@code types} (a list of, or one of,
 * {@code movies}, {@code shows}, {@code seasons}, {@code episodes}, {@code all}) and {@code mode}
 * with {@code from_date}. Only {@code "mode": "from_date"} limits by date; CrossWatch's {@code
 * only_new} is warned about, since every rating is planned then.
 */
final class RatingsFilterReader {
  private static final String ALL = "all";
  private static final String FROM_DATE = "from_date";
  private static final Map<String, MediaType> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("movies", MediaType.MOVIE);
    TYPES.put("shows", MediaType.SHOW);
    TYPES.put("seasons", MediaType.SEASON);
    TYPES.put("episodes", MediaType.EPISODE);
  }

  private RatingsFilterReader() {}

  /** The filter of a {@code ratings} feature object, marking its filter keys as read. */
  static RatingsFilter read(ConfigObject ratings) {
    Set<MediaType> types = types(ratings);
    LocalDate fromDate = fromDate(ratings);
    return new RatingsFilter(types, fromDate);
  }

  /** The chosen types; all of them when {@code types} is missing or wrong (with an error). */
  private static Set<MediaType> types(ConfigObject ratings) {
    JsonNode value = ratings.take("types");
    Set<MediaType> all = EnumSet.allOf(MediaType.class);
    if (value == null) {
      return all;
    }
    String choices = JsonPaths.quotedChoices(choiceNames());
    if (value.isString()) {
      return typeOf(value, ratings.pathOf("types"), choices, ratings).orElse(all);
    }
    if (!value.isArray() || value.isEmpty()) {
      ratings.error("types", "must be a list of " + choices + ", got " + JsonPaths.describe(value));
      return all;
    }
    Set<MediaType> chosen = EnumSet.noneOf(MediaType.class);
    boolean valid = true;
    for (int i = 0; i < value.size(); i++) {
      String at = JsonPaths.index(ratings.pathOf("types"), i);
      Optional<Set<MediaType>> one = typeOf(value.get(i), at, choices, ratings);
      valid &= one.isPresent();
      one.ifPresent(chosen::addAll);
    }
    return valid ? chosen : all;
  }

  private static Optional<Set<MediaType>> typeOf(
      JsonNode value, String path, String choices, ConfigObject ratings) {
    if (value.isString() && value.stringValue().equals(ALL)) {
      return Optional.of(EnumSet.allOf(MediaType.class));
    }
    MediaType type = value.isString() ? TYPES.get(value.stringValue()) : null;
    if (type == null) {
      ratings.errorAt(path, "must be " + choices + ", got " + JsonPaths.describe(value));
      return Optional.empty();
    }
    return Optional.of(EnumSet.of(type));
  }

  private static Iterable<String> choiceNames() {
    List<String> names = new ArrayList<>(TYPES.keySet());
    names.add(ALL);
    return names;
  }

  /** The first day of {@code "mode": "from_date"}, or {@code null} for any other mode. */
  private static LocalDate fromDate(ConfigObject ratings) {
    String mode = ratings.string("mode", ALL);
    JsonNode date = ratings.take(FROM_DATE);
    if (!mode.equals(FROM_DATE)) {
      if (!mode.equals(ALL)) {
        ratings.warn(
            "mode",
            "\""
                + mode
                + "\" is not followed; every rating is planned (\"mode\": \"from_date\" with"
                + " \"from_date\": \"YYYY-MM-DD\" plans only ratings from that day on)");
      }
      return null;
    }
    if (date == null || !date.isString()) {
      ratings.error(
          FROM_DATE,
          "is required with \"mode\": \"from_date\": a date \"YYYY-MM-DD\""
              + (date == null ? "" : ", got " + JsonPaths.describe(date)));
      return null;
    }
    try {
      return LocalDate.parse(date.stringValue());
    } catch (DateTimeParseException e) {
      ratings.error(FROM_DATE, "must be a date \"YYYY-MM-DD\", got " + JsonPaths.describe(date));
      return null;
    }
  }
}
