package io.crosswatch.providers.mediabrowser;

import static io.crosswatch.providers.http.SettingsChecks.kind;
import static io.crosswatch.providers.http.SettingsChecks.text;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one Jellyfin or Emby instance, with CrossWatch's keys.
 *
 * @param server the server's address (for Emby, with or without {@code /emby})
 * @param accessToken the user's access token
 * @param userId the user's id on the server
 * @param username the user's name (for {@code cw auth}; informational otherwise)
 * @param deviceId the device id the server files the token under
 * @param watchlistMode whether the watchlist is the favourites or a named playlist
 * @param playlistName the playlist's name in playlist mode
 * @param verifySsl whether the server's certificate is checked (false: self-signed servers on a
 *     home network)
 * @param timeout how long one HTTP attempt may take
 * @param concurrency how many writes may be in flight at once
 * @param libraries per feature, the libraries (names or ids) it is restricted to; absent = all
 * @param sessionsPoll how often scrobbling's watcher reads {@code /Sessions}
 */
record MediaBrowserSettings(
    URI server,
    String accessToken,
    String userId,
    String username,
    String deviceId,
    WatchlistMode watchlistMode,
    String playlistName,
    boolean verifySsl,
    Duration timeout,
    int concurrency,
    Map<Feature, List<String>> libraries,
    Duration sessionsPoll) {

  /** Where the watchlist lives on a server, which has none of its own. */
  enum WatchlistMode {
    FAVORITES,
    PLAYLIST
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_CONCURRENCY = 4;
  static final int MAX_CONCURRENCY = 32;
  static final String DEFAULT_PLAYLIST = "Watchlist";

  /** How often scrobbling's watcher reads {@code /Sessions}, in seconds. */
  static final String POLL_KEY = "sessions_poll_sec";

  static final int DEFAULT_POLL_SEC = 5;
  private static final int MAX_POLL_SEC = 3600;

  private static final Set<String> STRING_KEYS =
      Set.of("access_token", "user_id", "username", "device_id");

  MediaBrowserSettings {
    libraries = Map.copyOf(libraries);
  }

  @Override
  public String toString() {
    // Never print the token, whatever ends up logging this record.
    return "MediaBrowserSettings[server=" + server + ", userId=" + userId + "]";
  }

  /** These settings with the token, user id and device id of a sign-in (blank ones kept). */
  MediaBrowserSettings withLogin(String token, String user, String device) {
    return login(
        token,
        user == null || user.isBlank() ? userId : user,
        device == null || device.isBlank() ? deviceId : device);
  }

  /** These settings without a token or user id: what a login starts from. */
  MediaBrowserSettings anonymous() {
    return login("", "", deviceId);
  }

  private MediaBrowserSettings login(String token, String user, String device) {
    return new MediaBrowserSettings(
        server,
        token,
        user,
        username,
        device,
        watchlistMode,
        playlistName,
        verifySsl,
        timeout,
        concurrency,
        libraries,
        sessionsPoll);
  }

  /** Whether {@code server} is set (a pair's instance always has it; a sign-in checks it). */
  boolean hasServer() {
    return !server.toString().isEmpty();
  }

  /** The libraries one feature is restricted to, or empty for all. */
  List<String> librariesOf(Feature feature) {
    return libraries.getOrDefault(feature, List.of());
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path, String example) {
    List<ConfigIssue> issues = new ArrayList<>();
    if (!SettingsChecks.isObject(settings, path, issues)) {
      return issues;
    }
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      checkKey(e.getKey(), e.getValue(), path + "." + e.getKey(), issues);
    }
    return issues;
  }

  /** What an instance that a pair uses needs besides valid values: the server's address. */
  static List<ConfigIssue> validateForUse(JsonNode settings, String path, String example) {
    JsonNode server = settings.get("server");
    if (server == null
        || server.isNull()
        || (server.isString() && server.stringValue().isBlank())) {
      return List.of(
          ConfigIssue.error(
              path + ".server", "is required: the server's address, e.g. " + example));
    }
    return List.of();
  }

  private static void checkKey(String key, JsonNode v, String at, List<ConfigIssue> issues) {
    if (STRING_KEYS.contains(key)) {
      SettingsChecks.checkString(v, at, issues);
    } else if (key.equals("server")) {
      if (v.isString() && !v.stringValue().isBlank()) {
        SettingsChecks.checkUrl(v.stringValue(), at, "with a host", issues);
      } else if (!v.isString() && !v.isNull()) {
        issues.add(ConfigIssue.error(at, "must be a string, got " + kind(v)));
      }
    } else if (key.equals("verify_ssl")) {
      if (!v.isBoolean()) {
        issues.add(ConfigIssue.error(at, "must be true or false, got " + kind(v)));
      }
    } else if (key.equals("timeout")) {
      SettingsChecks.checkTimeout(v, at, issues);
    } else if (key.equals("concurrency")) {
      if (!SettingsChecks.isWhole(v, 1, MAX_CONCURRENCY)) {
        issues.add(
            ConfigIssue.error(
                at,
                "must be a whole number within 1.."
                    + MAX_CONCURRENCY
                    + ", got "
                    + SettingsChecks.shown(v)));
      }
    } else if (key.equals(POLL_KEY)) {
      if (!SettingsChecks.isWhole(v, 1, MAX_POLL_SEC)) {
        issues.add(
            ConfigIssue.error(
                at,
                "must be a whole number of seconds within 1.."
                    + MAX_POLL_SEC
                    + ", got "
                    + SettingsChecks.shown(v)));
      }
    } else if (key.equals("watchlist")) {
      checkFeature(v, at, true, issues);
    } else if (key.equals("history") || key.equals("ratings")) {
      checkFeature(v, at, false, issues);
    } else {
      SettingsChecks.unknownKey(at, issues);
    }
  }

  private static void checkFeature(
      JsonNode v, String at, boolean watchlist, List<ConfigIssue> issues) {
    if (!v.isObject()) {
      issues.add(ConfigIssue.error(at, "must be an object, got " + kind(v)));
      return;
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      String sub = at + "." + key;
      if (key.equals("libraries")) {
        checkLibraries(value, sub, issues);
      } else if (watchlist && key.equals("mode")) {
        if (!(value.isString()
            && (value.stringValue().equals("favorites")
                || value.stringValue().equals("playlist")))) {
          issues.add(
              ConfigIssue.error(
                  sub,
                  "must be \"favorites\" or \"playlist\", got "
                      + (value.isString() ? "\"" + value.stringValue() + "\"" : kind(value))));
        }
      } else if (watchlist && key.equals("playlist_name")) {
        SettingsChecks.checkString(value, sub, issues);
      } else {
        SettingsChecks.unknownKey(sub, issues);
      }
    }
  }

  private static void checkLibraries(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isArray()) {
      issues.add(ConfigIssue.error(at, "must be a list of library names or ids, got " + kind(v)));
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode name = v.get(i);
      if (!name.isString() || name.stringValue().isBlank()) {
        issues.add(
            ConfigIssue.error(
                at + "[" + i + "]", "must be a library name or id, got " + kind(name)));
      }
    }
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static MediaBrowserSettings from(JsonNode s, String defaultDeviceId) {
    JsonNode concurrency = s.get("concurrency");
    JsonNode poll = s.get(POLL_KEY);
    JsonNode verify = s.get("verify_ssl");
    JsonNode watchlist = s.path("watchlist");
    String deviceId = text(s, "device_id");
    String playlist = text(watchlist, "playlist_name");
    Map<Feature, List<String>> libraries = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      List<String> names = new ArrayList<>();
      s.path(f.key()).path("libraries").forEach(n -> names.add(n.asString().strip()));
      if (!names.isEmpty()) {
        libraries.put(f, List.copyOf(names));
      }
    }
    return new MediaBrowserSettings(
        URI.create(SettingsChecks.stripSlash(text(s, "server"))),
        text(s, "access_token"),
        text(s, "user_id"),
        text(s, "username"),
        deviceId.isEmpty() ? defaultDeviceId : deviceId,
        text(watchlist, "mode").equals("playlist")
            ? WatchlistMode.PLAYLIST
            : WatchlistMode.FAVORITES,
        playlist.isEmpty() ? DEFAULT_PLAYLIST : playlist,
        verify == null || !verify.isBoolean() || verify.booleanValue(),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT),
        concurrency != null && concurrency.canConvertToInt()
            ? concurrency.intValue()
            : DEFAULT_CONCURRENCY,
        libraries,
        Duration.ofSeconds(
            poll != null && poll.isIntegralNumber() ? poll.asLong() : DEFAULT_POLL_SEC));
  }
}
