package io.crosswatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private static final AccessRule CLOSED =
      ctx -> {
        if (!ctx.routeRoles().contains(Role.PUBLIC)) {
          ctx.status(401).json(Map.of("error", "sign in first"));
          ctx.skipRemainingHandlers();
        }
      };

  @Test
  void healthzIsPublicAndARouteWithoutRoleIsClosed() throws Exception {
    Routes secret = routes -> routes.get("/secret", ctx -> ctx.result("hidden"));
    try (WebServer server = WebServer.start("127.0.0.1", 0, CLOSED, List.of(secret))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(get(server, "/healthz"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> hidden =
          http.send(get(server, "/secret"), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(hidden.statusCode()).isEqualTo(401);
      assertThat(hidden.body()).doesNotContain("hidden");
    }
  }

  @Test
  void templatesAreCompiledAtBuildTime() {
    assertThat(Templates.render("ping.jte", Map.of("version", "1.2 <b>")))
        .contains("crosswatch 1.2 &lt;b&gt; is running.");
  }

  private static HttpRequest get(WebServer server, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
  }
}
