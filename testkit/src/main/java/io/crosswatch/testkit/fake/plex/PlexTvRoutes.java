package io.crosswatch.testkit.fake.plex;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** The fake plex.tv: PIN sign-in and the account check. */
final class PlexTvRoutes {
  /** How long a PIN lives, as on plex.tv. */
  static final Duration PIN_LIFETIME = Duration.ofMinutes(30);

  /** One PIN. */
  private static final class Pin {
    final long id;
    final String code;
    final String clientId;
    final Instant expiresAt;
    String authToken;

    Pin(long id, String code, String clientId, Instant expiresAt) {
      this.id = id;
      this.code = code;
      this.clientId = clientId;
      this.expiresAt = expiresAt;
    }
  }

  private final Function<FakeRequest, PlexUser> auth;
  private final Clock clock;
  private final Map<Long, Pin> pins = new LinkedHashMap<>();
  private long nextPin = 7001;

  PlexTvRoutes(Function<FakeRequest, PlexUser> auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  synchronized FakeResponse handle(FakeRequest r) {
    if (!PlexJson.wantsJson(r)) {
      return PlexJson.xml();
    }
    String path = r.path().replaceAll("/+$", "");
    if (path.equals("/api/v2/pins") && r.method().equals("POST")) {
      return newPin(r);
    }
    if (path.startsWith("/api/v2/pins/") && r.method().equals("GET")) {
      return pin(path.substring("/api/v2/pins/".length()));
    }
    if (path.equals("/api/v2/user") && r.method().equals("GET")) {
      PlexUser user = auth.apply(r);
      if (user == null) {
        return FakeResponse.error(401, "Invalid authentication token");
      }
      ObjectNode o = PlexJson.NODES.objectNode();
      o.put("id", user.accountId());
      o.put("uuid", "user-uuid-" + user.accountId());
      o.put("username", user.username());
      o.put("title", user.username());
      return FakeResponse.json(200, o.toString());
    }
    return FakeResponse.error(404, "Not Found");
  }

  /** Approves a PIN: its next poll hands out {@code token}. False when there is no such PIN. */
  synchronized boolean approve(long id, String token) {
    Pin pin = pins.get(id);
    if (pin == null) {
      return false;
    }
    pin.authToken = token;
    return true;
  }

  /** The id of the newest PIN, or -1. */
  synchronized long lastPinId() {
    return pins.isEmpty() ? -1 : nextPin - 1;
  }

  private FakeResponse newPin(FakeRequest r) {
    String clientId = r.header("X-Plex-Client-Identifier").orElse("");
    if (clientId.isBlank()) {
      return FakeResponse.error(400, "X-Plex-Client-Identifier is missing");
    }
    boolean strong = r.param("strong").map("true"::equals).orElse(false);
    long id = nextPin++;
    String code = strong ? String.format("strongcode%015d", id) : String.format("%04d", id % 10000);
    Pin pin = new Pin(id, code, clientId, clock.instant().plus(PIN_LIFETIME));
    pins.put(id, pin);
    return FakeResponse.json(201, json(pin).toString());
  }

  private FakeResponse pin(String id) {
    Pin pin;
    try {
      pin = pins.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      pin = null;
    }
    if (pin == null || !clock.instant().isBefore(pin.expiresAt)) {
      return FakeResponse.error(404, "Not Found");
    }
    return FakeResponse.json(200, json(pin).toString());
  }

  private ObjectNode json(Pin pin) {
    ObjectNode o = PlexJson.NODES.objectNode();
    o.put("id", pin.id);
    o.put("code", pin.code);
    o.put("product", "crosswatch");
    o.put("trusted", false);
    o.put("clientIdentifier", pin.clientId);
    o.put("expiresIn", Duration.between(clock.instant(), pin.expiresAt).toSeconds());
    o.put("expiresAt", pin.expiresAt.toString());
    if (pin.authToken == null) {
      o.putNull("authToken");
    } else {
      o.put("authToken", pin.authToken);
    }
    return o;
  }
}
