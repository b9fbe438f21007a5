package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's write endpoints, each answering with SIMKL's response shape (201). */
final class SimklWrites {
  private static final List<Kind> MOVIES = List.of(Kind.MOVIE);
  private static final List<Kind> SHOWS = List.of(Kind.SHOW, Kind.ANIME);

  private final SimklCatalogue catalogue;
  private final Clock clock;

  SimklWrites(SimklCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  FakeResponse addToList(SimklUser user, JsonNode body) {
    for (JsonNode item : all(body)) {
      if (!item.path("to").isString() || !SimklUser.STATUSES.contains(item.get("to").asString())) {
        return FakeResponse.error(400, "empty_field");
      }
    }
    ObjectNode added = SimklJson.NODES.objectNode();
    ArrayNode addedMovies = added.putArray("movies");
    ArrayNode addedShows = added.putArray("shows");
    ObjectNode notFound =
        resolve(
            body,
            (t, item) -> {
              user.addToList(t, item.get("to").asString(), clock.instant());
              ObjectNode echo = SimklJson.NODES.objectNode();
              echo.put("to", item.get("to").asString());
              echo.set("ids", item.path("ids").deepCopy());
              echo.put("type", t.isMovie() ? "movie" : "show");
              (t.isMovie() ? addedMovies : addedShows).add(echo);
            });
    return created("added", added, notFound);
  }

  FakeResponse historyAdd(SimklUser user, JsonNode body) {
    int[] counts = new int[3];
    ObjectNode notFound =
        resolve(
            body,
            (t, item) -> {
              Instant at = time(item.get("watched_at")).orElseGet(clock::instant);
              if (t.isMovie()) {
                user.watchMovie(t, at);
                counts[0]++;
                return;
              }
              counts[1]++;
              episodes(t, item, at, (s, e) -> user.watchEpisode(t, s[0], s[1], e), counts);
            });
    return created("added", counts(counts), notFound);
  }

  FakeResponse historyRemove(SimklUser user, JsonNode body) {
    int[] counts = new int[3];
    ObjectNode notFound =
        resolve(
            body,
            (t, item) -> {
              if (t.isMovie() || (!item.has("seasons") && !item.has("episodes"))) {
                // The trap: a title without seasons or episodes is deleted whole, rating included.
                if (user.delete(t)) {
                  counts[t.isMovie() ? 0 : 1]++;
                }
                return;
              }
              episodes(
                  t,
                  item,
                  null,
                  (s, e) -> {
                    if (user.unwatchEpisode(t, s[0], s[1])) {
                      counts[2]++;
                    }
                  },
                  new int[3]);
            });
    return created("deleted", counts(counts), notFound);
  }

  FakeResponse ratingsAdd(SimklUser user, JsonNode body) {
    int[] counts = new int[3];
    ObjectNode notFound =
        resolve(
            body,
            (t, item) -> {
              JsonNode r = item.get("rating");
              // Documented: out-of-range ratings are silently ignored.
              if (r != null && r.isIntegralNumber() && r.asInt() >= 1 && r.asInt() <= 10) {
                user.rate(t, r.asInt(), time(item.get("rated_at")).orElseGet(clock::instant));
                counts[t.isMovie() ? 0 : 1]++;
              }
            });
    return created("added", counts(counts), notFound);
  }

  FakeResponse ratingsRemove(SimklUser user, JsonNode body) {
    int[] counts = new int[3];
    ObjectNode notFound =
        resolve(
            body,
            (t, item) -> {
              user.unrate(t);
              counts[t.isMovie() ? 0 : 1]++;
            });
    return created("deleted", counts(counts), notFound);
  }

  /** Applies {@code action} to each posted title found; returns the {@code not_found} object. */
  private ObjectNode resolve(JsonNode body, BiConsumer<SimklTitle, JsonNode> action) {
    ObjectNode notFound = SimklJson.notFound();
    for (String key : List.of("movies", "shows", "anime")) {
      for (JsonNode item : elements(body.get(key))) {
        Optional<SimklTitle> t =
            catalogue.find(key.equals("movies") ? MOVIES : SHOWS, SimklJson.ids(item.get("ids")));
        if (t.isPresent()) {
          action.accept(t.get(), item);
        } else {
          // Documented: unresolved anime are reported under shows.
          ((ArrayNode) notFound.get(key.equals("movies") ? "movies" : "shows"))
              .add(item.deepCopy());
        }
      }
    }
    return notFound;
  }

  /** Visits the episodes an item names (seasons[].episodes[], or a whole season, or all). */
  private void episodes(
      SimklTitle t, JsonNode item, Instant at, BiConsumer<int[], Instant> visit, int[] counts) {
    JsonNode seasons = item.get("seasons");
    if (seasons == null || !seasons.isArray()) {
      seasons = SimklJson.NODES.arrayNode();
      for (int s = 1; s <= t.seasons(); s++) {
        ((ArrayNode) seasons).addObject().put("number", s);
      }
    }
    for (JsonNode s : seasons) {
      int season = s.path("number").asInt(-1);
      JsonNode episodes = s.get("episodes");
      List<JsonNode> list = new ArrayList<>();
      if (episodes == null || !episodes.isArray()) {
        for (int e = 1; e <= t.episodesPerSeason(); e++) {
          list.add(SimklJson.NODES.objectNode().put("number", e));
        }
      } else {
        episodes.forEach(list::add);
      }
      for (JsonNode e : list) {
        int number = e.path("number").asInt(-1);
        if (t.hasEpisode(season, number)) {
          Instant when = at == null ? null : time(e.get("watched_at")).orElse(at);
          visit.accept(new int[] {season, number}, when);
          counts[2]++;
        }
      }
    }
  }

  private static ObjectNode counts(int[] counts) {
    ObjectNode o = SimklJson.NODES.objectNode();
    o.put("movies", counts[0]);
    o.put("shows", counts[1]);
    o.put("episodes", counts[2]);
    return o;
  }

  private static FakeResponse created(String name, ObjectNode result, ObjectNode notFound) {
    ObjectNode o = SimklJson.NODES.objectNode();
    o.set(name, result);
    o.set("not_found", notFound);
    return FakeResponse.json(201, o.toString());
  }

  private static List<JsonNode> all(JsonNode body) {
    List<JsonNode> out = new ArrayList<>();
    for (String key : List.of("movies", "shows", "anime")) {
      elements(body.get(key)).forEach(out::add);
    }
    return out;
  }

  private static Iterable<JsonNode> elements(JsonNode list) {
    return list == null || !list.isArray() ? List.of() : list;
  }

  private static Optional<Instant> time(JsonNode v) {
    if (v == null || !v.isString()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v.asString()));
    } catch (DateTimeParseException e) {
      return Optional.of(OffsetDateTime.parse(v.asString()).toInstant());
    }
  }
}
