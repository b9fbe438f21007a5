package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's OAuth side: device codes, token grants that expire, and refresh tokens that work once
 * (a refresh also revokes the access token it replaces, which is assumed of Trakt). Tests script
 * what the user does with a device code ({@link #approveAfter}, {@link #denyAfter}) and issue
 * tokens directly ({@link #issue}). Thread-safe.
 */
public final class TraktOAuth {
  /** Where Trakt tells the user to enter the code. */
  public static final String VERIFICATION_URL = "https://trakt.tv/activate";

  /** Tokens as granted: {@code expiresAt} is when the access token stops working. */
  public record Grant(String accessToken, String refreshToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "Grant[expiresAt=" + expiresAt + "]";
    }
  }

  /** What the user does with the next device code. */
  private enum Outcome {
    APPROVE,
    DENY,
    NOTHING
  }

  private static final class Device {
    final String deviceCode;
    final String userCode;
    final Instant expiresAt;
    final Outcome outcome;
    int pendingPolls;
    Instant lastPoll;
    boolean used;

    Device(String deviceCode, String userCode, Instant expiresAt, Outcome outcome, int polls) {
      this.deviceCode = deviceCode;
      this.userCode = userCode;
      this.expiresAt = expiresAt;
      this.outcome = outcome;
      this.pendingPolls = polls;
    }
  }

  private record Issued(TraktUser user, String accessToken, Instant expiresAt) {}

  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final TraktUser defaultUser;
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final Map<String, Issued> byAccess = new HashMap<>();
  private final Map<String, Issued> byRefresh = new HashMap<>();
  private final Map<String, TraktUser> permanent;
  private Duration tokenLifetime;
  private Duration deviceInterval = Duration.ofSeconds(5);
  private Duration deviceExpiry = Duration.ofMinutes(10);
  private Outcome nextOutcome = Outcome.NOTHING;
  private int nextPendingPolls;
  private String lastUserCode;
  private long counter;

  TraktOAuth(
      String clientId,
      String clientSecret,
      Clock clock,
      Duration tokenLifetime,
      TraktUser defaultUser,
      Map<String, TraktUser> permanentTokens) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
    this.defaultUser = defaultUser;
    this.permanent = permanentTokens;
  }

  /** The next device code is approved (for the default user) after {@code pendingPolls} polls. */
  public synchronized void approveAfter(int pendingPolls) {
    plan(Outcome.APPROVE, pendingPolls);
  }

  /** The next device code is denied by the user after {@code pendingPolls} polls. */
  public synchronized void denyAfter(int pendingPolls) {
    plan(Outcome.DENY, pendingPolls);
  }

  /** How often clients may poll a device code (Trakt: 5 s); polling sooner answers 429. */
  public synchronized void deviceInterval(Duration interval) {
    this.deviceInterval = Objects.requireNonNull(interval, "interval");
  }

  /** How long a device code lives (Trakt: 10 minutes); later polls answer 410. */
  public synchronized void deviceExpiry(Duration expiry) {
    this.deviceExpiry = Objects.requireNonNull(expiry, "expiry");
  }

  /** The lifetime of tokens issued from now on. */
  public synchronized void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** The user code of the last device code handed out. */
  public synchronized Optional<String> lastUserCode() {
    return Optional.ofNullable(lastUserCode);
  }

  /** Issues tokens for a user as if they had just authorized the app. */
  public synchronized Grant issue(TraktUser user) {
    long n = ++counter;
    Instant expiresAt = clock.instant().plus(tokenLifetime);
    String access = "fake-access-token-" + n;
    String refresh = "fake-refresh-token-" + n;
    Issued issued = new Issued(user, access, expiresAt);
    byAccess.put(access, issued);
    byRefresh.put(refresh, issued);
    return new Grant(access, refresh, expiresAt);
  }

  /** Registers a refresh token for a permanent access token (the default user's pair). */
  synchronized void linkRefreshToken(String refresh, TraktUser user, String access) {
    byRefresh.put(refresh, new Issued(user, access, Instant.MAX));
  }

  /** Makes an issued access token invalid. */
  synchronized void revoke(String accessToken) {
    byAccess.remove(accessToken);
  }

  /** The user an issued access token belongs to, while it has not expired. */
  synchronized Optional<TraktUser> userOf(String accessToken) {
    Issued issued = byAccess.get(accessToken);
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(issued.user());
  }

  synchronized FakeResponse deviceCode(JsonNode body) {
    if (!clientId.equals(body.path("client_id").asString(""))) {
      return FakeResponse.error(401, "invalid_client");
    }
    long n = ++counter;
    Device d =
        new Device(
            "fake-device-code-" + n,
            "CODE" + n,
            clock.instant().plus(deviceExpiry),
            nextOutcome,
            nextPendingPolls);
    nextOutcome = Outcome.NOTHING;
    devices.put(d.deviceCode, d);
    lastUserCode = d.userCode;
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("device_code", d.deviceCode);
    o.put("user_code", d.userCode);
    o.put("verification_url", VERIFICATION_URL);
    o.put("expires_in", deviceExpiry.toSeconds());
    o.put("interval", deviceInterval.toSeconds());
    return FakeResponse.json(200, o.toString());
  }

  synchronized FakeResponse deviceToken(JsonNode body) {
    if (!validClient(body)) {
      return FakeResponse.error(401, "invalid_client");
    }
    Device d = devices.get(body.path("code").asString(""));
    Instant now = clock.instant();
    if (d == null) {
      return FakeResponse.json(404, "");
    }
    if (d.used) {
      return FakeResponse.json(409, "");
    }
    if (!now.isBefore(d.expiresAt)) {
      return FakeResponse.json(410, "");
    }
    if (d.lastPoll != null && now.isBefore(d.lastPoll.plus(deviceInterval))) {
      d.lastPoll = now;
      return FakeResponse.json(429, "");
    }
    d.lastPoll = now;
    if (d.outcome == Outcome.NOTHING || d.pendingPolls-- > 0) {
      return FakeResponse.json(400, "");
    }
    if (d.outcome == Outcome.DENY) {
      return FakeResponse.json(418, "");
    }
    d.used = true;
    return tokens(issue(defaultUser));
  }

  synchronized FakeResponse token(JsonNode body) {
    if (!validClient(body)) {
      return FakeResponse.error(401, "invalid_client");
    }
    if (!"refresh_token".equals(body.path("grant_type").asString(""))) {
      return FakeResponse.error(400, "unsupported_grant_type");
    }
    Issued old = byRefresh.remove(body.path("refresh_token").asString(""));
    if (old == null) {
      return FakeResponse.error(401, "invalid_grant");
    }
    byAccess.remove(old.accessToken());
    permanent.remove(old.accessToken());
    return tokens(issue(old.user()));
  }

  private boolean validClient(JsonNode body) {
    return clientId.equals(body.path("client_id").asString(""))
        && clientSecret.equals(body.path("client_secret").asString(""));
  }

  private FakeResponse tokens(Grant grant) {
    Instant now = clock.instant();
    ObjectNode o = TraktJson.NODES.objectNode();
    o.put("access_token", grant.accessToken());
    o.put("token_type", "bearer");
    o.put("expires_in", Duration.between(now, grant.expiresAt()).toSeconds());
    o.put("refresh_token", grant.refreshToken());
    o.put("scope", "public");
    o.put("created_at", now.getEpochSecond());
    return FakeResponse.json(200, o.toString());
  }

  private void plan(Outcome outcome, int pendingPolls) {
    if (pendingPolls < 0) {
      throw new IllegalArgumentException("pendingPolls must be ≥ 0");
    }
    this.nextOutcome = outcome;
    this.nextPendingPolls = pendingPolls;
  }
}
