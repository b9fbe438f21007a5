package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.FuzzySearch;
import io.crosswatch.testkit.fake.LoopbackFake;
import io.crosswatch.testkit.fake.simkl.SimklTitle.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful fake of the SIMKL API on 127.0.0.1: per-user libraries (each title in one list, with
 * its plays and rating) behind SIMKL's headers, auth, response shapes ({@code null} for an empty
 * list, ids as strings), rate limits (10 GETs and 1 POST per second per token, 429 beyond) and its
 * trap: {@code POST /sync/history/remove} of a movie or show deletes the whole entry, rating too.
 * Scrobbles and paused playbacks (resume points) are modelled by {@link SimklScrobbles}.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * FakeTime time = FakeTime.standard();
 * try (FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start()) {
 *   SimklTitle movie = simkl.catalogue().generateMovies(1).get(0);
 *   simkl.user().addToList(movie, "plantowatch", time.instant());
 *   // point the adapter at simkl.baseUrl() with FakeSimklServer.CLIENT_ID / ACCESS_TOKEN
 * }
 * }</pre>
 */
public final class FakeSimklServer extends LoopbackFake<FakeSimklServer> {
  /** The client id ({@code simkl-api-key}) the fake accepts unless configured otherwise. */
  public static final String CLIENT_ID = "fake-simkl-client-id";

  /** The default user's access token. */
  public static final String ACCESS_TOKEN = "fake-simkl-access-token";

  private final String clientId;
  private final Clock clock;
  private final SimklCatalogue catalogue = new SimklCatalogue();
  private final Map<String, SimklUser> usersByToken = new ConcurrentHashMap<>();
  private final SimklRateLimiter limiter;
  private final SimklWrites writes;
  private final SimklScrobbles scrobbles;
  private final SimklUser defaultUser;
  private final SimklPins pins;

  private FakeSimklServer(Builder b) {
    super(b.clock);
    this.clientId = b.clientId;
    this.clock = b.clock;
    this.limiter = new SimklRateLimiter(b.getLimit, b.getWindow, b.postInterval, b.clock);
    this.writes = new SimklWrites(catalogue, b.clock);
    this.scrobbles = new SimklScrobbles(catalogue, b.clock);
    this.defaultUser = addUser("crosswatch", ACCESS_TOKEN);
    this.pins = new SimklPins(b.clock, defaultUser, usersByToken::put);
  }

  /** A builder with SIMKL's limits (10 GETs per second, 1 POST per second). */
  public static Builder builder() {
    return new Builder();
  }

  /** The titles this fake knows. */
  public SimklCatalogue catalogue() {
    return catalogue;
  }

  /** The default user (token {@link #ACCESS_TOKEN}). */
  public SimklUser user() {
    return defaultUser;
  }

  /** Adds another account reachable with {@code token}. */
  public SimklUser addUser(String username, String token) {
    SimklUser user = new SimklUser(username, clock);
    usersByToken.put(Objects.requireNonNull(token, "token"), user);
    return user;
  }

  /** Makes a token invalid (its requests answer 401 from now on). */
  public void revokeToken(String token) {
    usersByToken.remove(token);
  }

  /** The PIN login endpoints: when the user enters the code, which tokens were issued. */
  public SimklPins pins() {
    return pins;
  }

  /** How many requests were refused with 429 for going faster than the limits. */
  public long rateLimited() {
    return limiter.rejected();
  }

  @Override
  protected FakeResponse handle(FakeRequest request) {
    String key = request.header("simkl-api-key").or(() -> request.param("client_id")).orElse("");
    if (!key.equals(clientId)) {
      return FakeResponse.error(401, "client_id_failed");
    }
    if (request.header("user-agent").orElse("").isBlank()) {
      // Assumed status: SIMKL documents User-Agent as required, not what it answers without one.
      return FakeResponse.error(400, "user_agent_required");
    }
    if (request.method().equals("GET") && request.path().startsWith("/oauth/pin")) {
      String rest = request.path().substring("/oauth/pin".length()).replaceAll("^/|/$", "");
      return rest.isEmpty() ? pins.request() : pins.poll(rest);
    }
    String token = request.bearerToken().orElse("");
    SimklUser user = usersByToken.get(token);
    if (user == null) {
      return FakeResponse.error(401, "user_token_failed");
    }
    Optional<FakeResponse> limited = limiter.admit(token, !request.method().equals("GET"));
    if (limited.isPresent()) {
      return limited.get();
    }
    synchronized (user) {
      try {
        return route(user, request);
      } catch (JacksonException e) {
        return FakeResponse.error(400, "invalid JSON body");
      } catch (DateTimeParseException | NumberFormatException e) {
        return FakeResponse.error(400, "invalid value: " + e.getMessage());
      }
    }
  }

