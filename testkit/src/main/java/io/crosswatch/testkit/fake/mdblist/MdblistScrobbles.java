package io.crosswatch.testkit.fake.mdblist;

import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /scrobble/start|pause|stop} on the fake MDBList, in the Trakt-like shape open-source
 * clients send (MDBList's own documentation of it was not found): {@code {"movie": {"ids"}}} or
 * {@code {"show": {"ids", "season": {"number", "episode": {"number"}}}}} with {@code progress}. A
 * stop at 80 % or more records a play (assumed threshold, as Trakt's); the same play again within
 * an hour answers 409 (assumed, as Trakt). Every accepted call is kept for tests to inspect.
 */
public final class MdblistScrobbles {
  static final double WATCHED_AT = 80.0;
  private static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);

  /** One accepted scrobble call. */
  public record Call(
      String action,
      MdblistTitle title,
      Integer season,
      Integer number,
      double progress,
      Instant at) {}

  private final MdblistCatalogue catalogue;
  private final Clock clock;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Instant> finished = new HashMap<>();

  MdblistScrobbles(MdblistCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** Every accepted call, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized FakeResponse scrobble(MdblistUser user, String action, JsonNode body) {
    JsonNode progress = body.get("progress");
    if (progress == null || !progress.isNumber()) {
      return FakeResponse.error(400, "progress is required");
    }
    double percent = progress.asDouble();
    boolean show = body.has("show");
    JsonNode media = show ? body.get("show") : body.get("movie");
    if (media == null) {
      return FakeResponse.error(400, "movie or show is required");
    }
    Optional<MdblistTitle> t =
        catalogue.find(show, ids(media.get("ids")), List.of("imdb", "tmdb", "tvdb"));
    Integer season = show ? media.path("season").path("number").asInt() : null;
    Integer number = show ? media.path("season").path("episode").path("number").asInt() : null;
    if (t.isEmpty()) {
      return FakeResponse.error(404, "item not found");
    }
    Instant now = clock.instant();
    String answered = action;
    if (action.equals("stop") && percent >= WATCHED_AT) {
      String key = t.get().key() + "|" + season + ":" + number;
      Instant last = finished.get(key);
      if (last != null && !now.isAfter(last.plus(DUPLICATE_WINDOW))) {
        return FakeResponse.error(409, "already scrobbled");
      }
      finished.put(key, now);
      user.play(t.get(), season, number, now);
      answered = "scrobble";
    }
    calls.add(new Call(action, t.get(), season, number, percent, now));
    ObjectNode o = MdblistHandlers.MAPPER.createObjectNode();
    o.put("action", answered);
    o.put("progress", percent);
    return FakeResponse.json(201, o.toString());
  }

  private static Map<String, String> ids(JsonNode o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o != null && o.isObject()) {
      for (String kind : List.of("imdb", "tmdb", "tvdb")) {
        JsonNode v = o.get(kind);
        if (v != null && (v.isNumber() || v.isString())) {
          out.put(kind, v.asString());
        }
      }
    }
    return out;
  }
}
