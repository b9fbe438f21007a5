package io.crosswatch.server.web;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.server.CrosswatchServer;
import io.crosswatch.server.Listen;
import io.crosswatch.server.ServeSettings;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The whole service ({@code cw serve}'s assembly with these pages) on a free local port over a
 * config of FILE, TRACKER and SIMKL pairs, signed in as {@value #USER} with {@link #PASSWORD}; a
 * fake SIMKL is the tracker and answers the sign-in. Plex webhooks of {@code alice} are scrobbled
 * to the TRACKER.
 */
final class PagesFixture implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "correct horse battery";
  static final String SECRET = "s3cret-client-value-never-shown";

  final Path dir;
  final Path config;
  final Path stateDir;
  final FakeSimklServer simkl = FakeSimklServer.builder().build().start();
  final FakeMdblistServer mdblist = FakeMdblistServer.builder().build().start();
  final CrosswatchServer server;
  final PageServices services;

  PagesFixture(Path dir) throws IOException {
    this.dir = dir;
    this.stateDir = Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("library.json"), library());
    this.config = dir.resolve("config.json");
    Files.writeString(config, config(stateDir, simkl.baseUrl(), mdblist.baseUrl()));
    Clock clock = Clock.systemUTC();
    WebSecrets secrets = new WebSecrets(stateDir);
    secrets.setPassword(USER, PASSWORD.toCharArray());
    // Sign-ins poll the fake at once instead of waiting the service's interval.
    SignIns signIns = new SignIns(clock, d -> Thread.sleep(Math.min(d.toMillis(), 200)));
    this.server =
        CrosswatchServer.start(
            new ServeSettings(config, stateDir, ProviderRegistry.load(), clock, "test"),
            new Listen("127.0.0.1", 0),
            List.of(services -> new Pages(ServicePages.of(services), signIns)));
    this.services = ServicePages.of(server.services());
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static String library() {
    return """
        {"watchlist": [
          {"type": "movie", "title": "The Matrix", "year": 1999, "ids": {"imdb": "tt0133093", "tmdb": 603}},
          {"type": "movie", "title": "Heat", "year": 1995, "ids": {"imdb": "tt0113277", "tmdb": 949}},
          {"type": "show", "title": "The Wire", "year": 2002, "ids": {"imdb": "tt0306414", "tvdb": 79126}}],
         "ratings": [
          {"type": "movie", "title": "Heat", "year": 1995, "ids": {"imdb": "tt0113277"}, "rating": 9,
           "rated_at": "2026-01-02T03:04:05Z"}],
         "history": [
          {"type": "movie", "title": "The Matrix", "year": 1999, "ids": {"imdb": "tt0133093"},
           "watched_at": "2026-01-02T03:04:05Z"}]}
        """;
  }

  private static String config(Path stateDir, String simklUrl, String mdblistUrl) {
    return """
        {
          "runtime": {"state_dir": "%s", "apply_chunk_size": 100},
          "sync": {"tombstone_ttl_days": 30},
          "file": {"path": "library.json", "instances": {"backup": {"path": "backup.json"}}},
          "tracker": {},
          "trakt": {"client_id": "my-trakt-app", "client_secret": "%s"},
          "simkl": {"client_id": "%s", "access_token": "%s", "base_url": "%s"},
          "mdblist": {"base_url": "%s"},
          "plex": {},
          "scrobble": {"enabled": true,
                       "sources": [{"provider": "PLEX", "via": "webhook", "users": ["alice"]}],
                       "sinks": [{"provider": "TRACKER"}]},
          "pairs": [
            {"id": "library-to-tracker", "source": "FILE", "target": "TRACKER", "mode": "one-way",
             "features": {"watchlist": true, "history": true, "ratings": true}},
            {"id": "library-to-backup", "source": "FILE", "target": "FILE",
             "target_instance": "backup", "mode": "two-way",
             "features": {"watchlist": {"enable": true, "add": true, "remove": true}}},
            {"id": "library-to-simkl", "source": "FILE", "target": "SIMKL", "mode": "one-way",
             "features": {"watchlist": true}}
          ]
        }
        """
        .formatted(
            stateDir.toString().replace("\\", "\\\\"),
            SECRET,
            FakeSimklServer.CLIENT_ID,
            FakeSimklServer.ACCESS_TOKEN,
            simklUrl,
            mdblistUrl);
  }

  @Override
  public void close() {
    server.close();
    simkl.close();
    mdblist.close();
  }
}
