package io.crosswatch.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions, kept in memory: a restart of the service signs everybody out. A
 * session ends when logged out or after {@link #IDLE} without use.
 */
public final class Sessions {
  /** How long a session lives without a request. */
  public static final Duration IDLE = Duration.ofHours(12);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  private record Session(String user, Instant lastUsed) {}

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens a session for {@code user} and returns its id (the cookie value). */
  public String open(String user) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    byId.put(id, new Session(user, clock.instant()));
    return id;
  }

  /** The user of a live session, refreshing its idle time; empty when unknown or expired. */
  public Optional<String> user(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    Instant now = clock.instant();
    if (s == null || now.isAfter(s.lastUsed().plus(IDLE))) {
      byId.remove(id);
      return Optional.empty();
    }
    byId.put(id, new Session(s.user(), now));
    return Optional.of(s.user());
  }

  /** Ends a session. */
  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }
}
