package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.progress.PercentResumePoints;
import io.crosswatch.providers.scrobble.ScrobbleAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resume points through Trakt's playback progress: read from {@code GET
 * /sync/playback?extended=full} (a percentage of the runtime, which only the extended answer
 * carries, in minutes), written as a paused scrobble ({@code POST /scrobble/pause}, one paced write
 * per title; Trakt dates it now) and cleared with {@code DELETE /sync/playback/{id}}.
 */
final class TraktProgress {
  private static final String PLAYBACK = "/sync/playback";

  private final TraktApi api;

  /** The resume points of the last read with their playback ids. */
  private Map<Item, Long> playbackIds;

  TraktProgress(TraktApi api) {
    this.api = api;
  }

  /**
   * Every resume point. A point whose title has no runtime on Trakt cannot be turned into a
   * position and is left out.
   */
  List<Item> snapshot() throws ProviderException {
    List<JsonNode> rows =
        api.readAll(ApiRequest.get(PLAYBACK).withQuery("extended", "full"), false);
    List<Item> points = new ArrayList<>();
    Map<Item, Long> ids = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      Optional<Item> item = TraktItems.fromRow(row);
      if (item.isEmpty()) {
        continue;
      }
      JsonNode media = row.path(row.path("type").asString(""));
      JsonNode runtime = media.get("runtime");
      JsonNode progress = row.get("progress");
      if (runtime == null || !runtime.isNumber() || runtime.asLong() <= 0 || progress == null) {
        continue;
      }
      Item point =
          PercentResumePoints.at(
              item.get(),
              progress.asDouble(),
              runtime.asLong() * 60_000L,
              TraktItems.parseTime(row, "paused_at"));
      points.add(point);
      ids.put(point, row.path("id").asLong());
    }
    playbackIds = ids;
    return points;
  }

  /** Writes each resume point with one paused scrobble at its percentage of the runtime. */
  WriteResult write(List<Item> points) throws ProviderException {
    return PercentResumePoints.write("Trakt", points, this::pause);
  }

  private ItemOutcome pause(Item point, double percent) throws ProviderException {
    Optional<ObjectNode> body = body(point);
    if (body.isEmpty()) {
      return ItemOutcome.notFound(point, "no_ids");
    }
    body.get().put("progress", ScrobbleAnswers.progress(percent));
    ItemOutcome outcome =
        PercentResumePoints.paused(
            point,
            api.answer(ApiRequest.post("/scrobble/pause", body.get().toString())),
            TraktBatch.NOT_FOUND,
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

  /** {@code {"movie": {ids}}}, {@code {"episode": {ids}}} or the show with season and number. */
  static Optional<ObjectNode> body(Item point) {
    ObjectNode o = TraktApi.MAPPER.createObjectNode();
    if (point.type() == MediaType.MOVIE) {
      if (!TraktItems.hasTraktIds(point.ids())) {
        return Optional.empty();
      }
      o.putObject("movie").set("ids", TraktItems.idsJson(point.ids()));
      return Optional.of(o);
    }
    if (point.type() != MediaType.EPISODE) {
      return Optional.empty();
    }
    boolean byShow =
        point.show() != null
            && TraktItems.hasTraktIds(point.show().ids())
            && point.season() != null
            && point.number() != null;
    if (point.ids().value(IdKind.TRAKT) == null && byShow) {
      o.putObject("show").set("ids", TraktItems.idsJson(point.show().ids()));
      o.putObject("episode").put("season", point.season()).put("number", point.number());
      return Optional.of(o);
    }
    if (!TraktItems.hasTraktIds(point.ids())) {
      return Optional.empty();
    }
    o.putObject("episode").set("ids", TraktItems.idsJson(point.ids()));
    return Optional.of(o);
  }
}
