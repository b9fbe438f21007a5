package io.crosswatch.testkit.fake.trakt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Raw calls to a fake Trakt, for tests of the fake itself. */
final class TraktCalls {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  final Map<String, String> headers = new LinkedHashMap<>();

  TraktCalls(String base) {
    this.base = base;
    headers.put("trakt-api-key", FakeTraktServer.CLIENT_ID);
    headers.put("trakt-api-version", "2");
    headers.put("Authorization", "Bearer " + FakeTraktServer.ACCESS_TOKEN);
    headers.put("Content-Type", "application/json");
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  static JsonNode json(HttpResponse<String> response) {
    return TraktJson.MAPPER.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    headers.forEach(b::header);
    b.timeout(Duration.ofSeconds(5));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
