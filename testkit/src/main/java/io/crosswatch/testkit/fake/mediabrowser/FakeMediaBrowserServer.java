package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.LoopbackFake;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;

/**
 * A stateful fake of a Jellyfin or Emby server on 127.0.0.1: a library of movies, series and
 * episodes with provider ids, several users each with their own user data and playlists, paging,
 * the dialect's auth and paths, 404 for unknown items, the playing sessions of {@code GET
 * /Sessions} ({@link #sessions()}: tests start, pause, move and stop playbacks), fault injection, a
 * request log and the largest number of requests it held at once.
 *
 * <p>Traps emulated: unknown {@code IncludeItemTypes} names are ignored; {@code ProviderIds} come
 * only when asked for in {@code Fields}; Jellyfin ignores {@code AnyProviderIdEquals}; logging in
 * again with the same {@code DeviceId} revokes that device's previous token; marking an item played
 * sets its last played date even when older; Jellyfin refuses the legacy {@code X-Emby-Token};
 * Jellyfin has no reliable user-data change filter: {@code MinDateLastSavedForUser} compares the
 * item's own {@code DateLastSaved}, which plays, favourites and ratings do not change, and {@code
 * MinDateLastSaved} alone fails with 500.
 *
 * <pre>{@code
 * try (FakeMediaBrowserServer jf = FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).build().start()) {
 *   List<MbItem> movies = jf.library().generateMovies(3);
 *   jf.user().markPlayed(movies.get(0), Instant.parse("2025-01-01T00:00:00Z"));
 *   // point the adapter at jf.baseUrl() with ACCESS_TOKEN and jf.user().id()
 * }
 * }</pre>
 */
public final class FakeMediaBrowserServer extends LoopbackFake<FakeMediaBrowserServer> {
  /** The default user's access token. */
  public static final String ACCESS_TOKEN = "fake-mediabrowser-access-token";

  /** The default user's name and password. */
  public static final String USERNAME = "alice";

  public static final String PASSWORD = "alice-password";

  private record Session(MbUser user, String deviceId) {}

  private final ServerDialect dialect;
  private final Clock clock;
  private final boolean prefixOnly;
  private final Duration writeLatency;
  private final String serverId;
  private final MbLibrary library;
  private final Map<String, MbUser> users = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong tokens = new AtomicLong();
  private final MbReads reads;
  private final MbWrites writes;
  private final MbUser defaultUser;
  private final MbSessions playing;

  private FakeMediaBrowserServer(Builder b) {
    super(b.clock);
    this.dialect = b.dialect;
    this.clock = b.clock;
    this.prefixOnly = b.prefixOnly;
    this.writeLatency = b.writeLatency;
    this.library = new MbLibrary(dialect, clock);
    this.serverId = library.newId();
    MbJson json = new MbJson(library, serverId);
    this.reads = new MbReads(dialect, library, json, b.pageCap);
    this.writes = new MbWrites(dialect, library, json, clock);
    this.playing = new MbSessions(library, json);
    this.defaultUser = addUser(USERNAME, PASSWORD);
    sessions.put(ACCESS_TOKEN, new Session(defaultUser, "seed-device"));
  }

  /** A builder for a fake of the given dialect. */
  public static Builder builder(ServerDialect dialect) {
    return new Builder(dialect);
  }

  public ServerDialect dialect() {
    return dialect;
  }

  /** The server's {@code Id}. */
  public String serverId() {
    return serverId;
  }

  /** The library every user sees. */
  public MbLibrary library() {
    return library;
  }

  /** The playbacks {@code GET /Sessions} lists; tests start and move them. */
  public MbSessions sessions() {
    return playing;
  }

  /** The default user (token {@link #ACCESS_TOKEN}). */
  public MbUser user() {
    return defaultUser;
  }

  /** Adds a user who can log in with {@code name} and {@code password}. */
  public MbUser addUser(String name, String password) {
    MbUser user = new MbUser(library.newId(), name, password);
    users.put(user.id(), user);
    return user;
  }

  /** Issues a token for a user, as a login from {@code deviceId} would. */
  public String issueToken(MbUser user, String deviceId) {
    sessions.values().removeIf(s -> s.user() == user && s.deviceId().equals(deviceId));
    String token = "tok" + tokens.incrementAndGet() + "-" + user.id();
    sessions.put(token, new Session(user, deviceId));
    return token;
  }

  /** Makes a token invalid (its requests answer 401 from now on). */
  public void revokeToken(String token) {
    sessions.remove(token);
  }

