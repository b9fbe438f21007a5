package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The health check: the server is reachable ({@code /identity}: version, machine id) and accepts
 * the token ({@code /library/sections}); the account token is valid on plex.tv ({@code
 * /api/v2/user}) for the watchlist. A server problem fails the instance; an account problem only
 * takes the watchlist away when the server works.
 */
final class PlexHealth {
  private final Provider provider;
  private final PlexSettings settings;
  private final PlexServer server;
  private final PlexApi plexTv;

  PlexHealth(Provider provider, PlexSettings settings, PlexServer server, PlexApi plexTv) {
    this.provider = provider;
    this.settings = settings;
    this.server = server;
    this.plexTv = plexTv;
  }

  HealthReport check() {
    long started = System.nanoTime();
    Map<String, String> details = new LinkedHashMap<>();
    Set<Feature> usable = EnumSet.noneOf(Feature.class);
    if (server != null) {
      HealthReport failed = checkServer(details, started);
      if (failed != null) {
        return failed;
      }
      usable.add(Feature.HISTORY);
      usable.add(Feature.RATINGS);
      usable.add(Feature.PLAYLISTS);
      usable.add(Feature.PROGRESS);
    }
    if (settings.accountToken().isEmpty()) {
      if (server == null) {
        return report(Status.AUTH_FAILED, missingToken(), started, usable, details);
      }
      details.put("watchlist", "off (no account_token)");
      return report(Status.OK, "ok", started, usable, details);
    }
    try {
      JsonNode user = plexTv.call(ApiRequest.get("/api/v2/user"));
      details.put("account", String.valueOf(PlexEntries.text(user, "username")));
      details.put("auth", "valid");
      usable.add(Feature.WATCHLIST);
      return report(Status.OK, "ok", started, usable, details);
    } catch (ProviderException e) {
      Status status =
          server != null
              ? Status.DEGRADED
              : e.kind() == Kind.AUTH ? Status.AUTH_FAILED : Status.DOWN;
      String message =
          server != null ? e.getMessage() + "; the watchlist is unavailable" : e.getMessage();
      return report(status, message, started, usable, details);
    }
  }

  private HealthReport checkServer(Map<String, String> details, long started) {
    if (settings.serverToken().isEmpty()) {
      return report(Status.AUTH_FAILED, missingToken(), started, Set.of(), Map.of());
    }
    try {
      PlexServer.Identity id = server.identity();
      details.put("server_version", String.valueOf(id.version()));
      details.put("machine_identifier", String.valueOf(id.machineIdentifier()));
      if (!settings.machineId().isEmpty() && !settings.machineId().equals(id.machineIdentifier())) {
        return report(
            Status.DOWN,
            provider.label()
                + ": server_url answers as server "
                + id.machineIdentifier()
                + ", not the configured machine_id "
                + settings.machineId()
                + "; check plex.server_url",
            started,
            Set.of(),
            details);
      }
      long video = server.sections().stream().filter(PlexServer.Section::holdsVideo).count();
      details.put("sections", Long.toString(video));
      return null;
    } catch (ProviderException e) {
      Status status = e.kind() == Kind.AUTH ? Status.AUTH_FAILED : Status.DOWN;
      return report(status, e.getMessage(), started, Set.of(), details);
    }
  }

  private String missingToken() {
    return provider.label() + ": account_token is empty; sign in with cw auth plex first";
  }

  private static HealthReport report(
      Status status,
      String message,
      long started,
      Set<Feature> features,
      Map<String, String> details) {
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    return new HealthReport(status, message, latency, features, details);
  }
}
