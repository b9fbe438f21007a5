package io.crosswatch.app.scenario;

import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.time.Instant;
import java.util.Locale;

/**
 * Normalized item JSON for the movies the fake trackers generate: movie {@code i} of either fake's
 * catalogue is "Movie i" with imdb {@code tt(1000000+i)} and tmdb {@code 5000+i}, so a FILE
 * document built here names the same titles on Trakt and SIMKL.
 */
final class TrackerDocs {
  private TrackerDocs() {}

  /** Movie {@code i} as a normalized item with the given extra fields. */
  static String movie(int i, String fields) {
    return String.format(
        Locale.ROOT,
        "{\"type\": \"movie\", \"title\": \"Movie %d\", \"year\": %d,"
            + " \"ids\": {\"imdb\": \"tt%d\", \"tmdb\": %d}%s}",
        i,
        1970 + i % 50,
        1000000 + i,
        5000 + i,
        fields.isEmpty() ? "" : ", " + fields);
  }

  /** The catalogue number of a generated Trakt movie ("Movie i" → i). */
  static int number(TraktTitle movie) {
    return (int) (movie.trakt() - 1000);
  }

  static String listed(int i, Instant at) {
    return movie(i, "\"listed_at\": \"" + at + "\"");
  }

  static String played(int i, Instant at) {
    return movie(i, "\"watched_at\": \"" + at + "\"");
  }

  static String rated(int i, int rating, Instant at) {
    return movie(i, "\"rating\": " + rating + ", \"rated_at\": \"" + at + "\"");
  }
}
