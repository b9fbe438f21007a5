package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.providers.http.ServiceJson;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Maps between SIMKL's JSON shapes (ids, times, media objects) and normalized values. */
final class SimklItems {
  /** The id kinds SIMKL reports; numeric ones often arrive as strings. */
  static final List<IdKind> SIMKL_KINDS =
      List.of(
          IdKind.SIMKL,
          IdKind.SLUG,
          IdKind.IMDB,
          IdKind.TMDB,
          IdKind.TVDB,
          IdKind.MAL,
          IdKind.ANIDB,
          IdKind.ANILIST,
          IdKind.KITSU);

  /** The id kinds SIMKL resolves in requests (slug is answer-only). */
  private static final List<IdKind> SENT_KINDS =
      SIMKL_KINDS.stream().filter(k -> k != IdKind.SLUG).toList();

  private SimklItems() {}

  /** SIMKL ids (numbers or digit strings, nulls and unknown kinds skipped) as normalized ids. */
  static Ids ids(JsonNode node) {
    return ServiceJson.ids(node, SIMKL_KINDS);
  }

  /**
   * The ids object to send: every kind SIMKL resolves (slug is answer-only), numbers as numbers.
   */
  static ObjectNode idsJson(Ids ids) {
    return ServiceJson.idsJson(ids, SENT_KINDS);
  }

  /** Whether ids hold a kind SIMKL can look a title up by. */
  static boolean hasSimklIds(Ids ids) {
    return SENT_KINDS.stream().anyMatch(k -> ids.value(k) != null);
  }

  /** A movie or show from a SIMKL media object ({@code title}, {@code year}, {@code ids}). */
  static Item media(MediaType type, JsonNode o) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("entry lacks its " + type.key() + " object");
    }
    Ids ids = ids(o.get("ids"));
    String title = ServiceJson.text(o, "title");
    Integer year = integer(o.get("year"));
    return type == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
  }

  /** SIMKL's time format: UTC, seconds (SIMKL stores no finer). */
  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** A time field of an object; {@code null} when absent or null. */
  static Instant parseTime(JsonNode o, String field) {
    return ServiceJson.time(o, field);
  }

  /** An integer from a number or a digit string; {@code null} otherwise. */
  static Integer integer(JsonNode v) {
    return ServiceJson.integer(v);
  }
}
