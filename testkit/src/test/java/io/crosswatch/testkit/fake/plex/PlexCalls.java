package io.crosswatch.testkit.fake.plex;

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

/** Raw calls to one of the fake Plex servers, for tests of the fake itself. */
final class PlexCalls {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;
  final Map<String, String> headers = new LinkedHashMap<>();

  PlexCalls(URI base) {
    this.base = base;
    headers.put("X-Plex-Token", FakePlex.TOKEN);
    headers.put("X-Plex-Client-Identifier", "test-device");
    headers.put("Accept", "application/json");
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send("GET", pathAndQuery);
  }

  HttpResponse<String> send(String method, String pathAndQuery) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody());
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

  static JsonNode container(HttpResponse<String> response) {
    return PlexJson.MAPPER.readTree(response.body()).path("MediaContainer");
  }
}
