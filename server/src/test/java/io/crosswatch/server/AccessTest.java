package io.crosswatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use what: every route is closed unless public, logins are throttled, Origin is checked.
 */
class AccessTest {
  @TempDir Path dir;
  private Served served;

  @BeforeEach
  void start() {
    served = new Served(dir, "", 1);
  }

  @AfterEach
  void stop() {
    served.close();
  }

  @Test
  void
      everyRouteTheRouterKnowsAnswers401WithoutCredentialsUnlessItIsPublicAndWebhooksWithoutToken() {
    List<ParsedEndpoint> endpoints = served.server.endpoints();
    assertThat(endpoints).hasSizeGreaterThan(10);
    int checked = 0;
    int webhooks = 0;
    for (ParsedEndpoint e : endpoints) {
      HandlerType method = e.endpoint.method;
      String path = e.endpoint.path.replace("{id}", "20260301T100000Z-abcd");
      if (!method.isHttpMethod() || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
        continue;
      }
      Roles roles = e.endpoint.metadata(Roles.class);
      boolean isPublic = roles != null && roles.getRoles().contains(Role.PUBLIC);
      HttpResponse<String> r = served.send(method.name(), path, "{}");
      if (isPublic && path.startsWith("/webhook/")) {
        assertThat(path).isIn("/webhook/plex", "/webhook/jellyfin", "/webhook/emby");
        assertThat(r.statusCode()).as(method + " " + path + " without its token").isEqualTo(401);
        assertThat(r.body()).as(method + " " + path).startsWith("{\"error\":");
        webhooks++;
        continue;
      }
      if (isPublic) {
        assertThat(path)
            .as("public routes are the known few")
            .isIn("/healthz", "/api/login", "/api/logout", "/login", "/assets/{name}");
        continue;
      }
      checked++;
      if (path.startsWith("/api/") || path.equals("/metrics")) {
        assertThat(r.statusCode()).as(method + " " + path).isEqualTo(401);
        assertThat(r.body()).as(method + " " + path).startsWith("{\"error\":");
      } else {
        assertThat(r.statusCode()).as(method + " " + path).isIn(301, 302, 303);
        assertThat(r.headers().firstValue("Location")).as(method + " " + path).contains("/login");
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
    assertThat(webhooks).isEqualTo(3);
    assertThat(served.send("GET", "/healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrictAndLogoutEndsIt() {
    HttpResponse<String> r =
        served.send(
            "POST",
            "/api/login",
            "{\"user\": \"" + Served.USER + "\", \"password\": \"" + Served.PASSWORD + "\"}");
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(setCookie).doesNotContainIgnoringCase("Secure;");
    assertThat(served.send("GET", "/api/status", null, "Cookie", cookie).statusCode())
        .isEqualTo(200);
    served.send("POST", "/api/logout", null, "Cookie", cookie);
    assertThat(served.send("GET", "/api/status", null, "Cookie", cookie).statusCode())
        .isEqualTo(401);
  }

  @Test
  void fiveFailedLoginsFromOneAddressBlockItForFiveMinutes() {
    String wrong = "{\"user\": \"admin\", \"password\": \"guess\"}";
    String right = "{\"user\": \"admin\", \"password\": \"" + Served.PASSWORD + "\"}";
    for (int i = 1; i <= 4; i++) {
      assertThat(served.send("POST", "/api/login", wrong).statusCode())
          .as("attempt " + i)
          .isEqualTo(401);
      served.clock.advance(Duration.ofMinutes(1));
    }
    HttpResponse<String> fifth = served.send("POST", "/api/login", wrong);
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.headers().firstValue("Retry-After")).contains("300");

    served.clock.advance(Duration.ofMinutes(4));
    HttpResponse<String> blocked = served.send("POST", "/api/login", right);
    assertThat(blocked.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).contains("60");

    served.clock.advance(Duration.ofMinutes(1));
    assertThat(served.send("POST", "/api/login", right).statusCode()).isEqualTo(200);
  }

  @Test
  void failuresSpreadOverMoreThanTenMinutesDoNotBlock() {
    String wrong = "{\"user\": \"admin\", \"password\": \"guess\"}";
    for (int i = 1; i <= 6; i++) {
      assertThat(served.send("POST", "/api/login", wrong).statusCode())
          .as("attempt " + i)
          .isEqualTo(401);
      served.clock.advance(Duration.ofMinutes(3));
    }
  }

  @Test
  void aCookieAuthenticatedChangeFromAnotherOriginIsRefusedWith403() {
    String cookie = served.login();

    HttpResponse<String> foreign =
        served.send(
            "POST",
            "/api/runs",
            "{\"dry_run\": true}",
            "Cookie",
            cookie,
            "Origin",
            "https://evil.example");
    HttpResponse<String> foreignPut =
        served.send("PUT", "/api/config", "{}", "Cookie", cookie, "Origin", "http://127.0.0.1:1");
    HttpResponse<String> own =
        served.send(
            "POST", "/api/state/clear-unresolved", "{}", "Cookie", cookie, "Origin", served.base());

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("another site");
    assertThat(foreignPut.statusCode()).isEqualTo(403);
    assertThat(own.statusCode()).isEqualTo(200);
  }
}
