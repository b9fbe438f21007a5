package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Playback progress and scrobbling: {@code GET /sync/playback[/movies|/episodes]}, {@code POST
 * /scrobble/start|pause|stop} (writes, paced like every other) and {@code DELETE
 * /sync/playback/{id}}. A start clears the title's resume point; a pause creates or replaces it; a
 * stop at 80 % or more records a history play dated now (action {@code scrobble}) and clears the
 * resume point, unless the title was scrobbled within the duplicate window, which answers 409 with
 * {@code watched_at} and {@code expires_at}; a stop below 80 % is a pause.
 */
final class TraktPlaybackRoutes {
  private final TraktCatalogue catalogue;
  private final TraktJson json;
  private final TraktReads reads;
  private final Clock clock;

  /** The least progress at which a stop is a play, as on Trakt. */
  static final double PLAY_THRESHOLD = 80.0;

  private final Duration duplicateWindow;

  TraktPlaybackRoutes(
      TraktCatalogue catalogue,
      TraktJson json,
      TraktReads reads,
      Clock clock,
      Duration duplicateWindow) {
    this.duplicateWindow = duplicateWindow;
    this.catalogue = catalogue;
    this.json = json;
    this.reads = reads;
    this.clock = clock;
  }

  FakeResponse list(TraktUser user, FakeRequest request, Optional<MediaType> type) {
    List<TraktPlayback.Paused> all = new ArrayList<>(user.playback().all());
    all.sort(Comparator.comparing(TraktPlayback.Paused::pausedAt).reversed());
    boolean full = request.param("extended").map(e -> e.contains("full")).orElse(false);
    List<JsonNode> rows = new ArrayList<>();
    for (TraktPlayback.Paused p : all) {
      if (type.map(t -> t == p.title().type()).orElse(true)) {
        ObjectNode o = TraktJson.NODES.objectNode();
        o.put("progress", p.progress());
        o.put("paused_at", TraktJson.time(p.pausedAt()));
        o.put("id", p.id());
        json.withMedia(o, p.title());
        if (full) {
          // Only ?extended=full carries the runtime (minutes) a percentage is a share of.
          ((ObjectNode) o.get(p.title().type().key())).put("runtime", catalogue.runtime(p.title()));
        }
        rows.add(o);
      }
    }
    boolean paged = request.param("page").isPresent() || request.param("limit").isPresent();
    return reads.page(rows, request, paged);
  }

  FakeResponse delete(TraktUser user, String id) {
    long playbackId;
    try {
      playbackId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return FakeResponse.error(404, "playback not found: " + id);
    }
    return user.deletePlayback(playbackId)
        ? new FakeResponse(204, Map.of(), "")
        : FakeResponse.error(404, "playback not found: " + id);
  }

  /** {@code POST /scrobble/{action}} for start, pause and stop. */
  FakeResponse scrobble(TraktUser user, String action, JsonNode body) {
    JsonNode progress = body.get("progress");
    if (progress == null || !progress.isNumber()) {
      return FakeResponse.error(422, "progress is required");
    }
    double percent = progress.asDouble();
    if (percent < 0 || percent > 100) {
      return FakeResponse.error(422, "progress must be between 0 and 100");
    }
    Optional<TraktTitle> title = title(body);
    if (title.isEmpty()) {
      return FakeResponse.error(404, "movie or episode not found");
    }
    Instant now = clock.instant();
    switch (action) {
      case "start":
        user.clearPlayback(title.get());
        return answer(user.nextScrobbleId(), "start", percent, title.get());
      case "pause":
        return answer(user.pause(title.get(), percent, now).id(), "pause", percent, title.get());
      default:
        return stop(user, title.get(), percent, now);
    }
  }

  private FakeResponse stop(TraktUser user, TraktTitle title, double percent, Instant now) {
    if (percent < PLAY_THRESHOLD) {
      return answer(user.pause(title, percent, now).id(), "pause", percent, title);
    }
    Optional<TraktUser.Play> recent =
        user.plays().stream()
            .filter(p -> p.action().equals("scrobble") && p.title().key().equals(title.key()))
            .filter(p -> p.watchedAt().plus(duplicateWindow).isAfter(now))
            .reduce((a, b) -> b);
    if (recent.isPresent()) {
      ObjectNode o = TraktJson.NODES.objectNode();
      o.put("watched_at", TraktJson.time(recent.get().watchedAt()));
      o.put("expires_at", TraktJson.time(recent.get().watchedAt().plus(duplicateWindow)));
      return FakeResponse.json(409, o.toString());
    }
    TraktUser.Play play = user.addPlay(title, now, "scrobble");
    user.clearPlayback(title);
    return answer(play.id(), "scrobble", percent, title);
  }

  private FakeResponse answer(long id, String action, double percent, TraktTitle title) {
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("id", id);
    o.put("action", action);
    o.put("progress", percent);
    o.putObject("sharing").put("twitter", false).put("mastodon", false).put("tumblr", false);
    json.withMedia(o, title).remove("type");
    return FakeResponse.json(201, o.toString());
  }

  /** {@code movie}, {@code episode} by ids, or {@code show} by ids with episode season/number. */
  private Optional<TraktTitle> title(JsonNode body) {
    if (body.has("movie")) {
      return catalogue.find(MediaType.MOVIE, TraktJson.ids(body.get("movie").get("ids")));
    }
    JsonNode episode = body.get("episode");
    if (episode == null) {
      return Optional.empty();
    }
    Map<String, String> ids = TraktJson.ids(episode.get("ids"));
    if (!ids.isEmpty()) {
      return catalogue.find(MediaType.EPISODE, ids);
    }
    if (!body.has("show")) {
      return Optional.empty();
    }
    return catalogue
        .find(MediaType.SHOW, TraktJson.ids(body.get("show").get("ids")))
        .flatMap(
            show ->
                catalogue.episode(
                    show, episode.path("season").asInt(-1), episode.path("number").asInt(-1)));
  }
}