  private FakeResponse route(SimklUser user, FakeRequest request) {
    String path = request.path().replaceAll("/+$", "");
    if (request.method().equals("GET")) {
      return routeGet(user, request, path);
    }
    if (request.method().equals("DELETE") && path.startsWith("/sync/playback/")) {
      return scrobbles.delete(user, path.substring("/sync/playback/".length()));
    }
    if (!request.method().equals("POST")) {
      return FakeResponse.error(405, "method not allowed");
    }
    if (path.equals("/users/settings")) {
      return SimklReads.settings(user);
    }
    if (path.equals("/sync/activities")) {
      // Older SIMKL documentation shows this call as a POST; both are answered alike.
      return SimklReads.activities(user);
    }
    if (!request.header("content-type").orElse("").startsWith("application/json")) {
      return FakeResponse.error(400, "Content-Type must be application/json");
    }
    JsonNode body = SimklJson.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
    switch (path) {
      case "/sync/add-to-list":
        return writes.addToList(user, body);
      case "/sync/history":
        return writes.historyAdd(user, body);
      case "/sync/history/remove":
        return writes.historyRemove(user, body);
      case "/sync/ratings":
        return writes.ratingsAdd(user, body);
      case "/sync/ratings/remove":
        return writes.ratingsRemove(user, body);
      case "/scrobble/start":
      case "/scrobble/pause":
      case "/scrobble/stop":
        return scrobbles.scrobble(user, path.substring("/scrobble/".length()), body);
      default:
        return FakeResponse.error(404, "not found");
    }
  }

  private FakeResponse routeGet(SimklUser user, FakeRequest request, String path) {
    if (path.equals("/sync/activities")) {
      return SimklReads.activities(user);
    }
    String[] p = path.split("/");
    if (p.length == 3 && p[1].equals("search")) {
      return search(request, p[2]);
    }
    if (p.length == 3 && List.of("movies", "tv", "anime").contains(p[1])) {
      return scrobbles.details(p[1], p[2]);
    }
    if (p.length >= 3 && p.length <= 4 && p[1].equals("sync") && p[2].equals("playback")) {
      Optional<String> type = p.length == 4 ? Optional.of(p[3]) : Optional.empty();
      if (type.isPresent() && !List.of("movies", "episodes").contains(type.get())) {
        return FakeResponse.error(404, "unknown type " + type.get());
      }
      return scrobbles.playback(user, type);
    }
    if (p.length < 3 || !p[1].equals("sync") || !p[2].equals("all-items") || p.length > 5) {
      return FakeResponse.error(404, "not found");
    }
    Optional<Kind> type = Optional.empty();
    if (p.length > 3) {
      type = kindOf(p[3]);
      if (type.isEmpty()) {
        return FakeResponse.error(404, "unknown type " + p[3]);
      }
    }
    Optional<String> status = p.length > 4 ? Optional.of(p[4]) : Optional.empty();
    if (status.isPresent() && !SimklUser.STATUSES.contains(status.get())) {
      return FakeResponse.error(404, "unknown status " + status.get());
    }
    return SimklReads.allItems(user, request, type, status, faults().takeEmptyList(request));
  }

  /**
   * {@code GET /search/{movie|tv|anime}?q=}: titles of that library whose title contains the query
   * loosely (see {@link FuzzySearch}), as {@code [{"type", "title", "year", "ids"}]}.
   */
  private FakeResponse search(FakeRequest request, String segment) {
    Kind kind =
        switch (segment) {
          case "movie" -> Kind.MOVIE;
          case "tv" -> Kind.SHOW;
          case "anime" -> Kind.ANIME;
          default -> null;
        };
    if (kind == null) {
      return FakeResponse.error(404, "unknown search type " + segment);
    }
    String query = request.param("q").orElse("");
    ArrayNode rows = SimklJson.NODES.arrayNode();
    for (SimklTitle t : catalogue.all()) {
      if (t.kind() == kind && FuzzySearch.matches(query, t.title())) {
        ObjectNode row = SimklJson.media(t);
        row.put("type", kind == Kind.MOVIE ? "movie" : "tv");
        rows.add(row);
      }
    }
    return FakeResponse.json(200, rows.toString());
  }

  private static Optional<Kind> kindOf(String segment) {
    for (Kind k : Kind.values()) {
      if (k.group().equals(segment)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Configures a {@link FakeSimklServer}. */
  public static final class Builder {
    private String clientId = CLIENT_ID;
    private Clock clock = Clock.systemUTC();
    private int getLimit = 10;
    private Duration getWindow = Duration.ofSeconds(1);
    private Duration postInterval = Duration.ofSeconds(1);

    private Builder() {}

    /** The client id the fake accepts. */
    public Builder clientId(String value) {
      this.clientId = Objects.requireNonNull(value, "clientId");
      return this;
    }

    /** The clock for rate limits and default times; share a FakeTime with the client. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** GETs allowed per token and window (SIMKL: 10 per second). */
    public Builder getLimit(int limit, Duration window) {
      this.getLimit = limit;
      this.getWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Least time between two POSTs of one token (SIMKL: 1 s). */
    public Builder postInterval(Duration value) {
      this.postInterval = Objects.requireNonNull(value, "postInterval");
      return this;
    }

    public FakeSimklServer build() {
      return new FakeSimklServer(this);
    }
  }
}
