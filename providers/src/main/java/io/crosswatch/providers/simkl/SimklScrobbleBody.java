package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.providers.scrobble.ScrobbleAnswers;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The item of a SIMKL scrobble call: {@code {"movie": {title, year, ids}}} or {@code {"show":
 * {title, year, ids}, "episode": {season, number}}} (one item per call; SIMKL looks the title up by
 * any id, then by title and year).
 */
final class SimklScrobbleBody {
  private SimklScrobbleBody() {}

  /**
   * The body for a movie or an episode with its show, with {@code progress} (percent, two
   * decimals); empty when SIMKL could not find the title (no id it resolves, or an episode without
   * its show's ids, season and number).
   */
  static Optional<ObjectNode> of(Item item, double percent) {
    ObjectNode body = SimklApi.MAPPER.createObjectNode();
    if (item.type() == MediaType.MOVIE) {
      if (!SimklItems.hasSimklIds(item.ids())) {
        return Optional.empty();
      }
      media(body.putObject("movie"), item.title(), item.year(), item);
    } else if (item.type() == MediaType.EPISODE) {
      if (item.show() == null
          || !SimklItems.hasSimklIds(item.show().ids())
          || item.season() == null
          || item.number() == null) {
        return Optional.empty();
      }
      ObjectNode show = body.putObject("show");
      if (item.show().title() != null) {
        show.put("title", item.show().title());
      }
      if (item.show().year() != null) {
        show.put("year", item.show().year());
      }
      show.set("ids", SimklItems.idsJson(item.show().ids()));
      body.putObject("episode").put("season", item.season()).put("number", item.number());
    } else {
      return Optional.empty();
    }
    body.put("progress", ScrobbleAnswers.progress(percent));
    return Optional.of(body);
  }

  private static void media(ObjectNode o, String title, Integer year, Item item) {
    if (title != null) {
      o.put("title", title);
    }
    if (year != null) {
      o.put("year", year);
    }
    o.set("ids", SimklItems.idsJson(item.ids()));
  }
}
