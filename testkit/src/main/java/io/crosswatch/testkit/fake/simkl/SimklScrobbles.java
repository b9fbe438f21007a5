package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scrobbling and playback progress on the fake SIMKL: {@code POST /scrobble/start|pause|stop} (one
 * item per call: {@code movie}, {@code show} + {@code episode}, or {@code anime} + {@code episode};
 * a stop at 80 % or more records the watch, below it saves a playback; the same title finished
 * twice within an hour answers 409), {@code GET /sync/playback[/movies|/episodes]}, {@code DELETE
 * /sync/playback/{id}} and the runtime lookups {@code GET /movies|tv|anime/{simkl id}}.
 */
final class SimklScrobbles {
  /** SIMKL's threshold: a stop at this percentage or more is a finished viewing. */
  static final double WATCHED_AT = 80.0;

  private final SimklCatalogue catalogue;
  private final Clock clock;

  SimklScrobbles(SimklCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** The item a scrobble names. */
  private record Target(SimklTitle title, int season, int number) {}

  FakeResponse scrobble(SimklUser user, String action, JsonNode body) {
    JsonNode progress = body.get("progress");
    double percent = progress != null && progress.isNumber() ? progress.asDouble() : 0.0;
    if (percent < 0 || percent > 100) {
      return FakeResponse.error(400, "progress must be between 0 and 100");
    }
    Optional<Target> target = target(body);
    if (target.isEmpty()) {
      return FakeResponse.error(404, "id_err");
    }
    Target t = target.get();
    String answered = action;
    long id;
    switch (action) {
      case "start":
        id = 0;
        break;
      case "pause":
        id = user.pause(t.title(), t.season(), t.number(), percent, clock.instant()).id();
        break;
      default:
        if (percent >= WATCHED_AT) {
          if (!user.finish(t.title(), t.season(), t.number(), clock.instant())) {
            return FakeResponse.error(409, "already scrobbled");
          }
          id = 0;
          answered = "scrobble";
        } else {
          id = user.pause(t.title(), t.season(), t.number(), percent, clock.instant()).id();
          answered = "pause";
        }
    }
    ObjectNode o = SimklJson.NODES.objectNode();
    o.put("id", id);
    o.put("action", answered);
    o.put("progress", percent);
    media(o, t);
    return FakeResponse.json(201, o.toString());
  }

  FakeResponse playback(SimklUser user, Optional<String> type) {
    List<SimklPlayback.Paused> all = new ArrayList<>(user.playback().all());
    all.sort(Comparator.comparing(SimklPlayback.Paused::pausedAt).reversed());
    ArrayNode rows = SimklJson.NODES.arrayNode();
    for (SimklPlayback.Paused p : all) {
      boolean wanted = type.map(t -> t.equals("episodes") == p.isEpisode()).orElse(true);
      if (!wanted) {
        continue;
      }
      ObjectNode o = rows.addObject();
      o.put("id", p.id());
      o.put("progress", p.progress());
      o.put("paused_at", SimklJson.time(p.pausedAt()));
      o.put("type", p.isEpisode() ? "episode" : "movie");
      media(o, new Target(p.title(), p.season(), p.number()));
    }
    return FakeResponse.json(200, rows.toString());
  }

  FakeResponse delete(SimklUser user, String id) {
    try {
      return user.deletePlayback(Long.parseLong(id))
          ? new FakeResponse(204, Map.of(), "")
          : FakeResponse.error(404, "playback not found");
    } catch (NumberFormatException e) {
      return FakeResponse.error(404, "playback not found");
    }
  }

  /** {@code GET /movies|tv|anime/{id}}: the title with its runtime in minutes. */
  FakeResponse details(String segment, String id) {
    Kind kind =
        switch (segment) {
          case "movies" -> Kind.MOVIE;
          case "tv" -> Kind.SHOW;
          case "anime" -> Kind.ANIME;
          default -> null;
        };
    Optional<SimklTitle> t =
        kind == null ? Optional.empty() : catalogue.bySimklId(kind, id.replaceAll("\\D", ""));
    if (t.isEmpty()) {
      return FakeResponse.error(404, "id_err");
    }
    ObjectNode o = SimklJson.media(t.get());
    Integer runtime = catalogue.runtime(t.get());
    if (runtime == null) {
      o.putNull("runtime");
    } else {
      o.put("runtime", runtime);
    }
    return FakeResponse.json(200, o.toString());
  }

  private void media(ObjectNode o, Target t) {
    if (t.title().isMovie()) {
      o.set("movie", SimklJson.media(t.title()));
      return;
    }
    o.set(t.title().kind() == Kind.ANIME ? "anime" : "show", SimklJson.media(t.title()));
    o.putObject("episode").put("season", t.season()).put("number", t.number());
  }

  private Optional<Target> target(JsonNode body) {
    if (body.has("movie")) {
      return catalogue
          .find(List.of(Kind.MOVIE), SimklJson.ids(body.get("movie").get("ids")))
          .map(t -> new Target(t, 0, 0));
    }
    JsonNode show = body.has("show") ? body.get("show") : body.get("anime");
    JsonNode episode = body.get("episode");
    if (show == null || episode == null) {
      return Optional.empty();
    }
    int season = episode.path("season").asInt(1);
    int number = episode.path("number").asInt(-1);
    return catalogue
        .find(List.of(Kind.SHOW, Kind.ANIME), SimklJson.ids(show.get("ids")))
        .filter(t -> t.hasEpisode(season, number))
        .map(t -> new Target(t, season, number));
  }
}
