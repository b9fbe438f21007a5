package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.providers.http.ServiceJson;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps MDBList's JSON rows to normalized items. Most shapes are assumed from open-source clients
 * (MDBList documents little of its sync API): see each method.
 */
final class MdblistItems {
  /** The id kinds MDBList reports. */
  static final List<IdKind> KINDS =
      List.of(IdKind.IMDB, IdKind.TMDB, IdKind.TVDB, IdKind.TRAKT, IdKind.MDBLIST);

  /** The id kinds sync writes send (MDBList's own id is answer-only). */
  private static final List<IdKind> SENT_KINDS =
      KINDS.stream().filter(k -> k != IdKind.MDBLIST).toList();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MdblistItems() {}

  /**
   * A watchlist row. Assumed: rows are flat ({@code title}, {@code release_year} or {@code year},
   * {@code mediatype}, ids as {@code imdb_id}, {@code tmdb_id} or {@code id}, {@code tvdb_id}, or
   * an {@code ids} object) and the time, when given, is {@code listed_at} or {@code added_at}.
   */
  static Item watchlistRow(JsonNode row, MediaType groupType) {
    MediaType type = typeOf(row.path("mediatype").asString(""), groupType);
    Ids ids = ids(row);
    Integer year = integer(row.has("release_year") ? row.get("release_year") : row.get("year"));
    String title = text(row, "title");
    Item item =
        type == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
    Instant at = time(row, "listed_at");
    return item.withListedAt(at != null ? at : time(row, "added_at"));
  }

  /** A rating row: {@code rating}, {@code rated_at} and a {@code movie} or {@code show} object. */
  static Item ratingRow(JsonNode row, MediaType type) {
    Item title = media(row.get(type.key()), type);
    Integer rating = integer(row.get("rating"));
    return title.withRating(rating, time(row, "rated_at"));
  }

  /**
   * The plays of a watched row: a movie row ({@code movie} with {@code watched_at} or {@code
   * last_watched_at}), an episode row ({@code show} plus {@code episode} with season and number),
   * or a show row with {@code seasons[].episodes[]} carrying their {@code watched_at}.
   */
  static void playsOf(JsonNode row, String group, Consumer<Item> into) {
    if (group.equals("movies")) {
      Item movie = media(row.get("movie"), MediaType.MOVIE);
      Instant at = time(row, "watched_at");
      into.accept(movie.withWatchedAt(at != null ? at : time(row, "last_watched_at")));
      return;
    }
    Item show = media(row.get("show"), MediaType.SHOW);
    ShowRef ref = new ShowRef(show.title(), show.year(), show.ids());
    if (group.equals("episodes")) {
      JsonNode e = row.path("episode");
      into.accept(episode(ref, e, time(row, "watched_at")));
      return;
    }
    for (JsonNode s : row.path("seasons")) {
      for (JsonNode e : s.path("episodes")) {
        ObjectNode withSeason = ((ObjectNode) e.deepCopy()).put("season", s.path("number").asInt());
        into.accept(episode(ref, withSeason, time(e, "watched_at")));
      }
    }
  }

  private static Item episode(ShowRef show, JsonNode e, Instant at) {
    Integer season = integer(e.get("season"));
    Integer number = integer(e.get("number"));
    if (season == null || number == null) {
      throw new IllegalArgumentException("episode lacks its season or number");
    }
    return Item.episode(show, season, number, text(e, "title"), ids(e)).withWatchedAt(at);
  }

  private static Item media(JsonNode o, MediaType type) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("row lacks its " + type.key() + " object");
    }
    Ids ids = ids(o);
    Integer year = integer(o.has("year") ? o.get("year") : o.get("release_year"));
    return type == MediaType.MOVIE
        ? Item.movie(text(o, "title"), year, ids)
        : Item.show(text(o, "title"), year, ids);
  }

  /** Ids from an {@code ids} object and/or flat {@code <kind>_id} fields (numbers or strings). */
  static Ids ids(JsonNode o) {
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    JsonNode nested = o.path("ids");
    for (IdKind kind : KINDS) {
      JsonNode v = nested.isObject() ? nested.get(kind.key()) : null;
      if (v == null || v.isNull()) {
        v = o.get(kind.key() + "_id");
      }
      if (v != null && (v.isNumber() || v.isString())) {
        raw.put(kind, v.asString());
      }
    }
    // Assumed: a flat row's bare "id" is its tmdb id, as open-source clients read it.
    JsonNode id = o.get("id");
    if (!raw.containsKey(IdKind.TMDB) && !nested.isObject() && id != null && id.isNumber()) {
      raw.put(IdKind.TMDB, id.asString());
    }
    return Ids.of(raw);
  }

  /** The flat ids MDBList's watchlist writes take: only imdb and tmdb are honoured. */
  static ObjectNode flatIds(Ids ids) {
    ObjectNode o = NODES.objectNode();
    if (ids.value(IdKind.IMDB) != null) {
      o.put("imdb", ids.value(IdKind.IMDB));
    }
    if (ids.value(IdKind.TMDB) != null) {
      o.put("tmdb", Long.parseLong(ids.value(IdKind.TMDB)));
    }
    return o;
  }

  /** The nested ids object of sync writes (imdb, tmdb, tvdb, trakt). */
  static ObjectNode idsJson(Ids ids) {
    return ServiceJson.idsJson(ids, SENT_KINDS);
  }

  /** Whether ids hold imdb or tmdb, the only kinds watchlist writes resolve. */
  static boolean hasFlatIds(Ids ids) {
    return ids.value(IdKind.IMDB) != null || ids.value(IdKind.TMDB) != null;
  }

  /** Whether ids hold a kind sync writes resolve (assumed, Trakt-like: imdb, tmdb, tvdb, trakt). */
  static boolean hasSyncIds(Ids ids) {
    return hasFlatIds(ids) || ids.value(IdKind.TVDB) != null || ids.value(IdKind.TRAKT) != null;
  }

  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static MediaType typeOf(String mediatype, MediaType otherwise) {
    switch (mediatype) {
      case "movie":
        return MediaType.MOVIE;
      case "show":
      case "tv":
        return MediaType.SHOW;
      default:
        return otherwise;
    }
  }

  private static Instant time(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      return null;
    }
    return ServiceJson.time(o, field);
  }

  private static String text(JsonNode o, String field) {
    return ServiceJson.text(o, field);
  }

  private static Integer integer(JsonNode v) {
    return ServiceJson.integer(v);
  }
}
