package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders the fake's titles in Plex's JSON shapes ({@code MediaContainer}) and pages lists. */
final class PlexJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The running time ({@code duration}, ms) of every fake movie: 2 hours. */
  static final long MOVIE_MS = 7_200_000L;

  /** The running time of every fake episode: 45 minutes. */
  static final long EPISODE_MS = 2_700_000L;

  private PlexJson() {}

  /** {@code {"MediaContainer": container}} as a 200 answer. */
  static FakeResponse ok(ObjectNode container) {
    ObjectNode root = NODES.objectNode();
    root.set("MediaContainer", container);
    return FakeResponse.json(200, root.toString());
  }

  /** An answer for clients that did not ask for JSON: Plex then speaks XML. */
  static FakeResponse xml() {
    return new FakeResponse(
        200,
        Map.of("Content-Type", "text/xml;charset=utf-8"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"0\"/>\n");
  }

  /** Whether the request asked for JSON. */
  static boolean wantsJson(FakeRequest r) {
    return r.header("accept").map(a -> a.contains("application/json")).orElse(false);
  }

  /**
   * One page of {@code rows} as asked for by {@code X-Plex-Container-Start}/{@code -Size} (headers
   * or query parameters); no size means everything. Pages are capped at {@code pageCap}.
   */
  static FakeResponse page(FakeRequest r, List<ObjectNode> rows, int pageCap) {
    int start = Math.max(0, number(r, "X-Plex-Container-Start").orElse(0));
    int size = Math.min(pageCap, number(r, "X-Plex-Container-Size").orElse(Integer.MAX_VALUE));
    int from = Math.min(start, rows.size());
    int to = (int) Math.min(rows.size(), (long) from + Math.max(0, size));
    ObjectNode c = NODES.objectNode();
    c.put("size", to - from);
    c.put("totalSize", rows.size());
    c.put("offset", from);
    ArrayNode metadata = c.putArray("Metadata");
    rows.subList(from, to).forEach(metadata::add);
    return ok(c)
        .withHeader("X-Plex-Container-Start", Integer.toString(from))
        .withHeader("X-Plex-Container-Total-Size", Integer.toString(rows.size()));
  }

  private static Optional<Integer> number(FakeRequest r, String name) {
    Optional<String> v = r.header(name).or(() -> r.param(name));
    try {
      return v.map(s -> Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A library entry with the user's view state; {@code Guid} children only when asked for. */
  static ObjectNode libraryEntry(PlexTitle t, PlexUser.ViewState s, boolean guids) {
    ObjectNode o = NODES.objectNode();
    o.put("ratingKey", t.ratingKey());
    o.put("key", "/library/metadata/" + t.ratingKey());
    o.put("guid", t.guid());
    o.put("type", t.type().key());
    o.put("title", t.title());
    o.put("librarySectionID", Integer.parseInt(t.section()));
    if (t.type() == MediaType.MOVIE || t.type() == MediaType.EPISODE) {
      o.put("duration", t.type() == MediaType.MOVIE ? MOVIE_MS : EPISODE_MS);
    }
    if (t.type() == MediaType.EPISODE) {
      o.put("grandparentRatingKey", t.show().ratingKey());
      o.put("grandparentGuid", t.show().guid());
      o.put("grandparentTitle", t.show().title());
      o.put("parentIndex", t.season());
      o.put("index", t.number());
    } else {
      o.put("year", t.year());
    }
    if (s.viewCount() > 0) {
      o.put("viewCount", s.viewCount());
    }
    if (s.lastViewedAt() != null) {
      o.put("lastViewedAt", s.lastViewedAt().getEpochSecond());
    }
    if (s.viewOffset() > 0) {
      o.put("viewOffset", s.viewOffset());
    }
    if (s.userRating() != null) {
      o.put("userRating", s.userRating());
      o.put("lastRatedAt", s.ratedAt().getEpochSecond());
    }
    if (guids) {
      guids(o, t);
    }
    return o;
  }

  /** A Discover entry: hex rating key, {@code plex://} guid; {@code Guid} children when asked. */
  static ObjectNode discoverEntry(PlexTitle t, Instant watchlistedAt, boolean guids) {
    ObjectNode o = NODES.objectNode();
    o.put("ratingKey", t.discoverKey());
    o.put("key", "/library/metadata/" + t.discoverKey());
    o.put("guid", t.guid());
    o.put("type", t.type().key());
    o.put("title", t.title());
    o.put("year", t.year());
    if (watchlistedAt != null) {
      o.put("watchlistedAt", watchlistedAt.getEpochSecond());
    }
    if (guids) {
      guids(o, t);
    }
    return o;
  }

  private static void guids(ObjectNode o, PlexTitle t) {
    ArrayNode g = o.putArray("Guid");
    t.externalGuids().forEach(id -> g.addObject().put("id", id));
  }
}
