package io.crosswatch.app.servers;

import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.time.Instant;
import java.util.List;

/**
 * Config and FILE document text for end-to-end runs against the fake servers. Movie {@code n} is
 * "Movie n" with imdb {@code tt(1000000+n)} and tmdb {@code 5000+n}, as the fakes generate it; show
 * {@code n} has tvdb {@code 300000+n} and its episode S{@code s}E{@code e} tvdb {@code 20000000 +
 * n·10000 + s·100 + e}.
 */
final class Servers {
  private Servers() {}

  /** A config with state in {@code state}, no pause between chunks, the blocks and one pair. */
  static String config(List<String> blocks, String pair) {
    return "{\n  \"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n  "
        + String.join(",\n  ", blocks)
        + ",\n  \"pairs\": ["
        + pair
        + "]\n}\n";
  }

  /** Pair {@code p} between two providers' default instances. */
  static String pair(String source, String target, String mode, String features) {
    return "{\"id\": \"p\", \"source\": \""
        + source
        + "\", \"target\": \""
        + target
        + "\", \"mode\": \""
        + mode
        + "\", \"features\": {"
        + features
        + "}}";
  }

  /** The {@code file} block of a FILE at {@code path}. */
  static String file(String path) {
    return "\"file\": {\"path\": \"" + path + "\"}";
  }

  /** The {@code jellyfin} block of the fake's default user. */
  static String jellyfin(FakeMediaBrowserServer server) {
    return mediaBrowser("jellyfin", server);
  }

  /** The {@code emby} block of the fake's default user. */
  static String emby(FakeMediaBrowserServer server) {
    return mediaBrowser("emby", server);
  }

  private static String mediaBrowser(String block, FakeMediaBrowserServer server) {
    return "\""
        + block
        + "\": {\"server\": \""
        + server.baseUrl()
        + "\", \"access_token\": \""
        + FakeMediaBrowserServer.ACCESS_TOKEN
        + "\", \"user_id\": \""
        + server.user().id()
        + "\", \"timeout\": 5}";
  }

  /** The {@code plex} block of the fake's default account, with all three addresses. */
  static String plex(FakePlex plex) {
    return "\"plex\": " + plexSettings(plex);
  }

  /** The settings of an instance on the fake's default account, with all three addresses. */
  static String plexSettings(FakePlex plex) {
    return "{\"server_url\": \""
        + plex.serverUrl()
        + "\", \"discover_url\": \""
        + plex.discoverUrl()
        + "\", \"plex_tv_url\": \""
        + plex.plexTvUrl()
        + "\", \"account_token\": \""
        + FakePlex.TOKEN
        + "\", \"client_id\": \"crosswatch-test\", \"timeout\": 5}";
  }

  /** The {@code trakt} block of the fake's default user, tokens in the config. */
  static String trakt(FakeTraktServer trakt) {
    return "\"trakt\": {\"client_id\": \""
        + FakeTraktServer.CLIENT_ID
        + "\", \"client_secret\": \""
        + FakeTraktServer.CLIENT_SECRET
        + "\", \"access_token\": \""
        + FakeTraktServer.ACCESS_TOKEN
        + "\", \"refresh_token\": \""
        + FakeTraktServer.REFRESH_TOKEN
        + "\", \"base_url\": \""
        + trakt.baseUrl()
        + "\"}";
  }

  /** The {@code simkl} block of the fake's default user, the token in the config. */
  static String simkl(FakeSimklServer simkl) {
    return "\"simkl\": {\"client_id\": \""
        + FakeSimklServer.CLIENT_ID
        + "\", \"access_token\": \""
        + FakeSimklServer.ACCESS_TOKEN
        + "\", \"base_url\": \""
        + simkl.baseUrl()
        + "\", \"timeout\": 5}";
  }

  /** A FILE document with the three features. */
  static String doc(List<String> watchlist, List<String> history, List<String> ratings) {
    return "{\"watchlist\": ["
        + String.join(",\n", watchlist)
        + "],\n\"history\": ["
        + String.join(",\n", history)
        + "],\n\"ratings\": ["
        + String.join(",\n", ratings)
        + "]}\n";
  }

  /** Movie {@code n} with extra fields ({@code "key": value, ...}, or empty). */
  static String movie(int n, String fields) {
    return "{\"type\": \"movie\", \"title\": \"Movie "
        + n
        + "\", \"year\": "
        + (1970 + n % 50)
        + ", \"ids\": {\"imdb\": \""
        + imdb(n)
        + "\", \"tmdb\": "
        + (5000 + n)
        + "}"
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  /** Episode S{@code season}E{@code number} of show {@code show} with extra fields. */
  static String episode(int show, int season, int number, String fields) {
    return "{\"type\": \"episode\", \"title\": \"Episode "
        + number
        + "\", \"show\": {\"title\": \"Show "
        + show
        + "\", \"year\": "
        + (1960 + show)
        + ", \"ids\": {\"tvdb\": "
        + (300000 + show)
        + "}}, \"season\": "
        + season
        + ", \"number\": "
        + number
        + ", \"ids\": {\"tvdb\": "
        + episodeTvdb(show, season, number)
        + "}"
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  static String played(Instant at) {
    return "\"watched_at\": \"" + at + "\"";
  }

  static String listed(Instant at) {
    return "\"listed_at\": \"" + at + "\"";
  }

  static String rated(int rating, Instant at) {
    return "\"rating\": " + rating + ", \"rated_at\": \"" + at + "\"";
  }

  static String imdb(int n) {
    return "tt" + (1000000 + n);
  }

  static long episodeTvdb(int show, int season, int number) {
    return 20000000L + show * 10000L + season * 100L + number;
  }
}
