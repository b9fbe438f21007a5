package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake Plex Media Server's endpoints. */
final class ServerRoutes {
  static final String IDENTIFIER = "com.plexapp.plugins.library";

  private final PlexCatalogue catalogue;
  private final Function<FakeRequest, PlexUser> auth;
  private final Clock clock;
  private final String machineIdentifier;
  private final String version;
  private final int pageCap;
  private final PlaylistRoutes playlists;
  private final PlexSessions sessions;

  ServerRoutes(
      PlexCatalogue catalogue,
      Function<FakeRequest, PlexUser> auth,
      Clock clock,
      String machineIdentifier,
      String version,
      int pageCap,
      PlexSessions sessions) {
    this.sessions = sessions;
    this.catalogue = catalogue;
    this.auth = auth;
    this.clock = clock;
    this.machineIdentifier = machineIdentifier;
    this.version = version;
    this.pageCap = pageCap;
    this.playlists = new PlaylistRoutes(catalogue, clock, machineIdentifier, pageCap);
  }

  FakeResponse handle(FakeRequest r) {
    if (!PlexJson.wantsJson(r)) {
      return PlexJson.xml();
    }
    if (r.path().equals("/identity")) {
      return identity();
    }
    PlexUser user = auth.apply(r);
    if (user == null) {
      return FakeResponse.error(401, "Unauthorized");
    }
    String[] p = r.path().replaceAll("/+$", "").split("/");
    switch (r.path()) {
      case "/:/scrobble":
      case "/:/unscrobble":
        return getOrPut(r) ? played(user, r, r.path().equals("/:/scrobble")) : notAllowed();
      case "/:/rate":
        return r.method().equals("PUT") ? rate(user, r) : notAllowed();
      case "/library/sections":
        return r.method().equals("GET") ? sections() : notAllowed();
      case "/status/sessions":
        return r.method().equals("GET") ? PlexJson.ok(sessions.statusSessions()) : notAllowed();
      case "/:/timeline":
      case "/:/progress":
        return getOrPut(r) || r.method().equals("POST") ? progress(user, r) : notAllowed();
      default:
        break;
    }
    if (p.length >= 2 && p[1].equals("playlists")) {
      return playlists.handle(user, r, p);
    }
    if (!r.method().equals("GET")) {
      return notAllowed();
    }
    if (p.length == 5 && p[1].equals("library") && p[2].equals("sections") && p[4].equals("all")) {
      return all(user, r, p[3]);
    }
    if (p.length == 4 && p[1].equals("library") && p[2].equals("metadata")) {
      return catalogue
          .byRatingKey(p[3])
          .map(t -> one(PlexJson.libraryEntry(t, user.state(t), true)))
          .orElseGet(() -> FakeResponse.error(404, "Not Found"));
    }
    return FakeResponse.error(404, "Not Found");
  }

  private FakeResponse identity() {
    ObjectNode c = PlexJson.NODES.objectNode();
    c.put("size", 0);
    c.put("claimed", true);
    c.put("machineIdentifier", machineIdentifier);
    c.put("version", version);
    return PlexJson.ok(c);
  }

  private FakeResponse sections() {
    ObjectNode c = PlexJson.NODES.objectNode();
    List<PlexSection> all = catalogue.sections();
    c.put("size", all.size());
    ArrayNode dirs = c.putArray("Directory");
    for (PlexSection s : all) {
      ObjectNode d = dirs.addObject();
      d.put("key", s.key());
      d.put("type", s.type());
      d.put("title", s.title());
      d.put("uuid", s.uuid());
      d.put("agent", s.type().equals("movie") ? "tv.plex.agents.movie" : "tv.plex.agents.series");
    }
    return PlexJson.ok(c);
  }

  private FakeResponse all(PlexUser user, FakeRequest r, String sectionKey) {
    Optional<PlexSection> section = catalogue.section(sectionKey);
    if (section.isEmpty()) {
      return FakeResponse.error(404, "Not Found");
    }
    String type = r.param("type").orElse(section.get().type().equals("movie") ? "1" : "2");
    MediaType wanted;
    switch (type) {
      case "1":
        wanted = MediaType.MOVIE;
        break;
      case "2":
        wanted = MediaType.SHOW;
        break;
      case "4":
        wanted = MediaType.EPISODE;
        break;
      default:
        wanted = null;
    }
    boolean guids = r.param("includeGuids").map("1"::equals).orElse(false);
    List<ObjectNode> rows = new ArrayList<>();
    if (wanted != null) {
      for (PlexTitle t : catalogue.titles(sectionKey, wanted)) {
        rows.add(PlexJson.libraryEntry(t, user.state(t), guids));
      }
    }
    return PlexJson.page(r, rows, pageCap);
  }

