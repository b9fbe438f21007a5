package io.crosswatch.server;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.server.scrobble.ScrobblerFactory;
import io.crosswatch.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A running service over a FILE → FILE config in a temporary folder, with a password set, and an
 * HTTP client speaking to it over real loopback HTTP.
 */
public final class Served implements AutoCloseable {
  public static final String USER = "admin";
  public static final String PASSWORD = "correct horse battery staple";

  public final Path dir;
  public final Path config;
  public final Path stateDir;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  public final CrosswatchServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Served(Path dir, String extraConfig, int movies) {
    this(dir, config(extraConfig), movies, ProviderRegistry.load());
  }

  /** A service over the config {@code configText} and the given providers. */
  public Served(Path dir, String configText, int movies, ProviderRegistry registry) {
    this(dir, configText, movies, registry, ScrobblerFactory.BUILT_IN);
  }

  /** A service over the config {@code configText}, the given providers and scrobbling engine. */
  public Served(
      Path dir,
      String configText,
      int movies,
      ProviderRegistry registry,
      ScrobblerFactory scrobblers) {
    this.dir = dir;
    this.config = dir.resolve("config.json");
    this.stateDir = dir.resolve("state");
    write(config, configText);
    write(dir.resolve("library.json"), library(movies));
    new WebSecrets(stateDir).setPassword(USER, PASSWORD.toCharArray());
    server =
        CrosswatchServer.start(
            new ServeSettings(config, stateDir, registry, clock, "test-version", scrobblers),
            new Listen("127.0.0.1", 0),
            List.of());
  }

  /** A config with a FILE → FILE pair {@code lib-to-backup} and a Trakt block holding secrets. */
  public static String config(String extra) {
    return """
        {
          "runtime": {"apply_chunk_size": 5},
          "file": {"path": "library.json", "instances": {"backup": {"path": "backup.json"}}},
          "trakt": {"client_id": "public-id", "client_secret": "very-secret-value",
                    "access_token": "token-value-123", "refresh_token": ""},
          "pairs": [{"id": "lib-to-backup", "source": "FILE", "target": "FILE",
                     "target_instance": "backup", "mode": "one-way",
                     "features": {"watchlist": {"enable": true, "add": true, "remove": true},
                                  "history": false, "ratings": false}}]
        """
        + extra
        + "}";
  }

  /** A FILE document with {@code n} movies on the watchlist. */
  public static String library(int n) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(
          "{\"type\": \"movie\", \"title\": \"Movie "
              + i
              + "\", \"year\": 2000, \"ids\": {\"imdb\": \"tt"
              + (1000000 + i)
              + "\"}, \"listed_at\": \"2025-01-01T00:00:00Z\"}");
    }
    return "{\"watchlist\": [" + String.join(",", items) + "]}";
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Sends a request; {@code headers} alternate names and values. */
  public HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Logs in and returns the {@code Cookie} header value of the session. */
  public String login() {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/login",
            "{\"user\": \"" + USER + "\", \"password\": \"" + PASSWORD + "\"}");
    if (r.statusCode() != 200) {
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
    }
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** Waits (polling, at most 60 s) until run {@code id} has a summary. */
  public String awaitSummary(String cookie, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = send("GET", "/api/runs/" + id, null, "Cookie", cookie);
      if (r.statusCode() == 200 && !r.body().contains("\"status\":\"running\"")) {
        return r.body();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + id + " did not finish within 60 s");
  }

  @Override
  public void close() {
    server.close();
  }
}