  /** Whether a token is still accepted. */
  public boolean tokenValid(String token) {
    return sessions.containsKey(token);
  }

  /** The most requests the server was working on at the same time. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  protected FakeResponse handle(FakeRequest request) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      return route(request);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private FakeResponse route(FakeRequest request) {
    Optional<String> path = localPath(request.path());
    if (path.isEmpty()) {
      return FakeResponse.error(404, "not found");
    }
    String[] segs =
        Arrays.stream(path.get().split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    String joined = String.join("/", segs);
    if (request.method().equals("GET") && joined.equals("System/Info/Public")) {
      return MbRoutes.systemInfo(dialect, serverId, false);
    }
    if (request.method().equals("POST") && joined.equals("Users/AuthenticateByName")) {
      return login(request);
    }
    Session session = authenticate(request);
    if (session == null) {
      return new FakeResponse(401, Map.of(), "");
    }
    if (request.method().equals("GET") && joined.equals("Sessions")) {
      return MbJson.ok(playing.list(session.user()));
    }
    if (!request.method().equals("GET")) {
      hold();
    }
    synchronized (session.user()) {
      try {
        return new MbRoutes(dialect, library, reads, writes, serverId)
            .route(session.user(), request, segs);
      } catch (JacksonException e) {
        return FakeResponse.error(400, "invalid JSON body");
      }
    }
  }

  private Optional<String> localPath(String path) {
    if (dialect == ServerDialect.EMBY) {
      if (path.equals("/emby") || path.startsWith("/emby/")) {
        return Optional.of(path.substring("/emby".length()));
      }
      if (prefixOnly) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  private Session authenticate(FakeRequest request) {
    Optional<String> token;
    if (dialect == ServerDialect.JELLYFIN) {
      token = request.header("authorization").flatMap(MbRoutes::tokenOf);
    } else {
      token =
          request
              .header("x-emby-token")
              .or(() -> MbJson.param(request, "api_key"))
              .or(() -> request.header("x-emby-authorization").flatMap(MbRoutes::tokenOf));
    }
    return token.map(sessions::get).orElse(null);
  }

  private FakeResponse login(FakeRequest request) {
    String header = dialect == ServerDialect.JELLYFIN ? "authorization" : "x-emby-authorization";
    Optional<String> deviceId = request.header(header).flatMap(h -> MbRoutes.field(h, "DeviceId"));
    Optional<String> client = request.header(header).flatMap(h -> MbRoutes.field(h, "Client"));
    if (deviceId.isEmpty() || client.isEmpty()) {
      return FakeResponse.error(400, "the " + header + " header must name Client and DeviceId");
    }
    var body = MbJson.MAPPER.readTree(request.body().isBlank() ? "{}" : request.body());
    String name = body.path("Username").asString("");
    String pw = body.path("Pw").asString("");
    MbUser user =
        users.values().stream()
            .filter(u -> u.name().equalsIgnoreCase(name) && u.passwordMatches(pw))
            .findFirst()
            .orElse(null);
    if (user == null) {
      return FakeResponse.error(401, "Invalid username or password entered.");
    }
    return MbRoutes.loginAnswer(user, issueToken(user, deviceId.get()), serverId, deviceId.get());
  }

  private void hold() {
    if (writeLatency.isZero()) {
      return;
    }
    try {
      Thread.sleep(writeLatency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures a {@link FakeMediaBrowserServer}. */
  public static final class Builder {
    private final ServerDialect dialect;
    private Clock clock = Clock.systemUTC();
    private int pageCap = Integer.MAX_VALUE;
    private boolean prefixOnly;
    private Duration writeLatency = Duration.ZERO;

    private Builder(ServerDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The clock for dates the server fills in itself (a play without a date). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The largest page served whatever {@code Limit} is asked for. */
    public Builder pageCap(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("pageCap must be at least 1");
      }
      this.pageCap = value;
      return this;
    }

    /** Emby only: answer 404 unless paths carry the {@code /emby} prefix. */
    public Builder prefixOnly(boolean value) {
      this.prefixOnly = value;
      return this;
    }

    /** How long each write is held (really waited), so that concurrent writes overlap. */
    public Builder writeLatency(Duration value) {
      this.writeLatency = Objects.requireNonNull(value, "writeLatency");
      return this;
    }

    public FakeMediaBrowserServer build() {
      return new FakeMediaBrowserServer(this);
    }
  }
}
