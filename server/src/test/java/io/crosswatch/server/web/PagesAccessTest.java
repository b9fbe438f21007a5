package io.crosswatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page the router knows sends a visitor who has not signed in to the login page. */
class PagesAccessTest {
  private static final List<String> PUBLIC = List.of("/login", "/assets/{name}");

  @TempDir static Path dir;
  private static PagesFixture service;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    service = new PagesFixture(dir);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void everyPageButTheLoginAndItsAssetsRedirectsToTheLoginWithoutASession() throws Exception {
    List<ParsedEndpoint> pages =
        service.server.endpoints().stream().filter(e -> isPage(e.endpoint.path)).toList();
    assertThat(pages)
        .extracting(e -> e.endpoint.path)
        .contains("/", "/config", "/state", "/providers", "/runs/{id}", "/login");

    for (ParsedEndpoint e : pages) {
      String path = e.endpoint.path.replaceAll("\\{[^}]+}", "app.css");
      HttpResponse<String> answer = send(e.endpoint.method.name(), path);
      if (PUBLIC.contains(e.endpoint.path)) {
        assertThat(answer.statusCode()).as(e.endpoint.method + " " + path).isEqualTo(200);
      } else {
        assertThat(answer.statusCode()).as(e.endpoint.method + " " + path).isIn(302, 303);
        assertThat(answer.headers().firstValue("Location"))
            .as(e.endpoint.method + " " + path)
            .hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
      }
    }
  }

  @Test
  void theStylesScriptsAndHtmxAreServedFromTheServiceItself() throws Exception {
    for (String asset : List.of("app.css", "app.js", "run.js", "htmx.min.js")) {
      HttpResponse<String> answer = send("GET", "/assets/" + asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.body()).as(asset).isNotBlank();
    }
    assertThat(send("GET", "/assets/htmx.min.js").body()).contains("htmx");
    assertThat(send("GET", "/assets/secrets.json").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/login").body())
        .doesNotContain("http://", "https://")
        .contains("/assets/app.css");
  }

  private static boolean isPage(String path) {
    return !path.startsWith("/api")
        && !path.equals("/metrics")
        && !path.equals("/healthz")
        && !path.startsWith("/webhook/")
        && !path.contains("*");
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(service.base() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
