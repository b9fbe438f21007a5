package io.crosswatch.providers.plex;

import static io.crosswatch.providers.http.SettingsChecks.kind;
import static io.crosswatch.providers.http.SettingsChecks.text;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one Plex instance, with CrossWatch's keys.
 *
 * @param serverUrl the Plex Media Server's address, {@code null} when not configured (watchlist
 *     only)
 * @param accountToken the plex.tv account token (Discover watchlist; the server too unless {@code
 *     pmsToken} is set)
 * @param pmsToken the server's own resource token, empty when the account token is used
 * @param clientId this device's {@code X-Plex-Client-Identifier}, set by PIN login
 * @param accountId the server-local account id of the user (kept for history-row reads, later)
 * @param machineId the expected server {@code machineIdentifier}, empty when not checked
 * @param discoverUrl where the watchlist lives
 * @param plexTvUrl plex.tv, for PIN login and account checks
 * @param timeout how long one HTTP attempt may take
 * @param verifySsl whether the server's TLS certificate is checked
 * @param maxRetries how often a failed request is sent again
 * @param historyLibraries sections (ids or titles) whose plays count; empty for all
 * @param ratingsLibraries sections (ids or titles) whose ratings count; empty for all
 * @param watchlistPageSize Discover page size
 * @param watchlistWriteDelay least time between two Discover writes
 * @param guidPriority which external id kinds are tried, in order, to find a title on Discover
 * @param notificationsUrl where scrobbling's watcher reaches the server's notification websocket
 *     ({@code notifications_url}, else the server's address); {@code null} without a server
 */
record PlexSettings(
    URI serverUrl,
    String accountToken,
    String pmsToken,
    String clientId,
    String accountId,
    String machineId,
    URI discoverUrl,
    URI plexTvUrl,
    Duration timeout,
    boolean verifySsl,
    int maxRetries,
    List<String> historyLibraries,
    List<String> ratingsLibraries,
    int watchlistPageSize,
    Duration watchlistWriteDelay,
    List<IdKind> guidPriority,
    URI notificationsUrl) {

  /**
   * Where the server's notification websocket is reached when not at {@code server_url} (a reverse
   * proxy that serves it elsewhere); scrobbling's watcher uses it.
   */
  static final String NOTIFICATIONS_KEY = "notifications_url";

  static final String DEFAULT_DISCOVER_URL = "https://discover.provider.plex.tv";
  static final String DEFAULT_PLEX_TV_URL = "https://plex.tv";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_MAX_RETRIES = 3;
  static final int DEFAULT_WATCHLIST_PAGE_SIZE = 100;
  static final List<IdKind> DEFAULT_GUID_PRIORITY = List.of(IdKind.TMDB, IdKind.IMDB, IdKind.TVDB);

  private static final Set<String> STRING_KEYS =
      Set.of("account_token", "pms_token", "client_id", "machine_id", "username", "home_pin");
  private static final Set<String> URL_KEYS =
      Set.of("server_url", "discover_url", "plex_tv_url", NOTIFICATIONS_KEY);
  private static final Set<String> FEATURE_KEYS =
      Set.of("history", "ratings", "scrobble", "progress");

  /** CrossWatch keys accepted (so its configs load without warnings) but not used here. */
  private static final Set<String> IGNORED_BOOLEANS =
      Set.of(
          "fallback_GUID",
          "watchlist_allow_pms_fallback",
          "watchlist_title_query",
          "watchlist_use_metadata_match");

  private static final Set<String> IGNORED_COUNTS =
      Set.of("rating_workers", "history_workers", "watchlist_query_limit");

  PlexSettings {
    historyLibraries = List.copyOf(historyLibraries);
    ratingsLibraries = List.copyOf(ratingsLibraries);
    guidPriority = List.copyOf(guidPriority);
  }

  /** These settings with the account token (and device id, when given) of a sign-in. */
  PlexSettings withAccount(String token, String device) {
    return new PlexSettings(
        serverUrl,
        token,
        pmsToken,
        device == null || device.isBlank() ? clientId : device,
        accountId,
        machineId,
        discoverUrl,
        plexTvUrl,
        timeout,
        verifySsl,
        maxRetries,
        historyLibraries,
        ratingsLibraries,
        watchlistPageSize,
        watchlistWriteDelay,
        guidPriority,
        notificationsUrl);
  }

  /** The token sent to the server: its own resource token when set, else the account token. */
  String serverToken() {
    return pmsToken.isEmpty() ? accountToken : pmsToken;
  }

  /** Whether a server is configured (history and ratings need one). */
  boolean hasServer() {
    return serverUrl != null;
  }

  @Override
  public String toString() {
    // Never print the tokens, whatever ends up logging this record.
    return "PlexSettings[serverUrl="
        + serverUrl
        + ", discoverUrl="
        + discoverUrl
        + ", historyLibraries="
        + historyLibraries
        + ", ratingsLibraries="
        + ratingsLibraries
        + "]";
  }

  /** Type and value problems of a settings object; unknown keys are warnings. */
  static List<ConfigIssue> validate(JsonNode settings, String path) {
    List<ConfigIssue> issues = new ArrayList<>();
    if (!SettingsChecks.isObject(settings, path, issues)) {
      return issues;
    }
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      checkKey(e.getKey(), e.getValue(), path + "." + e.getKey(), issues);
    }
    return issues;
  }

  private static void checkKey(String key, JsonNode v, String at, List<ConfigIssue> issues) {
    if (STRING_KEYS.contains(key)) {
      SettingsChecks.checkString(v, at, issues);
    } else if (URL_KEYS.contains(key)) {
      if (SettingsChecks.checkString(v, at, issues) && v.isString() && !v.stringValue().isBlank()) {
        SettingsChecks.checkUrl(v.stringValue(), at, "such as http://192.168.1.10:32400", issues);
      }
    } else if (key.equals("account_id")) {
      if (!(v.isString() || v.isNull() || (v.isIntegralNumber() && v.asLong() >= 0))) {
        issues.add(ConfigIssue.error(at, "must be a string or a whole number, got " + kind(v)));
      }
    } else if (key.equals("timeout")) {
      SettingsChecks.checkTimeout(v, at, issues);
    } else if (key.equals("verify_ssl") || IGNORED_BOOLEANS.contains(key)) {
      SettingsChecks.checkBoolean(v, at, issues);
    } else if (key.equals("max_retries")) {
      requireWhole(v, 0, 10, at, issues);
    } else if (key.equals("watchlist_page_size")) {
      requireWhole(v, 1, 1000, at, issues);
    } else if (key.equals("watchlist_write_delay_ms")) {
      requireWhole(v, 0, 60_000, at, issues);
    } else if (IGNORED_COUNTS.contains(key)) {
      requireWhole(v, 0, 1000, at, issues);
    } else if (key.equals("watchlist_guid_priority")) {
      checkGuidPriority(v, at, issues);
    } else if (FEATURE_KEYS.contains(key)) {
      checkFeatureBlock(v, at, issues);
    } else {
      SettingsChecks.unknownKey(at, issues);
    }
  }

  private static void checkFeatureBlock(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isObject()) {
      issues.add(ConfigIssue.error(at, "must be an object such as {\"libraries\": []}"));
      return;
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String sub = at + "." + e.getKey();
      if (e.getKey().equals("libraries")) {
        checkLibraries(e.getValue(), sub, issues);
      } else if (e.getKey().equals("include_marked_watched")) {
        SettingsChecks.checkBoolean(e.getValue(), sub, issues);
      } else {
        SettingsChecks.unknownKey(sub, issues);
      }
    }
  }

  private static void checkLibraries(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isArray()) {
      issues.add(ConfigIssue.error(at, "must be a list of section ids or titles, got " + kind(v)));
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode entry = v.get(i);
      boolean ok =
          (entry.isString() && !entry.stringValue().isBlank())
              || (entry.isIntegralNumber() && entry.asLong() > 0);
      if (!ok) {
        issues.add(
            ConfigIssue.error(
                at + "[" + i + "]",
                "must be a section id (number) or title (string), got " + kind(entry)));
      }
    }
  }

  private static void checkGuidPriority(JsonNode v, String at, List<ConfigIssue> issues) {
    if (!v.isArray() || !allStrings(v)) {
      issues.add(ConfigIssue.error(at, "must be a list of strings such as [\"tmdb\", \"imdb\"]"));
    }
  }

  private static boolean allStrings(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isString()) {
        return false;
      }
    }
    return true;
  }

  private static void requireWhole(
      JsonNode v, long min, long max, String at, List<ConfigIssue> issues) {
    if (!SettingsChecks.isWhole(v, min, max)) {
      issues.add(
          ConfigIssue.error(
              at,
              "must be a whole number within ["
                  + min
                  + ", "
                  + max
                  + "], got "
                  + SettingsChecks.shown(v)));
    }
  }

  /** Reads settings that {@link #validate} accepted; missing keys take their defaults. */
  static PlexSettings from(JsonNode s) {
    String server = text(s, "server_url");
    URI serverUrl = server.isEmpty() ? null : URI.create(SettingsChecks.stripSlash(server));
    JsonNode verify = s.get("verify_ssl");
    return new PlexSettings(
        serverUrl,
        text(s, "account_token"),
        text(s, "pms_token"),
        text(s, "client_id"),
        s.path("account_id").isNumber() ? s.get("account_id").asString() : text(s, "account_id"),
        text(s, "machine_id"),
        url(s, "discover_url", DEFAULT_DISCOVER_URL),
        url(s, "plex_tv_url", DEFAULT_PLEX_TV_URL),
        SettingsChecks.timeout(s, DEFAULT_TIMEOUT),
        verify == null || !verify.isBoolean() || verify.booleanValue(),
        intOr(s, "max_retries", DEFAULT_MAX_RETRIES),
        libraries(s.path("history").path("libraries")),
        libraries(s.path("ratings").path("libraries")),
        intOr(s, "watchlist_page_size", DEFAULT_WATCHLIST_PAGE_SIZE),
        Duration.ofMillis(intOr(s, "watchlist_write_delay_ms", 0)),
        guidPriority(s.get("watchlist_guid_priority")),
        serverUrl == null ? null : url(s, NOTIFICATIONS_KEY, serverUrl.toString()));
  }

  /**
   * The id kinds named in CrossWatch's {@code watchlist_guid_priority}; its agent entries ({@code
   * agent:themoviedb}) name the same databases and add nothing here.
   */
  private static List<IdKind> guidPriority(JsonNode v) {
    if (v == null || !v.isArray()) {
      return DEFAULT_GUID_PRIORITY;
    }
    List<IdKind> kinds = new ArrayList<>();
    for (JsonNode n : v) {
      IdKind.fromKey(n.asString("").strip().toLowerCase(Locale.ROOT))
          .filter(DEFAULT_GUID_PRIORITY::contains)
          .filter(k -> !kinds.contains(k))
          .ifPresent(kinds::add);
    }
    for (IdKind k : DEFAULT_GUID_PRIORITY) {
      if (!kinds.contains(k)) {
        kinds.add(k);
      }
    }
    return kinds;
  }

  private static List<String> libraries(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(n -> out.add(n.asString().strip()));
    }
    return out;
  }

  private static URI url(JsonNode s, String key, String otherwise) {
    String v = text(s, key);
    return URI.create(SettingsChecks.stripSlash(v.isEmpty() ? otherwise : v));
  }

  private static int intOr(JsonNode s, String key, int otherwise) {
    JsonNode v = s.get(key);
    return v != null && v.isIntegralNumber() ? v.asInt() : otherwise;
  }
}
