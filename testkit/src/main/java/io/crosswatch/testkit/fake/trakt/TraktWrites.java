package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's write endpoints, each answering with Trakt's response shape. */
final class TraktWrites {
  private static final List<String> ALL_GROUPS = List.of("movies", "shows", "seasons", "episodes");
  private static final List<String> PLAY_GROUPS = List.of("movies", "episodes");

  private final TraktCatalogue catalogue;
  private final Clock clock;

  TraktWrites(TraktCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  FakeResponse watchlistAdd(TraktUser user, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Set<String> fresh = new LinkedHashSet<>();
    for (PostedItems.Posted p : posted.found) {
      if (!user.onWatchlist(p.title())) {
        fresh.add(p.title().key());
      }
    }
    if (user.watchlist().size() + fresh.size() > user.watchlistLimit()) {
      // Assumed all-or-nothing: nothing of an over-limit request is added.
      return FakeResponse.error(420, "account limit exceeded")
          .withHeader("X-Account-Limit", Integer.toString(user.watchlistLimit()))
          .withHeader("X-Upgrade-URL", "https://trakt.tv/vip");
    }
    Map<String, Integer> added = zeros(ALL_GROUPS);
    Map<String, Integer> existing = zeros(ALL_GROUPS);
    for (PostedItems.Posted p : posted.found) {
      Instant at = time(p, "listed_at");
      boolean isNew = user.addToWatchlist(p.title(), at);
      (isNew ? added : existing).merge(p.title().group(), 1, Integer::sum);
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("added", TraktJson.counts(added));
    o.set("existing", TraktJson.counts(existing));
    o.set("not_found", posted.notFound);
    o.set("list", listInfo(user));
    return created(o);
  }

  FakeResponse watchlistRemove(TraktUser user, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    ObjectNode o = removeEach(posted, user::removeFromWatchlist);
    o.set("list", listInfo(user));
    return ok(o);
  }

  FakeResponse historyAdd(TraktUser user, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Map<String, Integer> added = zeros(PLAY_GROUPS);
    for (PostedItems.Posted p : posted.found) {
      Instant at = time(p, "watched_at");
      for (TraktTitle t : playable(p.title())) {
        user.addPlay(t, at);
        added.merge(t.group(), 1, Integer::sum);
      }
      if (p.title().type() == MediaType.SHOW || p.title().type() == MediaType.SEASON) {
        user.removeFromWatchlist(p.title());
      }
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("added", TraktJson.counts(added));
    o.set("not_found", posted.notFound);
    return created(o);
  }

  FakeResponse historyRemove(TraktUser user, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Map<String, Integer> deleted = zeros(PLAY_GROUPS);
    for (PostedItems.Posted p : posted.found) {
      for (TraktTitle t : playable(p.title())) {
        deleted.merge(t.group(), user.removePlaysOf(t), Integer::sum);
      }
    }
    ArrayNode missingIds = posted.notFound.putArray("ids");
    for (JsonNode id : elements(body.get("ids"))) {
      TraktTitle title = playTitle(user, id.asLong(-1));
      if (title != null && user.removePlay(id.asLong())) {
        deleted.merge(title.group(), 1, Integer::sum);
      } else {
        missingIds.add(id.deepCopy());
      }
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("deleted", TraktJson.counts(deleted));
    o.set("not_found", posted.notFound);
    return ok(o);
  }

  FakeResponse ratingsAdd(TraktUser user, JsonNode body) {
    PostedItems posted = PostedItems.parse(body, catalogue);
    Map<String, Integer> added = zeros(ALL_GROUPS);
    for (PostedItems.Posted p : posted.found) {
      int rating = p.fields().path("rating").asInt(0);
      if (!p.fields().path("rating").isIntegralNumber() || rating < 1 || rating > 10) {
        // Assumed: Trakt skips items without a valid rating; the fake lists them as not found.
        ((ArrayNode) posted.notFound.get(p.title().group())).add(echo(p));
        continue;
      }
      user.rate(p.title(), rating, time(p, "rated_at"));
      added.merge(p.title().group(), 1, Integer::sum);
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("added", TraktJson.counts(added));
    o.set("not_found", posted.notFound);
    return created(o);
  }

  FakeResponse ratingsRemove(TraktUser user, JsonNode body) {
    return ok(removeEach(PostedItems.parse(body, catalogue), user::removeRating));
  }

  /** Removes each posted title; the answer counts those removed per group under {@code deleted}. */
  private static ObjectNode removeEach(PostedItems posted, Predicate<TraktTitle> remove) {
    Map<String, Integer> deleted = zeros(ALL_GROUPS);
    for (PostedItems.Posted p : posted.found) {
      if (remove.test(p.title())) {
        deleted.merge(p.title().group(), 1, Integer::sum);
      }
    }
    ObjectNode o = TraktJson.NODES.objectNode();
    o.set("deleted", TraktJson.counts(deleted));
    o.set("not_found", posted.notFound);
    return o;
  }

  /** Movies and episodes are played as they are; a show or season means all its episodes. */
  private List<TraktTitle> playable(TraktTitle t) {
    switch (t.type()) {
      case SHOW:
        return catalogue.episodes(t, null);
      case SEASON:
        return catalogue.episodes(t.show(), t.season());
      default:
        return List.of(t);
    }
  }

  private static TraktTitle playTitle(TraktUser user, long playId) {
    for (TraktUser.Play p : user.plays()) {
      if (p.id() == playId) {
        return p.title();
      }
    }
    return null;
  }

  private static ObjectNode echo(PostedItems.Posted p) {
    ObjectNode o = TraktJson.NODES.objectNode();
    o.putObject("ids").put("trakt", p.title().trakt());
    o.setAll(p.fields());
    return o;
  }

  private Instant time(PostedItems.Posted p, String field) {
    return p.field(field).map(TraktWrites::parseTime).orElseGet(clock::instant);
  }

  private static Instant parseTime(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private static ObjectNode listInfo(TraktUser user) {
    ObjectNode list = TraktJson.NODES.objectNode();
    Instant updated = user.lastActivity("watchlist.updated_at");
    list.put("updated_at", updated == null ? null : TraktJson.time(updated));
    list.put("item_count", user.watchlist().size());
    return list;
  }

  private static Map<String, Integer> zeros(List<String> groups) {
    Map<String, Integer> m = new LinkedHashMap<>();
    groups.forEach(g -> m.put(g, 0));
    return m;
  }

  private static Iterable<JsonNode> elements(JsonNode list) {
    return list == null || !list.isArray() ? new ArrayList<>() : list;
  }

  private static FakeResponse created(JsonNode body) {
    return FakeResponse.json(201, body.toString());
  }

  private static FakeResponse ok(JsonNode body) {
    return FakeResponse.json(200, body.toString());
  }
}
