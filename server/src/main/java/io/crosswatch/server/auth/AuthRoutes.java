package io.crosswatch.server.auth;

import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.Json;
import io.crosswatch.server.Role;
import io.crosswatch.server.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/login} (throttled) and {@code POST /api/logout}. */
public final class AuthRoutes implements Routes {
  private final WebSecrets secrets;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  public AuthRoutes(WebSecrets secrets, Sessions sessions, LoginThrottle throttle) {
    this.secrets = secrets;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/api/login", this::login, Role.PUBLIC);
    routes.post("/api/logout", this::logout, Role.PUBLIC);
  }

  private void login(Context ctx) {
    String address = ctx.ip();
    Optional<Duration> wait = throttle.blocked(address);
    if (wait.isPresent()) {
      tooMany(ctx, wait.get());
      return;
    }
    JsonNode body = Json.parseBody(ctx.body());
    String user = body.path("user").asString("");
    String password = body.path("password").asString("");
    if (user.isEmpty() || password.isEmpty()) {
      throw ApiProblem.badRequest("send {\"user\": \"…\", \"password\": \"…\"}");
    }
    if (!secrets.hasPassword()) {
      throw new ApiProblem(
          401, "no web password is set; set one with: cw web passwd --password-stdin");
    }
    if (!secrets.checkLogin(user, password.toCharArray())) {
      Optional<Duration> blocked = throttle.failed(address);
      if (blocked.isPresent()) {
        tooMany(ctx, blocked.get());
        return;
      }
      throw new ApiProblem(401, "wrong user or password");
    }
    throttle.succeeded(address);
    boolean https = "https".equals(ctx.scheme());
    ctx.cookie(
        new Cookie(
            AccessControl.COOKIE,
            sessions.open(user),
            "/",
            -1,
            https,
            true,
            null,
            SameSite.STRICT));
    ctx.json(Map.of("user", user));
  }

  private void logout(Context ctx) {
    sessions.close(ctx.cookie(AccessControl.COOKIE));
    ctx.removeCookie(AccessControl.COOKIE, "/");
    ctx.json(Map.of("status", "signed out"));
  }

  private static void tooMany(Context ctx, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ctx.header("Retry-After", Long.toString(seconds));
    ctx.status(429)
        .json(
            Map.of(
                "error",
                "too many failed logins from this address; try again in " + seconds + " s"));
  }
}
