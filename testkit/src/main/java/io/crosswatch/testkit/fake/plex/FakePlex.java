package io.crosswatch.testkit.fake.plex;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.Faults;
import io.crosswatch.testkit.fake.LoopbackServer;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.TextWebSocketServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stateful fake of Plex on 127.0.0.1, as three loopback servers: a Plex Media Server (identity,
 * sections, paged library listings with {@code Guid} children, scrobble, unscrobble, rate, the
 * playing sessions with their notification websocket on a port of its own), Plex Discover (paged
 * watchlist, metadata, external-id matches, watchlist actions) and plex.tv (PIN sign-in, account
 * check). Several accounts, each with its own view state and watchlist, are told apart by {@code
 * X-Plex-Token}. plex.tv and Discover answer 429 with {@code Retry-After} when called faster than a
 * configurable interval. Each server has its own faults and request log.
 *
 * <pre>{@code
 * FakeTime time = FakeTime.standard();
 * try (FakePlex plex = FakePlex.builder().clock(time).build().start()) {
 *   PlexSection movies = plex.catalogue().addMovieSection("Movies");
 *   List<PlexTitle> titles = plex.catalogue().generateMovies(movies, 3);
 *   plex.user().play(titles.get(0), time.instant());
 *   // point the adapter at plex.serverUrl(), plex.discoverUrl(), plex.plexTvUrl()
 * }
 * }</pre>
 */
public final class FakePlex implements AutoCloseable {
  /** The default account's token. */
  public static final String TOKEN = "fake-plex-token";

  /** The server's machine identifier unless configured otherwise. */
  public static final String MACHINE_ID = "fake-machine-0001";

  private final PlexCatalogue catalogue = new PlexCatalogue();
  private final Map<String, PlexUser> usersByToken = new ConcurrentHashMap<>();
  private final Faults serverFaults = new Faults();
  private final Faults discoverFaults = new Faults();
  private final Faults plexTvFaults = new Faults();
  private final LoopbackServer server;
  private final LoopbackServer discover;
  private final LoopbackServer plexTv;
  private final PlexTvRoutes plexTvRoutes;
  private final PlexUser defaultUser;
  private final TextWebSocketServer notifications;
  private final PlexSessions sessions;
  private long nextAccountId = 1;

  private FakePlex(Builder b) {
    this.notifications =
        new TextWebSocketServer(
            "/:/websockets/notifications",
            q -> usersByToken.containsKey(q.getOrDefault("X-Plex-Token", "")));
    this.sessions = new PlexSessions(notifications);
    ServerRoutes serverRoutes =
        new ServerRoutes(
            catalogue, this::user, b.clock, b.machineId, b.version, b.pageCap, sessions);
    DiscoverRoutes discoverRoutes =
        new DiscoverRoutes(
            catalogue, this::user, b.clock, b.pageCap, b.discoverHonoursIncludeGuids, b.conflicts);
    plexTvRoutes = new PlexTvRoutes(this::user, b.clock);
    MinInterval discoverLimit = new MinInterval(b.accountMinInterval, b.clock);
    MinInterval plexTvLimit = new MinInterval(b.accountMinInterval, b.clock);
    this.server = new LoopbackServer(serverRoutes::handle, serverFaults, b.clock);
    this.discover =
        new LoopbackServer(
            r -> discoverLimit.admit(r, discoverRoutes::handle), discoverFaults, b.clock);
    this.plexTv =
        new LoopbackServer(r -> plexTvLimit.admit(r, plexTvRoutes::handle), plexTvFaults, b.clock);
    this.defaultUser = addUser("crosswatch", TOKEN);
  }

  /** A builder: no rate limits, pages up to 10000, Discover ignoring {@code includeGuids}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts all three servers on free loopback ports; returns this. */
  public FakePlex start() {
    server.start();
    notifications.start();
    discover.start();
    plexTv.start();
    return this;
  }

  /** Stops all three servers. */
  @Override
  public void close() {
    server.stop();
    notifications.close();
    discover.stop();
    plexTv.stop();
  }

  /** The Plex Media Server's address. */
  public URI serverUrl() {
    return server.baseUri();
  }

  /**
   * Where the server's notification websocket ({@code /:/websockets/notifications}) listens: a port
   * of its own, so clients are configured with it ({@code notifications_url}).
   */
  public URI notificationsUrl() {
    return notifications.baseUri();
  }

  /** The notification websocket: connection counts, and dropping every connection. */
  public TextWebSocketServer notificationSocket() {
    return notifications;
  }

  /** The playbacks: play a title and move it; changes are pushed to the websocket. */
  public PlexSessions sessions() {
    return sessions;
  }

  /** Plex Discover's address. */
  public URI discoverUrl() {
    return discover.baseUri();
  }

