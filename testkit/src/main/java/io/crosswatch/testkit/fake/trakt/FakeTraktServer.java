package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.LoopbackFake;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A stateful fake of the Trakt API on 127.0.0.1: per-user watchlist, history, ratings, personal
 * lists (with the free account's caps) and playback progress behind Trakt's headers, auth,
 * pagination, response shapes, account limits, rate limits and traps (history is never
 * de-duplicated; a play takes the title off the watchlist), plus the OAuth endpoints ({@link
 * #oauth()}: device flow, expiring tokens, single-use refresh tokens) and writes that take effect
 * but answer an error ({@link #failAfterApplying}).
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * FakeTime time = FakeTime.standard();
 * try (FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start()) {
 *   List<TraktTitle> movies = trakt.catalogue().generateMovies(3);
 *   trakt.user().addToWatchlist(movies.get(0), time.instant());
 *   // point the adapter at trakt.baseUrl() with FakeTraktServer.CLIENT_ID / ACCESS_TOKEN
 * }
 * }</pre>
 */
public final class FakeTraktServer extends LoopbackFake<FakeTraktServer> {
  /** The api key ({@code trakt-api-key}) the fake accepts unless configured otherwise. */
  public static final String CLIENT_ID = "fake-trakt-client-id";

  /** The client secret the fake's OAuth endpoints accept unless configured otherwise. */
  public static final String CLIENT_SECRET = "fake-trakt-client-secret";

  /** The default user's access token; it never expires, but a refresh replaces it. */
  public static final String ACCESS_TOKEN = "fake-trakt-access-token";

  /** The default user's refresh token (single use, like every refresh token). */
  public static final String REFRESH_TOKEN = "fake-trakt-refresh-token";

  private final String clientId;
  private final Clock clock;
  private final int defaultWatchlistLimit;
  private final TraktCatalogue catalogue = new TraktCatalogue();
  private final Map<String, TraktUser> usersByToken = new ConcurrentHashMap<>();
  private final TraktRateLimiter limiter;
  private final TraktReads reads;
  private final TraktWrites writes;
  private final TraktListRoutes lists;
  private final TraktPlaybackRoutes playback;
  private final TraktUser defaultUser;
  private final TraktOAuth oauth;
  private final AppliedFaults appliedFaults = new AppliedFaults();

  private FakeTraktServer(Builder b) {
    super(b.clock);
    this.clientId = b.clientId;
    this.clock = b.clock;
    this.defaultWatchlistLimit = b.watchlistLimit;
    this.limiter = new TraktRateLimiter(b.writeInterval, b.getLimit, b.getWindow, b.clock);
    TraktJson json = new TraktJson(b.stringIds);
    this.reads = new TraktReads(json, b.clock.instant(), b.pageCap);
    this.writes = new TraktWrites(catalogue, b.clock);
    this.lists = new TraktListRoutes(catalogue, json, reads);
    this.playback =
        new TraktPlaybackRoutes(catalogue, json, reads, b.clock, b.scrobbleDuplicateWindow);
    this.defaultUser = addUser("crosswatch", ACCESS_TOKEN);
    this.oauth =
        new TraktOAuth(
            b.clientId, b.clientSecret, b.clock, b.tokenLifetime, defaultUser, usersByToken);
    oauth.linkRefreshToken(REFRESH_TOKEN, defaultUser, ACCESS_TOKEN);
  }

  /** A builder with Trakt's real limits (1 write/s, 1000 GETs per 5 min, watchlist 100). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The config's {@code "trakt"} block (key included) of an instance signed in to this fake as its
   * default user: {@link #CLIENT_ID}, {@link #ACCESS_TOKEN} and this fake's base URL.
   */
  public String configBlock() {
    return "\"trakt\": {\"client_id\": \""
        + CLIENT_ID
        + "\", \"access_token\": \""
        + ACCESS_TOKEN
        + "\", \"base_url\": \""
        + baseUrl()
        + "\"}";
  }

  /** The titles this fake knows. */
  public TraktCatalogue catalogue() {
    return catalogue;
  }

  /** The default user (token {@link #ACCESS_TOKEN}). */
  public TraktUser user() {
    return defaultUser;
  }

  /** Adds another account reachable with {@code token}. */
  public TraktUser addUser(String username, String token) {
    TraktUser user = new TraktUser(username, clock, defaultWatchlistLimit);
    usersByToken.put(Objects.requireNonNull(token, "token"), user);
    return user;
  }

  /** Makes a token invalid (its requests answer 401 from now on). */
  public void revokeToken(String token) {
    usersByToken.remove(token);
    oauth.revoke(token);
  }

  /** The OAuth side: device codes, issued tokens, expiry and refresh-token rotation. */
  public TraktOAuth oauth() {
    return oauth;
  }

  /**
   * The next {@code count} writes (POST) whose path starts with {@code pathPrefix} take effect and
   * then answer {@code status} (e.g. 502): the client cannot tell whether they were applied.
   */
  public void failAfterApplying(int count, int status, String pathPrefix) {
    appliedFaults.add(count, status, pathPrefix);
  }

  /** How many requests were refused with 429 for going faster than the limits. */
  public long rateLimited() {
    return limiter.rejected();
  }

  @Override
  protected FakeResponse handle(FakeRequest request) {
    if (request.path().startsWith("/oauth/")) {
      return handleOAuth(request);
    }
    if (!request.header("trakt-api-key").map(clientId::equals).orElse(false)) {
      return FakeResponse.error(403, "invalid api key or unapproved app");
    }
    if (!request.header("trakt-api-version").map("2"::equals).orElse(false)) {
      return FakeResponse.error(403, "trakt-api-version must be 2");
    }
    TraktUser user =
        request
            .bearerToken()
            .flatMap(t -> Optional.ofNullable(usersByToken.get(t)).or(() -> oauth.userOf(t)))
            .orElse(null);
    if (user == null) {
      return FakeResponse.error(401, "invalid_token")
          .withHeader("WWW-Authenticate", "Bearer realm=\"trakt\", error=\"invalid_token\"");
    }
    Optional<FakeResponse> limited =
        limiter.admit(user.username(), !request.method().equals("GET"));
    if (limited.isPresent()) {
      return limited.get();
    }
    synchronized (user) {
      try {
        return appliedFaults.after(request, route(user, request));
      } catch (JacksonException e) {
        return FakeResponse.error(400, "invalid JSON body");
      } catch (DateTimeParseException | NumberFormatException e) {
        return FakeResponse.error(422, "invalid value: " + e.getMessage());
      }
    }
  }

  private FakeResponse handleOAuth(FakeRequest request) {
    if (!request.method().equals("POST")) {
      return FakeResponse.error(405, "method not allowed");
    }
    JsonNode body;
    try {
      body = TraktJson.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
    } catch (JacksonException e) {
      return FakeResponse.error(400, "invalid JSON body");
    }
    switch (request.path()) {
      case "/oauth/device/code":
        return oauth.deviceCode(body);
      case "/oauth/device/token":
        return oauth.deviceToken(body);
      case "/oauth/token":
        return oauth.token(body);
      default:
        return FakeResponse.error(404, "not found");
    }
  }

  private FakeResponse route(TraktUser user, FakeRequest request) {
    String[] p = request.path().replaceAll("/+$", "").split("/");
    if (request.method().equals("DELETE")) {
      return p.length == 4 && p[1].equals("sync") && p[2].equals("playback")
          ? playback.delete(user, p[3])
          : FakeResponse.error(404, "not found");
    }
    if (request.method().equals("GET")) {
      return TraktListRoutes.handles(user, p)
          ? lists.route(user, request, p, TraktJson.NODES.objectNode())
          : routeGet(user, request, p);
    }
    if (!request.method().equals("POST")) {
      return FakeResponse.error(405, "method not allowed");
    }
    if (!request.header("content-type").orElse("").startsWith("application/json")) {
      return FakeResponse.error(400, "Content-Type must be application/json");
    }
    JsonNode body = TraktJson.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
    if (TraktListRoutes.handles(user, p)) {
      return lists.route(user, request, p, body);
    }
    switch (request.path()) {
      case "/scrobble/start":
      case "/scrobble/pause":
      case "/scrobble/stop":
        return playback.scrobble(user, p[2], body);
      case "/sync/watchlist":
        return writes.watchlistAdd(user, body);
      case "/sync/watchlist/remove":
        return writes.watchlistRemove(user, body);
      case "/sync/history":
        return writes.historyAdd(user, body);
      case "/sync/history/remove":
        return writes.historyRemove(user, body);
      case "/sync/ratings":
        return writes.ratingsAdd(user, body);
      case "/sync/ratings/remove":
        return writes.ratingsRemove(user, body);
      default:
        return FakeResponse.error(404, "not found");
    }
  }

  private FakeResponse routeGet(TraktUser user, FakeRequest request, String[] p) {
    String path = request.path();
    if (path.equals("/users/settings")) {
      return reads.settings(user);
    }
    if (path.equals("/sync/last_activities")) {
      return reads.lastActivities(user);
    }
    if (p.length == 3 && p[1].equals("search")) {
      Optional<MediaType> type = MediaType.fromKey(p[2]);
      if (type.isEmpty() || (type.get() != MediaType.MOVIE && type.get() != MediaType.SHOW)) {
        return FakeResponse.error(404, "unknown search type " + p[2]);
      }
      return reads.search(catalogue.all(), request, type.get());
    }
    if (p.length < 3 || !p[1].equals("sync")) {
      return FakeResponse.error(404, "not found");
    }
    Optional<MediaType> type = p.length > 3 ? typeOf(p[3]) : Optional.empty();
    if (p.length > 3 && type.isEmpty()) {
      return FakeResponse.error(404, "unknown type " + p[3]);
    }
    switch (p[2]) {
      case "watchlist":
        return reads.watchlist(user, request, type, faults().takeEmptyList(request));
      case "history":
        Optional<Long> id = p.length > 4 ? Optional.of(Long.parseLong(p[4])) : Optional.empty();
        return reads.history(user, request, type, id, faults().takeEmptyList(request));
      case "playback":
        return playback.list(user, request, type);
      case "ratings":
        Optional<Integer> r = p.length > 4 ? Optional.of(Integer.parseInt(p[4])) : Optional.empty();
        return reads.ratings(user, request, type, r, faults().takeEmptyList(request));
      default:
        return FakeResponse.error(404, "not found");
    }
  }

  private static Optional<MediaType> typeOf(String plural) {
    return plural.endsWith("s")
        ? MediaType.fromKey(plural.substring(0, plural.length() - 1))
        : Optional.empty();
  }

  /** Configures a {@link FakeTraktServer}. */
  public static final class Builder {
    private String clientId = CLIENT_ID;
    private String clientSecret = CLIENT_SECRET;
    private Duration tokenLifetime = Duration.ofHours(24);
    private Clock clock = Clock.systemUTC();
    private Duration writeInterval = Duration.ofSeconds(1);
    private int getLimit = 1000;
    private Duration getWindow = Duration.ofMinutes(5);
    private int watchlistLimit = 100;
    private boolean stringIds;
    private int pageCap = 100;
    private Duration scrobbleDuplicateWindow = Duration.ofHours(1);

    private Builder() {}

    /**
     * How long after a scrobbled play a stop of the same title answers 409 instead of recording
     * another play (1 hour unless set).
     */
    public Builder scrobbleDuplicateWindow(Duration value) {
      this.scrobbleDuplicateWindow = Objects.requireNonNull(value, "scrobbleDuplicateWindow");
      return this;
    }

    /** The largest page served whatever limit is asked for (Trakt: 100). */
    public Builder pageCap(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("pageCap must be at least 1");
      }
      this.pageCap = value;
      return this;
    }

    /** The api key the fake accepts. */
    public Builder clientId(String value) {
      this.clientId = Objects.requireNonNull(value, "clientId");
      return this;
    }

    /** The client secret the OAuth endpoints accept. */
    public Builder clientSecret(String value) {
      this.clientSecret = Objects.requireNonNull(value, "clientSecret");
      return this;
    }

    /** The lifetime of issued access tokens (Trakt: 7 days documented, 24 h seen since 2025). */
    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
      return this;
    }

    /** The clock for rate limits and default times; share a FakeTime with the client. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Least time between two writes of one user (Trakt: 1 s). */
    public Builder writeInterval(Duration value) {
      this.writeInterval = Objects.requireNonNull(value, "writeInterval");
      return this;
    }

    /** GETs allowed per user and window (Trakt: 1000 per 5 minutes). */
    public Builder getLimit(int limit, Duration window) {
      this.getLimit = limit;
      this.getWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Watchlist limit of new users (free accounts: 100). */
    public Builder watchlistLimit(int value) {
      this.watchlistLimit = value;
      return this;
    }

    /** Whether numeric ids are sent as strings (some endpoints do), to test parsing. */
    public Builder stringIds(boolean value) {
      this.stringIds = value;
      return this;
    }

    public FakeTraktServer build() {
      return new FakeTraktServer(this);
    }
  }
}
