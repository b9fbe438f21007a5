package io.crosswatch.testkit.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Faults a fake server injects into its next requests: error statuses, rate limiting, delays
 * (beyond a client's timeout) and one-off empty lists. Thread-safe.
 */
public final class Faults {

  /** One planned fault. */
  private static final class Rule {
    final String pathPrefix;
    final boolean getOnly;
    final FakeResponse response;
    final Duration delay;
    final boolean empty;
    int remaining;

    Rule(
        String pathPrefix,
        boolean getOnly,
        FakeResponse response,
        Duration delay,
        boolean empty,
        int remaining) {
      this.pathPrefix = pathPrefix;
      this.getOnly = getOnly;
      this.response = response;
      this.delay = delay;
      this.empty = empty;
      this.remaining = remaining;
    }

    boolean matches(FakeRequest r) {
      return r.path().startsWith(pathPrefix) && (!getOnly || r.method().equals("GET"));
    }
  }

  /** What to do with one request: delay it, then answer {@code response} if present. */
  public record Injection(Duration delay, Optional<FakeResponse> response) {}

  private final List<Rule> rules = new ArrayList<>();
  private double failShare;
  private FakeResponse failShareResponse;
  private RandomGenerator failShareRandom;
  private Duration latency = Duration.ZERO;

  /** The next {@code count} requests answer {@code status} (e.g. 503, 520) without effect. */
  public void failNext(int count, int status) {
    failNext(count, status, "/");
  }

  /** The next {@code count} requests whose path starts with {@code pathPrefix} fail. */
  public synchronized void failNext(int count, int status, String pathPrefix) {
    FakeResponse r = FakeResponse.error(status, "injected failure " + status);
    rules.add(new Rule(pathPrefix, false, r, Duration.ZERO, false, count));
  }

  /** The next {@code count} requests answer 429 with {@code Retry-After: seconds}. */
  public synchronized void rateLimitNext(int count, int retryAfterSeconds) {
    FakeResponse r =
        new FakeResponse(
            429,
            Map.of(
                "Retry-After",
                Integer.toString(retryAfterSeconds),
                "Content-Type",
                "application/json"),
            "{\"error\":\"injected rate limit\"}");
    rules.add(new Rule("/", false, r, Duration.ZERO, false, count));
  }

  /** The next {@code count} requests are held for {@code delay} before being answered. */
  public synchronized void delayNext(int count, Duration delay) {
    rules.add(new Rule("/", false, null, delay, false, count));
  }

  /** The next GET of a path starting with {@code pathPrefix} answers an empty list, once. */
  public synchronized void emptyListOnce(String pathPrefix) {
    rules.add(new Rule(pathPrefix, true, null, Duration.ZERO, true, 1));
  }

  /**
   * From now on, each request fails with {@code status} (without effect) with probability {@code
   * share}, drawn from {@code random} (seed it for repeatable runs); planned faults go first. A
   * share of 0 stops it.
   */
  public synchronized void failRandomly(double share, int status, RandomGenerator random) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be within 0..1, got " + share);
    }
    failShare = share;
    failShareResponse = FakeResponse.error(status, "injected random failure " + status);
    failShareRandom = Objects.requireNonNull(random, "random");
  }

  /**
   * As {@link #failRandomly(double, int, RandomGenerator)}, drawn from a generator seeded with
   * {@code seed}.
   */
  public void failRandomly(double share, int status, long seed) {
    failRandomly(share, status, new java.util.SplittableRandom(seed));
  }

  /**
   * Holds every request for {@code value} before it is answered, as a network or busy server would
   * (a standing latency, on top of any {@link #delayNext} delay; zero turns it off).
   */
  public synchronized void latency(Duration value) {
    Objects.requireNonNull(value, "value");
    if (value.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, got " + value);
    }
    this.latency = value;
  }

  /** Clears every planned fault, stops random failures and the standing latency. */
  public synchronized void clear() {
    rules.clear();
    failShare = 0;
    latency = Duration.ZERO;
  }

  /** Takes the delay or failure planned for this request, if any (empty-list faults stay). */
  public synchronized Injection take(FakeRequest request) {
    Duration delay = latency;
    boolean delayed = false;
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.empty || !rule.matches(request) || (delayed && rule.response == null)) {
        continue;
      }
      if (--rule.remaining <= 0) {
        it.remove();
      }
      if (rule.response != null) {
        return new Injection(delay, Optional.of(rule.response));
      }
      delay = latency.plus(rule.delay);
      delayed = true;
    }
    if (failShare > 0 && failShareRandom.nextDouble() < failShare) {
      return new Injection(delay, Optional.of(failShareResponse));
    }
    return new Injection(delay, Optional.empty());
  }

  /** Whether this request's list should come back empty (consumes the fault). */
  public synchronized boolean takeEmptyList(FakeRequest request) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.empty && rule.matches(request)) {
        it.remove();
        return true;
      }
    }
    return false;
  }
}