  /** plex.tv's address. */
  public URI plexTvUrl() {
    return plexTv.baseUri();
  }

  /** The library sections and titles, and the Discover catalogue. */
  public PlexCatalogue catalogue() {
    return catalogue;
  }

  /** The default account (token {@link #TOKEN}). */
  public PlexUser user() {
    return defaultUser;
  }

  /** Adds another account reachable with {@code token}. */
  public synchronized PlexUser addUser(String username, String token) {
    PlexUser user = new PlexUser(username, nextAccountId++);
    usersByToken.put(Objects.requireNonNull(token, "token"), user);
    return user;
  }

  /** Makes a token invalid (401 from now on). */
  public void revokeToken(String token) {
    usersByToken.remove(token);
  }

  /** Approves a PIN so that its next poll hands out {@code token}; false for unknown PINs. */
  public boolean approvePin(long pinId, String token) {
    return plexTvRoutes.approve(pinId, token);
  }

  /** The id of the newest PIN, or -1 when none was asked for. */
  public long lastPinId() {
    return plexTvRoutes.lastPinId();
  }

  /** Faults of the server. */
  public Faults faults() {
    return serverFaults;
  }

  /** Faults of Discover. */
  public Faults discoverFaults() {
    return discoverFaults;
  }

  /** Faults of plex.tv. */
  public Faults plexTvFaults() {
    return plexTvFaults;
  }

  /** Requests the server received, in order. */
  public List<RecordedRequest> requests() {
    return server.requests();
  }

  /** Requests Discover received, in order. */
  public List<RecordedRequest> discoverRequests() {
    return discover.requests();
  }

  /** Requests plex.tv received, in order. */
  public List<RecordedRequest> plexTvRequests() {
    return plexTv.requests();
  }

  /** Server requests of one {@code "METHOD /path"}. */
  public long count(String endpoint) {
    return server.count(endpoint);
  }

  /** Discover requests of one {@code "METHOD /path"}. */
  public long discoverCount(String endpoint) {
    return discover.count(endpoint);
  }

  /** Forgets every request log. */
  public void clearLogs() {
    server.clearLog();
    discover.clearLog();
    plexTv.clearLog();
  }

  private PlexUser user(FakeRequest r) {
    String token = r.header("X-Plex-Token").or(() -> r.param("X-Plex-Token")).orElse("");
    return usersByToken.get(token);
  }

  /** plex.tv's limit: requests closer together than an interval get 429. */
  private static final class MinInterval {
    private final Duration interval;
    private final Clock clock;
    private Instant last;

    MinInterval(Duration interval, Clock clock) {
      this.interval = interval;
      this.clock = clock;
    }

    FakeResponse admit(FakeRequest r, LoopbackServer.Handler next) {
      synchronized (this) {
        Instant now = clock.instant();
        if (!interval.isZero() && last != null && now.isBefore(last.plus(interval))) {
          long millis = Duration.between(now, last.plus(interval)).toMillis();
          return FakeResponse.error(429, "Too Many Requests")
              .withHeader("Retry-After", Long.toString(Math.max(1, (millis + 999) / 1000)));
        }
        last = now;
      }
      return next.handle(r);
    }
  }

  /** Configures a {@link FakePlex}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int pageCap = 10_000;
    private boolean discoverHonoursIncludeGuids;
    private boolean conflicts;
    private Duration accountMinInterval = Duration.ZERO;
    private String machineId = MACHINE_ID;
    private String version = "1.41.3.9314-a0bfb8370";

    private Builder() {}

    /** The clock for view dates and limits; share a FakeTime with the client. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The largest page served whatever size is asked for. */
    public Builder pageCap(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("pageCap must be at least 1");
      }
      this.pageCap = value;
      return this;
    }

    /** Whether Discover's watchlist listing carries {@code Guid} children when asked. */
    public Builder discoverHonoursIncludeGuids(boolean value) {
      this.discoverHonoursIncludeGuids = value;
      return this;
    }

    /** Whether adding a listed title (or removing an unlisted one) answers 409 instead of 200. */
    public Builder watchlistConflicts(boolean value) {
      this.conflicts = value;
      return this;
    }

    /** Least time between two requests to plex.tv (and to Discover); faster ones get 429. */
    public Builder accountMinInterval(Duration value) {
      this.accountMinInterval = Objects.requireNonNull(value, "accountMinInterval");
      return this;
    }

    /** The server's machine identifier. */
    public Builder machineId(String value) {
      this.machineId = Objects.requireNonNull(value, "machineId");
      return this;
    }

    /** The server's version. */
    public Builder version(String value) {
      this.version = Objects.requireNonNull(value, "version");
      return this;
    }

    public FakePlex build() {
      return new FakePlex(this);
    }
  }
}
