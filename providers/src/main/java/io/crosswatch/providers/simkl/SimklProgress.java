package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.ServiceJson;
import io.crosswatch.providers.progress.PercentResumePoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resume points through SIMKL's paused playbacks: read from {@code GET /sync/playback} (a
 * percentage per movie or episode, with {@code paused_at}), written as a paused scrobble ({@code
 * POST /scrobble/pause}, one paced POST per title; SIMKL dates it now) and cleared with {@code
 * DELETE /sync/playback/{id}}.
 *
 * <p>A playback carries no runtime, so the percentage is turned into a position with the title's
 * runtime from {@code GET /movies/{id}}, {@code /tv/{id}} or {@code /anime/{id}} (minutes; a show's
 * is its episode length), asked once per title and instance. A title whose runtime SIMKL does not
 * give is left out.
 */
final class SimklProgress {
  private static final String PLAYBACK = "/sync/playback";

  private final SimklApi api;
  private final Map<String, Long> runtimes = new HashMap<>();

  /** The resume points of the last read with their playback ids. */
  private Map<Item, Long> playbackIds;

  SimklProgress(SimklApi api) {
    this.api = api;
  }

  /** Every resume point SIMKL holds, as a position and runtime in milliseconds. */
  List<Item> snapshot() throws ProviderException {
    JsonNode rows = api.call(ApiRequest.get(PLAYBACK));
    List<Item> points = new ArrayList<>();
    Map<Item, Long> ids = new LinkedHashMap<>();
    for (JsonNode row : rows.isArray() ? rows : List.<JsonNode>of()) {
      Optional<Item> item = item(row);
      JsonNode progress = row.get("progress");
      if (item.isEmpty() || progress == null || !progress.isNumber()) {
        continue;
      }
      Optional<Long> runtime = runtime(row);
      if (runtime.isEmpty()) {
        continue;
      }
      Item point =
          PercentResumePoints.at(
              item.get(),
              progress.asDouble(),
              runtime.get(),
              SimklItems.parseTime(row, "paused_at"));
      points.add(point);
      ids.put(point, row.path("id").asLong());
    }
    playbackIds = ids;
    return points;
  }

  /** Writes each resume point with one paused scrobble at its percentage of the runtime. */
  WriteResult write(List<Item> points) throws ProviderException {
    return PercentResumePoints.write("SIMKL", points, this::pause);
  }

  private ItemOutcome pause(Item point, double percent) throws ProviderException {
    Optional<ObjectNode> body = SimklScrobbleBody.of(point, percent);
    if (body.isEmpty()) {
      return ItemOutcome.notFound(point, "no_ids");
    }
    ItemOutcome outcome =
        PercentResumePoints.paused(
            point,
            api.answer(ApiRequest.post("/scrobble/pause", body.get().toString())),
            "not_found",
            api::failure);
    if (outcome.status() == ItemOutcome.Status.CONFIRMED) {
      playbackIds = null; // a pause makes a new playback id
    }
    return outcome;
  }

  /** Clears each resume point by its playback id (read again when not known). */
  WriteResult clear(List<Item> points) throws ProviderException {
    if (playbackIds == null) {
      snapshot();
    }
    return PercentResumePoints.clear(points, playbackIds, this::delete);
  }

  /** One delete; false when the playback was gone already. */
  private boolean delete(long id) throws ProviderException {
    return PercentResumePoints.deleted(
        api.answer(ApiRequest.delete(PLAYBACK + "/" + id)), api::failure);
  }

  /** A movie, or an episode with its show (the row's {@code show} or {@code anime} object). */
  private static Optional<Item> item(JsonNode row) {
    JsonNode movie = row.get("movie");
    if (movie != null && movie.isObject()) {
      return Optional.of(SimklItems.media(MediaType.MOVIE, movie));
    }
    JsonNode show = row.has("show") ? row.get("show") : row.get("anime");
    JsonNode episode = row.get("episode");
    if (show == null || !show.isObject() || episode == null || !episode.isObject()) {
      return Optional.empty();
    }
    Integer season = SimklItems.integer(episode.get("season"));
    // SIMKL's examples name the episode's number "number" and, in places, "episode".
    Integer number =
        SimklItems.integer(episode.has("number") ? episode.get("number") : episode.get("episode"));
    if (number == null) {
      return Optional.empty();
    }
    ShowRef ref =
        new ShowRef(
            ServiceJson.text(show, "title"),
            SimklItems.integer(show.get("year")),
            SimklItems.ids(show.get("ids")));
    return Optional.of(
        Item.episode(
            ref,
            season == null ? 1 : season,
            number,
            ServiceJson.text(episode, "title"),
            Ids.empty()));
  }

  /** The runtime of the row's title in milliseconds, asked once per title. */
  private Optional<Long> runtime(JsonNode row) throws ProviderException {
    String segment = row.has("movie") ? "movies" : row.has("anime") ? "anime" : "tv";
    JsonNode media =
        row.has("movie") ? row.get("movie") : row.has("anime") ? row.get("anime") : row.get("show");
    String simkl = SimklItems.ids(media.get("ids")).value(IdKind.SIMKL);
    if (simkl == null) {
      return Optional.empty();
    }
    String key = segment + "/" + simkl;
    if (!runtimes.containsKey(key)) {
      HttpAnswer answer =
          api.answer(
              ApiRequest.get("/" + key)
                  .withQuery("extended", "full")
                  .withTemplate("/" + segment + "/{id}"));
      long ms = 0;
      if (answer.isSuccess()) {
        Integer minutes = SimklItems.integer(api.json(answer).get("runtime"));
        ms = minutes == null || minutes <= 0 ? 0 : minutes * 60_000L;
      } else if (answer.status() != 404) {
        throw api.failure(answer);
      }
      runtimes.put(key, ms);
    }
    long ms = runtimes.get(key);
    return ms > 0 ? Optional.of(ms) : Optional.empty();
  }
}