  private FakeResponse played(PlexUser user, FakeRequest r, boolean played) {
    Optional<PlexTitle> title = target(r);
    if (title.isEmpty()) {
      return badKey(r);
    }
    List<PlexTitle> targets =
        title.get().type() == MediaType.SHOW
            ? catalogue.episodes(title.get())
            : List.of(title.get());
    for (PlexTitle t : targets) {
      if (played) {
        user.play(t, clock.instant());
      } else {
        user.unplay(t);
      }
    }
    return new FakeResponse(200, java.util.Map.of(), "");
  }

  /**
   * A client's playback report ({@code /:/timeline?ratingKey=&key=&time=&state=&duration=} or
   * {@code /:/progress?key=&time=&state=}): a stopped or paused position becomes the resume point;
   * at 90 % or more the title counts as watched instead (the server's default threshold). Time 0
   * changes nothing, as on Plex.
   */
  private FakeResponse progress(PlexUser user, FakeRequest r) {
    boolean timeline = r.path().equals("/:/timeline");
    Optional<String> key = timeline ? r.param("ratingKey") : r.param("key");
    if (!r.param("identifier").map(IDENTIFIER::equals).orElse(false)) {
      return FakeResponse.error(400, "identifier must be " + IDENTIFIER);
    }
    Optional<PlexTitle> title = key.flatMap(catalogue::byRatingKey);
    if (title.isEmpty()) {
      return FakeResponse.error(404, "Not Found");
    }
    if (timeline && !r.param("key").map(("/library/metadata/" + key.get())::equals).orElse(false)) {
      return FakeResponse.error(400, "key must be /library/metadata/" + key.get());
    }
    long time;
    try {
      time = Long.parseLong(r.param("time").orElse(""));
    } catch (NumberFormatException e) {
      return FakeResponse.error(400, "time must be milliseconds");
    }
    String state = r.param("state").orElse("stopped");
    long duration = title.get().type() == MediaType.MOVIE ? PlexJson.MOVIE_MS : PlexJson.EPISODE_MS;
    if (time > 0 && (state.equals("stopped") || state.equals("paused"))) {
      if (time >= duration * 9 / 10) {
        user.play(title.get(), clock.instant());
      } else {
        user.stopAt(title.get(), time, clock.instant());
      }
    }
    return new FakeResponse(200, java.util.Map.of(), "");
  }

  private FakeResponse rate(PlexUser user, FakeRequest r) {
    Optional<PlexTitle> title = target(r);
    if (title.isEmpty()) {
      return badKey(r);
    }
    double rating;
    try {
      rating = Double.parseDouble(r.param("rating").orElse(""));
    } catch (NumberFormatException e) {
      return FakeResponse.error(400, "rating must be a number");
    }
    if (rating == -1) {
      user.rate(title.get(), null, clock.instant());
    } else if (rating >= 0 && rating <= 10) {
      user.rate(title.get(), rating, clock.instant());
    } else {
      return FakeResponse.error(400, "rating must be within 0..10 or -1");
    }
    return new FakeResponse(200, java.util.Map.of(), "");
  }

  private Optional<PlexTitle> target(FakeRequest r) {
    if (!r.param("identifier").map(IDENTIFIER::equals).orElse(false)) {
      return Optional.empty();
    }
    return r.param("key").flatMap(catalogue::byRatingKey);
  }

  private static FakeResponse badKey(FakeRequest r) {
    if (!r.param("identifier").map(IDENTIFIER::equals).orElse(false)) {
      return FakeResponse.error(400, "identifier must be " + IDENTIFIER);
    }
    return FakeResponse.error(404, "Not Found");
  }

  private static boolean getOrPut(FakeRequest r) {
    return r.method().equals("GET") || r.method().equals("PUT");
  }

  private static FakeResponse notAllowed() {
    return FakeResponse.error(405, "Method Not Allowed");
  }

  private static FakeResponse one(ObjectNode entry) {
    ObjectNode c = PlexJson.NODES.objectNode();
    c.put("size", 1);
    c.putArray("Metadata").add(entry);
    return PlexJson.ok(c);
  }
}
