package io.crosswatch.app.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text of normalized items and FILE documents for scenario tests. Movie {@code n} is "Movie n"
 * with imdb {@code tt000000n} and tmdb {@code n}, so that both sides name it the same way.
 */
public final class Docs {
  private final Map<String, List<String>> features = new LinkedHashMap<>();

  private Docs() {}

  /** An empty document builder. */
  public static Docs doc() {
    return new Docs();
  }

  /** A document holding one feature. */
  public static String doc(String feature, String... items) {
    return doc().with(feature, items).json();
  }

  /** A document holding one feature. */
  public static String doc(String feature, List<String> items) {
    return doc().with(feature, items.toArray(String[]::new)).json();
  }

  /** Adds items to a feature of the document. */
  public Docs with(String feature, String... items) {
    features.computeIfAbsent(feature, f -> new ArrayList<>()).addAll(List.of(items));
    return this;
  }

  /** The document's JSON text. */
  public String json() {
    List<String> parts = new ArrayList<>();
    features.forEach((f, items) -> parts.add("\"" + f + "\": [" + String.join(",\n", items) + "]"));
    return "{" + String.join(",\n", parts) + "}\n";
  }

  /** The imdb id of movie {@code n}. */
  public static String imdb(int n) {
    return String.format(Locale.ROOT, "tt%07d", n);
  }

  /** The title of movie {@code n}. */
  public static String title(int n) {
    return "Movie " + n;
  }

  /** Movie {@code n} with both ids and the given extra fields ({@code "key": value, ...}). */
  public static String movie(int n, String fields) {
    return item(
        title(n), 2000 + n % 20, "{\"imdb\": \"" + imdb(n) + "\", \"tmdb\": " + n + "}", fields);
  }

  /** A movie with the given ids object text and extra fields. */
  public static String item(String title, int year, String ids, String fields) {
    return "{\"type\": \"movie\", \"title\": \""
        + title
        + "\", \"year\": "
        + year
        + ", \"ids\": "
        + ids
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  /** Movie {@code n} on a watchlist since {@code at}. */
  public static String listed(int n, Instant at) {
    return movie(n, "\"listed_at\": \"" + at + "\"");
  }

  /** One play of movie {@code n} at {@code at}. */
  public static String played(int n, Instant at) {
    return movie(n, "\"watched_at\": \"" + at + "\"");
  }

  /** Movie {@code n} rated {@code rating} at {@code at} ({@code null}: time unknown). */
  public static String rated(int n, int rating, Instant at) {
    return movie(n, "\"rating\": " + rating + (at == null ? "" : ", \"rated_at\": \"" + at + "\""));
  }

  /** Movies {@code from..to} on a watchlist since {@code at}. */
  public static String[] listedRange(int from, int to, Instant at) {
    List<String> items = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      items.add(listed(n, at));
    }
    return items.toArray(String[]::new);
  }
}
