package io.crosswatch.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: {@link #MAX_FAILURES} failed logins from one address within {@link
 * #WINDOW} block that address for {@link #BLOCK}.
 */
public final class LoginThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(10);
  public static final Duration BLOCK = Duration.ofMinutes(5);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code address} must still wait, if it is blocked now. */
  public Optional<Duration> blocked(String address) {
    Instant until = blockedUntil.get(address);
    Instant now = clock.instant();
    if (until == null || !now.isBefore(until)) {
      blockedUntil.remove(address, until);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, until));
  }

  /** Records a failed login; answers the wait when this failure starts a block. */
  public synchronized Optional<Duration> failed(String address) {
    Instant now = clock.instant();
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    recent.addLast(now);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
      recent.removeFirst();
    }
    if (recent.size() >= MAX_FAILURES) {
      recent.clear();
      blockedUntil.put(address, now.plus(BLOCK));
      return Optional.of(BLOCK);
    }
    return Optional.empty();
  }

  /** Forgets the failures of an address after a successful login. */
  public void succeeded(String address) {
    failures.remove(address);
  }
}
