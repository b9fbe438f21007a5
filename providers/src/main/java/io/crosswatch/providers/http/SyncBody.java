package io.crosswatch.providers.http;

import io.crosswatch.core.model.Ids;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write body of {@code movies} and {@code shows} in the Trakt-like sync format, with episodes
 * nested in their show by season and number (one show entry per show, one season entry per season).
 * Not thread-safe.
 */
public final class SyncBody {
  private final ObjectNode body = JsonNodeFactory.instance.objectNode();
  private final Function<Ids, ObjectNode> idsJson;
  private final Map<String, ObjectNode> shows = new HashMap<>();
  private final Map<String, ArrayNode> seasons = new HashMap<>();

  /**
   * An empty body.
   *
   * @param idsJson how the service wants a show's ids sent
   */
  public SyncBody(Function<Ids, ObjectNode> idsJson) {
    this.idsJson = Objects.requireNonNull(idsJson, "idsJson");
    body.putArray("movies");
    body.putArray("shows");
  }

  /** Adds an entry already shaped under {@code key} ({@code movies} or {@code shows}). */
  public void add(String key, ObjectNode entry) {
    ((ArrayNode) body.get(key)).add(entry);
  }

  /**
   * Adds an episode under its show and season, and returns its entry (holding its {@code number})
   * for the caller's fields.
   */
  public ObjectNode addEpisode(Ids showIds, int season, int number) {
    String showKey = showIds.toString();
    ObjectNode show =
        shows.computeIfAbsent(
            showKey,
            k -> {
              ObjectNode s = ((ArrayNode) body.get("shows")).addObject();
              s.set("ids", idsJson.apply(showIds));
              s.putArray("seasons");
              return s;
            });
    ArrayNode episodes =
        seasons.computeIfAbsent(
            showKey + "#" + season,
            k -> {
              ObjectNode s = ((ArrayNode) show.get("seasons")).addObject();
              s.put("number", season);
              return s.putArray("episodes");
            });
    return episodes.addObject().put("number", number);
  }

  @Override
  public String toString() {
    return body.toString();
  }
}
