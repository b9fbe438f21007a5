package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items of a write body ({@code movies}, {@code shows} with optional nested {@code seasons} and
 * {@code episodes}, {@code seasons}, {@code episodes}) resolved against the catalogue.
 */
final class PostedItems {
  private static final List<String> FIELDS =
      List.of("watched_at", "rated_at", "rating", "listed_at", "notes");

  /** One resolved item with its fields (inner levels override outer ones). */
  record Posted(TraktTitle title, ObjectNode fields) {
    Optional<String> field(String name) {
      JsonNode v = fields.get(name);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
  }

  final List<Posted> found = new ArrayList<>();
  final ObjectNode notFound =
      TraktJson.notFound("movies", "shows", "seasons", "episodes", "people");
  private final TraktCatalogue catalogue;

  private PostedItems(TraktCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  static PostedItems parse(JsonNode body, TraktCatalogue catalogue) {
    PostedItems p = new PostedItems(catalogue);
    p.flat(body.get("movies"), MediaType.MOVIE, "movies");
    p.flat(body.get("seasons"), MediaType.SEASON, "seasons");
    p.flat(body.get("episodes"), MediaType.EPISODE, "episodes");
    for (JsonNode show : elements(body.get("shows"))) {
      p.show(show);
    }
    return p;
  }

  private void flat(JsonNode list, MediaType type, String group) {
    for (JsonNode item : elements(list)) {
      Optional<TraktTitle> t = catalogue.find(type, TraktJson.ids(item.get("ids")));
      if (t.isPresent()) {
        found.add(new Posted(t.get(), fields(TraktJson.NODES.objectNode(), item)));
      } else {
        ((ArrayNode) notFound.get(group)).add(item.deepCopy());
      }
    }
  }

  private void show(JsonNode item) {
    Optional<TraktTitle> show = catalogue.find(MediaType.SHOW, TraktJson.ids(item.get("ids")));
    if (show.isEmpty()) {
      ((ArrayNode) notFound.get("shows")).add(item.deepCopy());
      return;
    }
    ObjectNode showFields = fields(TraktJson.NODES.objectNode(), item);
    JsonNode seasons = item.get("seasons");
    if (seasons == null || !seasons.isArray()) {
      found.add(new Posted(show.get(), showFields));
      return;
    }
    for (JsonNode s : seasons) {
      season(show.get(), item, s, fields(showFields.deepCopy(), s));
    }
  }

  private void season(TraktTitle show, JsonNode showItem, JsonNode s, ObjectNode seasonFields) {
    int number = s.path("number").asInt(-1);
    JsonNode episodes = s.get("episodes");
    if (episodes == null || !episodes.isArray()) {
      Optional<TraktTitle> season = catalogue.season(show, number);
      if (season.isPresent()) {
        found.add(new Posted(season.get(), seasonFields));
      } else {
        missing(showItem, number, null);
      }
      return;
    }
    for (JsonNode e : episodes) {
      int episode = e.path("number").asInt(-1);
      Optional<TraktTitle> t = catalogue.episode(show, number, episode);
      if (t.isPresent()) {
        found.add(new Posted(t.get(), fields(seasonFields.deepCopy(), e)));
      } else {
        missing(showItem, number, episode);
      }
    }
  }

  /** Reports a missing season or episode of a known show as the show with just that number. */
  private void missing(JsonNode showItem, int season, Integer episode) {
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("ids", showItem.get("ids").deepCopy());
    ObjectNode s = o.putArray("seasons").addObject();
    s.put("number", season);
    if (episode != null) {
      s.putArray("episodes").addObject().put("number", episode);
    }
    ((ArrayNode) notFound.get("shows")).add(o);
  }

  private static ObjectNode fields(ObjectNode into, JsonNode item) {
    for (String f : FIELDS) {
      JsonNode v = item.get(f);
      if (v != null) {
        into.set(f, v.deepCopy());
      }
    }
    return into;
  }

  private static Iterable<JsonNode> elements(JsonNode list) {
    return list == null || !list.isArray() ? List.of() : list;
  }
}
