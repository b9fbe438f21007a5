package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * SIMKL's PIN login on the fake: {@code GET /oauth/pin} hands out a user code, {@code GET
 * /oauth/pin/{user_code}} answers {@code {"result":"KO"}} until the user has entered it, then
 * {@code {"result":"OK","access_token":…}} with a token of the default user (SIMKL tokens do not
 * expire). Tests decide when the user enters the code ({@link #approveAfter}). Thread-safe.
 */
public final class SimklPins {
  /** The address users are sent to. */
  public static final String VERIFICATION_URL = "https://simkl.com/pin";

  private static final int INTERVAL_SECONDS = 5;

  private static final class Pin {
    final Instant expiresAt;
    int polls;
    String token;

    Pin(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private final Clock clock;
  private final BiConsumer<String, SimklUser> grant;
  private final SimklUser user;
  private final Map<String, Pin> pins = new HashMap<>();
  private final List<String> issued = new ArrayList<>();
  private Duration lifetime = Duration.ofMinutes(15);
  private int approveAfter = -1;
  private String lastUserCode;

  SimklPins(Clock clock, SimklUser user, BiConsumer<String, SimklUser> grant) {
    this.clock = clock;
    this.user = user;
    this.grant = grant;
  }

  /** The user enters the code after the client has polled {@code polls} times (0: at once). */
  public synchronized void approveAfter(int polls) {
    this.approveAfter = polls;
  }

  /** How long new codes live (SIMKL: 15 minutes, reported as {@code expires_in}). */
  public synchronized void lifetime(Duration value) {
    this.lifetime = value;
  }

  /** The last user code handed out. */
  public synchronized Optional<String> lastUserCode() {
    return Optional.ofNullable(lastUserCode);
  }

  /** Every access token issued, in order. */
  public synchronized List<String> issuedTokens() {
    return List.copyOf(issued);
  }

  synchronized FakeResponse request() {
    String code = String.format("PIN%02d", pins.size() + 1);
    pins.put(code, new Pin(clock.instant().plus(lifetime)));
    lastUserCode = code;
    return FakeResponse.json(
        200,
        "{\"result\":\"OK\",\"device_code\":\"DEVICE_CODE\",\"user_code\":\""
            + code
            + "\",\"verification_url\":\""
            + VERIFICATION_URL
            + "\",\"expires_in\":"
            + lifetime.toSeconds()
            + ",\"interval\":"
            + INTERVAL_SECONDS
            + "}");
  }

  synchronized FakeResponse poll(String code) {
    Pin pin = pins.get(code);
    if (pin == null) {
      // Assumed: SIMKL's answer to an unknown code is not documented.
      return FakeResponse.json(404, "{\"result\":\"KO\",\"message\":\"unknown code\"}");
    }
    if (pin.token == null && !clock.instant().isBefore(pin.expiresAt)) {
      return FakeResponse.json(200, "{\"result\":\"KO\",\"message\":\"code expired\"}");
    }
    pin.polls++;
    if (pin.token == null && approveAfter >= 0 && pin.polls > approveAfter) {
      pin.token = "fake-simkl-pin-token-" + (issued.size() + 1);
      issued.add(pin.token);
      grant.accept(pin.token, user);
    }
    if (pin.token == null) {
      return FakeResponse.json(200, "{\"result\":\"KO\",\"message\":\"Authorization pending\"}");
    }
    return FakeResponse.json(200, "{\"result\":\"OK\",\"access_token\":\"" + pin.token + "\"}");
  }
}
