package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.providers.http.ServiceJson;
import io.crosswatch.providers.progress.PercentResumePoints;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Maps between Trakt's JSON shapes and normalized items. */
final class TraktItems {
  /** The id kinds Trakt knows and accepts in writes. */
  static final List<IdKind> TRAKT_KINDS =
      List.of(IdKind.TRAKT, IdKind.SLUG, IdKind.IMDB, IdKind.TMDB, IdKind.TVDB);

  private TraktItems() {}

  /** A row's item, its feature time not yet set; empty for rows of other types (people, lists). */
  static Optional<Item> fromRow(JsonNode row) {
    String type = row.path("type").asString("");
    ShowRef show = row.has("show") ? showRef(row.get("show")) : null;
    switch (type) {
      case "movie":
        return Optional.of(media(MediaType.MOVIE, row.get("movie"), null));
      case "show":
        return Optional.of(media(MediaType.SHOW, row.get("show"), null));
      case "season":
        return Optional.of(media(MediaType.SEASON, row.get("season"), show));
      case "episode":
        return Optional.of(media(MediaType.EPISODE, row.get("episode"), show));
      default:
        return Optional.empty();
    }
  }

  private static Item media(MediaType type, JsonNode o, ShowRef show) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("row of type " + type.key() + " lacks its object");
    }
    Ids ids = ids(o.get("ids"));
    switch (type) {
      case MOVIE:
        return Item.movie(text(o, "title"), integer(o, "year"), ids);
      case SHOW:
        return Item.show(text(o, "title"), integer(o, "year"), ids);
      case SEASON:
        return Item.season(show, intOr(o, "number", 0), ids);
      default:
        Integer season = integer(o, "season");
        Integer number = integer(o, "number");
        return new Item(
            MediaType.EPISODE,
            text(o, "title"),
            null,
            ids,
            show,
            season,
            number,
            null,
            null,
            null,
            null);
    }
  }

  static ShowRef showRef(JsonNode show) {
    return new ShowRef(text(show, "title"), integer(show, "year"), ids(show.get("ids")));
  }

  /** Trakt ids (numbers or digit strings, nulls skipped) as normalized ids. */
  static Ids ids(JsonNode node) {
    return ServiceJson.ids(node, TRAKT_KINDS);
  }

  /** The ids object to send: only kinds Trakt knows, numbers as numbers. */
  static ObjectNode idsJson(Ids ids) {
    return ServiceJson.idsJson(ids, TRAKT_KINDS);
  }

  /** Whether ids hold any kind Trakt can look up. */
  static boolean hasTraktIds(Ids ids) {
    return TRAKT_KINDS.stream().anyMatch(k -> ids.value(k) != null);
  }

  /**
   * Whether two items are the same title: same type and a shared id, or (episodes) the same show,
   * season and number.
   */
  static boolean sameTitle(Item a, Item b) {
    return PercentResumePoints.sameTitle(a, b);
  }

  /** Trakt's time format, with milliseconds. */
  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }

  static Instant parseTime(JsonNode row, String field) {
    return ServiceJson.time(row, field);
  }

  private static String text(JsonNode o, String field) {
    return ServiceJson.text(o, field);
  }

  private static Integer integer(JsonNode o, String field) {
    return ServiceJson.integer(o.get(field));
  }

  private static int intOr(JsonNode o, String field, int otherwise) {
    Integer v = integer(o, field);
    return v == null ? otherwise : v;
  }
}
