package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.mediabrowser.MediaBrowserSettings.WatchlistMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The health check of one server user: reachable ({@code /System/Info/Public}: product, version),
 * the right product and version, and a token that belongs to {@code user_id} ({@code
 * /Users/{userId}}).
 */
final class MediaBrowserHealth {
  private final String label;
  private final MediaBrowserApi api;
  private final MediaBrowserSettings settings;
  private final Set<Feature> features;
  private final Map<String, String> details = new LinkedHashMap<>();

  MediaBrowserHealth(
      String label, MediaBrowserApi api, MediaBrowserSettings settings, Set<Feature> features) {
    this.label = label;
    this.api = api;
    this.settings = settings;
    this.features = features;
  }

  HealthReport check() {
    String auth = "; run cw auth " + api.dialect().blockName();
    if (settings.accessToken().isEmpty()) {
      return report(Status.AUTH_FAILED, label + ": access_token is empty" + auth, Duration.ZERO);
    }
    if (settings.userId().isEmpty()) {
      return report(Status.AUTH_FAILED, label + ": user_id is empty" + auth, Duration.ZERO);
    }
    long started = System.nanoTime();
    try {
      String problem = describeServer(api.publicInfo());
      if (problem != null) {
        return report(Status.DOWN, label + ": " + problem, since(started));
      }
      HttpAnswer user = api.send(api.dialect().user(settings.userId()));
      if (user.status() == 404) {
        return report(
            Status.AUTH_FAILED,
            user.describe() + ": user_id is not a user of this server" + auth,
            since(started));
      }
      if (!user.isSuccess()) {
        throw api.failure(user);
      }
      details.put("user", api.json(user).path("Name").asString(""));
      details.put("auth", "valid");
      details.put("watchlist", watchlistMode());
      return report(Status.OK, "ok", since(started));
    } catch (ProviderException e) {
      Status status = e.kind() == Kind.AUTH ? Status.AUTH_FAILED : Status.DOWN;
      return report(status, e.getMessage(), since(started));
    }
  }

  /** Puts the server's facts into the details; returns why it cannot be used, or null. */
  private String describeServer(JsonNode info) throws ProviderException {
    String product = info.path("ProductName").asString("");
    String version = info.path("Version").asString("");
    details.put("product", product.isEmpty() ? api.dialect().product() + " Server" : product);
    details.put("version", version);
    details.put("server_name", info.path("ServerName").asString(""));
    details.put("server_id", info.path("Id").asString(""));
    if (api.dialect() == Dialect.EMBY) {
      details.put("path_prefix", api.prefix().isEmpty() ? "none" : api.prefix());
    }
    Dialect other = api.dialect() == Dialect.JELLYFIN ? Dialect.EMBY : Dialect.JELLYFIN;
    if (product.toLowerCase(Locale.ROOT).contains(other.product().toLowerCase(Locale.ROOT))) {
      return "the server is " + product + "; configure it under \"" + other.blockName() + "\"";
    }
    if (api.dialect() == Dialect.JELLYFIN && olderThan(version, 10, 9)) {
      return "Jellyfin " + version + " is too old; crosswatch needs Jellyfin 10.9 or later";
    }
    return null;
  }

  private String watchlistMode() {
    return settings.watchlistMode() == WatchlistMode.PLAYLIST
        ? "playlist \"" + settings.playlistName() + "\""
        : "favorites";
  }

  private HealthReport report(Status status, String message, Duration latency) {
    Set<Feature> usable = status == Status.OK ? features : Set.of();
    return new HealthReport(status, message, latency, usable, details);
  }

  static boolean olderThan(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    try {
      int ma = Integer.parseInt(parts[0]);
      int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return ma < major || (ma == major && mi < minor);
    } catch (NumberFormatException e) {
      // An unreadable version (a development build) is given the benefit of the doubt.
      return false;
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
