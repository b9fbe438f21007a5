package io.crosswatch.testkit.fake.mdblist;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.LoopbackFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A stateful fake of the MDBList API on 127.0.0.1: one user's watchlist, ratings and plays behind
 * the {@code apikey} query parameter, {@code limit}/{@code offset} paging (the limit capped), flat
 * imdb/tmdb ids on watchlist writes, and a daily request quota reported in {@code
 * X-RateLimit-Limit/-Remaining/-Reset} (429 with {@code Retry-After} once spent), and {@code GET
 * /sync/last_activities} whose times move with every change (see {@link MdblistUser}), and
 * scrobbles ({@link MdblistScrobbles}) and the user's lists ({@link MdblistLists}). The shapes are
 * those the MDBList adapter assumes; MDBList documents little of them.
 */
public final class FakeMdblistServer extends LoopbackFake<FakeMdblistServer> {
  /** The api key the fake accepts. */
  public static final String API_KEY = "fake-mdblist-api-key";

  private final Clock clock;
  private final int dailyLimit;
  private final MdblistCatalogue catalogue = new MdblistCatalogue();
  private final MdblistUser user;
  private final MdblistHandlers handlers;
  private final MdblistScrobbles scrobbles;
  private final MdblistLists lists;
  private int used;
  private long rateLimited;
  private Instant day;

  private FakeMdblistServer(Builder b) {
    super(b.clock);
    this.clock = b.clock;
    this.dailyLimit = b.dailyLimit;
    this.used = b.dailyLimit - b.remaining;
    this.user = new MdblistUser("crosswatch", b.clock);
    this.handlers = new MdblistHandlers(catalogue, b.clock, b.pageCap);
    this.scrobbles = new MdblistScrobbles(catalogue, b.clock);
    this.lists = new MdblistLists(catalogue, handlers, b.clock, b.listLimit, b.itemLimit);
    this.day = b.clock.instant().truncatedTo(ChronoUnit.DAYS);
  }

  /** A builder: 1000 requests a day, pages capped at 100. */
  public static Builder builder() {
    return new Builder();
  }

  /** The titles the fake knows. */
  public MdblistCatalogue catalogue() {
    return catalogue;
  }

  /** The one user behind {@link #API_KEY}. */
  public MdblistUser user() {
    return user;
  }

  /** The user's static and dynamic lists. */
  public MdblistLists lists() {
    return lists;
  }

  /** The scrobble calls accepted so far. */
  public MdblistScrobbles scrobbles() {
    return scrobbles;
  }

  /** Requests left today. */
  public synchronized int remaining() {
    return dailyLimit - used;
  }

  /** How many requests were refused with 429 because the day's quota was spent. */
  public synchronized long rateLimited() {
    return rateLimited;
  }

  @Override
  protected FakeResponse handle(FakeRequest request) {
    if (!request.param("apikey").map(API_KEY::equals).orElse(false)) {
      return FakeResponse.error(401, "Invalid API key");
    }
    synchronized (this) {
      Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
      if (today.isAfter(day)) {
        day = today;
        used = 0;
      }
      Instant reset = day.plus(Duration.ofDays(1));
      if (used >= dailyLimit) {
        rateLimited++;
        long wait = Duration.between(clock.instant(), reset).toSeconds();
        return quota(FakeResponse.error(429, "API limit reached"), reset)
            .withHeader("Retry-After", Long.toString(Math.max(1, wait)));
      }
      used++;
      return quota(route(request), reset);
    }
  }

  private FakeResponse quota(FakeResponse r, Instant reset) {
    return r.withHeader("X-RateLimit-Limit", Integer.toString(dailyLimit))
        .withHeader("X-RateLimit-Remaining", Integer.toString(dailyLimit - used))
        .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
  }

  private FakeResponse route(FakeRequest request) {
    String path = request.path().replaceAll("/+$", "");
    try {
      if (request.method().equals("GET")) {
        switch (path) {
          case "/user":
            return handlers.user(user, dailyLimit, used);
          case "/sync/last_activities":
            return handlers.lastActivities(user);
          case "/watchlist/items":
            return handlers.watchlist(user, request, faults().takeEmptyList(request));
          case "/sync/ratings":
            return handlers.ratings(user, request, faults().takeEmptyList(request));
          case "/sync/watched":
            return handlers.watched(user, request, faults().takeEmptyList(request));
          case "/lists/user":
            return lists.userLists();
          default:
            if (path.matches("/lists/[^/]+/items")) {
              return lists.items(path.split("/")[2], request);
            }
            return FakeResponse.error(404, "not found");
        }
      }
      JsonNode body =
          MdblistHandlers.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
      switch (path) {
        case "/watchlist/items/add":
          return handlers.watchlistWrite(user, body, true);
        case "/watchlist/items/remove":
          return handlers.watchlistWrite(user, body, false);
        case "/sync/ratings":
          return handlers.syncWrite(user, body, "ratings", true);
        case "/sync/ratings/remove":
          return handlers.syncWrite(user, body, "ratings", false);
        case "/sync/watched":
          return handlers.syncWrite(user, body, "watched", true);
        case "/sync/watched/remove":
          return handlers.syncWrite(user, body, "watched", false);
        case "/lists/user/add":
          return lists.createList(body);
        case "/scrobble/start":
        case "/scrobble/pause":
        case "/scrobble/stop":
          return scrobbles.scrobble(user, path.substring("/scrobble/".length()), body);
        default:
          if (path.matches("/lists/[^/]+/items/(add|remove)")) {
            String[] p = path.split("/");
            return lists.write(p[2], body, p[4].equals("add"));
          }
          return FakeResponse.error(404, "not found");
      }
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      return FakeResponse.error(400, "invalid body");
    }
  }

  /** Configures a {@link FakeMdblistServer}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int dailyLimit = 1000;
    private int remaining = 1000;
    private int pageCap = 100;
    private int listLimit = 4;
    private int itemLimit = 1000;

    private Builder() {}

    /** The clock for the quota day and default times; share a FakeTime with the client. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The daily quota and how much of it is left at the start. */
    public Builder quota(int limit, int remainingNow) {
      if (limit < 1 || remainingNow < 0 || remainingNow > limit) {
        throw new IllegalArgumentException("quota must be 0 ≤ remaining ≤ limit, limit ≥ 1");
      }
      this.dailyLimit = limit;
      this.remaining = remainingNow;
      return this;
    }

    /** The largest page served whatever limit is asked for. */
    public Builder pageCap(int value) {
      this.pageCap = value;
      return this;
    }

    /**
     * How many static lists the account may hold and how many items each (assumed defaults: 4 and
     * 1000; MDBList's own numbers were not found documented).
     */
    public Builder listLimits(int lists, int itemsPerList) {
      this.listLimit = lists;
      this.itemLimit = itemsPerList;
      return this;
    }

    public FakeMdblistServer build() {
      return new FakeMdblistServer(this);
    }
  }
}
