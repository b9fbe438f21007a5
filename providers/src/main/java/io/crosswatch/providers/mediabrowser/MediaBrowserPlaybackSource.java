package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.playback.Backoff;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WatchLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A Jellyfin or Emby server as a scrobbling source: its webhooks (Jellyfin's Webhook plugin, Emby's
 * own) and, for servers without them, {@code GET /Sessions} polled every {@code interval}; a failed
 * poll is retried with a growing wait (up to a minute). A webhook's episode gets its series' ids
 * from one lookup of the series on the server, kept for later reports.
 */
final class MediaBrowserPlaybackSource implements PlaybackSource {
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final Dialect dialect;
  private final String instance;
  private final String label;
  private final MediaBrowserApi api;
  private final String userId;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private final DiagnosticLog log;
  private final ShowIdsLookup shows;

  MediaBrowserPlaybackSource(
      Dialect dialect,
      String instance,
      MediaBrowserApi api,
      String userId,
      Clock clock,
      Sleeper sleeper,
      Duration interval,
      DiagnosticLog log) {
    this.dialect = dialect;
    this.instance = instance;
    this.label = dialect.providerName() + ":" + instance;
    this.api = api;
    this.userId = userId;
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = interval;
    this.log = log;
    this.shows = new ShowIdsLookup(this::seriesIds, label, log);
  }

  /** A series' external ids from the server's items endpoint, with its own id. */
  private Ids seriesIds(String seriesId) throws ProviderException {
    ApiRequest lookup =
        dialect.items(userId).withQuery("Ids", seriesId).withQuery("Fields", "ProviderIds");
    for (JsonNode o : api.call(lookup).path("Items")) {
      if (seriesId.equalsIgnoreCase(o.path("Id").asString(""))) {
        return LibraryIndex.ids(o.get("ProviderIds")).with(dialect.localKind(), seriesId);
      }
    }
    return Ids.empty();
  }

  @Override
  public List<PlaybackEvent> parseWebhook(String contentType, byte[] body)
      throws MalformedWebhookException {
    Objects.requireNonNull(body, "body");
    return dialect == Dialect.JELLYFIN
        ? new JellyfinWebhook(instance, clock, shows).parse(body)
        : new EmbyWebhook(instance, clock, shows).parse(contentType, body);
  }

  @Override
  public AutoCloseable watch(Consumer<PlaybackEvent> events) {
    Objects.requireNonNull(events, "events");
    SessionsWatcher watcher = new SessionsWatcher(dialect, instance, api, userId, clock, log);
    Backoff backoff =
        new Backoff(interval, MAX_BACKOFF.compareTo(interval) > 0 ? MAX_BACKOFF : interval);
    return WatchLoop.start(
        "watch-" + label,
        () -> {
          try {
            watcher.poll().forEach(events);
            backoff.reset();
            return interval;
          } catch (ProviderException | RuntimeException e) {
            Duration wait = backoff.next();
            log.warn(
                label
                    + ": reading the playing sessions failed ("
                    + e.getMessage()
                    + "); trying again in "
                    + wait.toSeconds()
                    + " s");
            return wait;
          }
        },
        sleeper);
  }
}
