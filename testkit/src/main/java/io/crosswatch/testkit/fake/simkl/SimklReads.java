package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's read endpoints. */
final class SimklReads {
  private static final List<String> FIELDS =
      List.of(
          "all",
          "rated_at",
          "plantowatch",
          "watching",
          "completed",
          "hold",
          "dropped",
          "removed_from_list",
          "playback");

  private SimklReads() {}

  /** {@code GET /sync/activities}: per group the time of its last change (null when none). */
  static FakeResponse activities(SimklUser user) {
    Map<String, Instant> acts = user.activities();
    ObjectNode o = SimklJson.NODES.objectNode();
    o.put("all", SimklJson.time(acts.get("all")));
    for (Kind kind : Kind.values()) {
      String group = SimklJson.activityGroup(kind);
      ObjectNode g = o.putObject(group);
      for (String field : FIELDS) {
        if (kind == Kind.MOVIE && (field.equals("watching") || field.equals("hold"))) {
          continue;
        }
        g.put(field, SimklJson.time(acts.get(group + "." + field)));
      }
    }
    return ok(o.toString());
  }

  /**
   * {@code GET /sync/all-items[/{type}[/{status}]]}: one key per type with its rows; the whole body
   * is {@code null} when nothing matches (or when {@code forceEmpty}).
   */
  static FakeResponse allItems(
      SimklUser user,
      FakeRequest request,
      Optional<Kind> type,
      Optional<String> status,
      boolean forceEmpty) {
    boolean full = request.param("extended").map(v -> v.startsWith("full")).orElse(false);
    boolean times = request.param("episode_watched_at").map("yes"::equals).orElse(false);
    ObjectNode body = SimklJson.NODES.objectNode();
    for (SimklUser.Entry e : forceEmpty ? List.<SimklUser.Entry>of() : user.entries()) {
      Kind kind = e.title().kind();
      if (type.map(t -> t == kind).orElse(true)
          && status.map(s -> s.equals(e.status())).orElse(true)) {
        ArrayNode rows =
            body.has(kind.group())
                ? (ArrayNode) body.get(kind.group())
                : body.putArray(kind.group());
        rows.add(SimklJson.row(e, full, times));
      }
    }
    return ok(body.isEmpty() ? "null" : body.toString());
  }

  /** {@code POST /users/settings}. */
  static FakeResponse settings(SimklUser user) {
    ObjectNode o = SimklJson.NODES.objectNode();
    o.putObject("user").put("name", user.username());
    o.putObject("account").put("id", Math.abs(user.username().hashCode())).put("type", "free");
    return ok(o.toString());
  }

  private static FakeResponse ok(String body) {
    return FakeResponse.json(200, body);
  }
}
