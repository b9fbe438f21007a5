package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.playback.Observed;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns successive answers of Jellyfin's or Emby's {@code GET /Sessions} into playback reports: a
 * session playing a movie or episode is reported when it appears, pauses, resumes or moves by
 * {@link Observed#SIGNIFICANT_MOVE} points, and as stopped at its last position when it is gone (or
 * plays something else). The ids of a new title and of its series come from one items lookup on the
 * server, kept for later polls. Not thread-safe: one watcher thread polls.
 */
final class SessionsWatcher {
  /** What was last reported of one playback, and where it was last seen. */
  private record Tracked(Observed reported, String session, double lastProgress) {}

  private final Dialect dialect;
  private final String instance;
  private final String label;
  private final MediaBrowserApi api;
  private final String userId;
  private final Clock clock;
  private final DiagnosticLog log;
  private final Map<String, Tracked> playing = new HashMap<>();
  private final Map<String, Item> resolved = new HashMap<>();

  SessionsWatcher(
      Dialect dialect,
      String instance,
      MediaBrowserApi api,
      String userId,
      Clock clock,
      DiagnosticLog log) {
    this.dialect = dialect;
    this.instance = instance;
    this.label = dialect.providerName() + ":" + instance;
    this.api = api;
    this.userId = userId;
    this.clock = clock;
    this.log = log;
  }

  /** Reads the sessions once and returns what changed since the last poll. */
  List<PlaybackEvent> poll() throws ProviderException {
    JsonNode sessions = api.call(ApiRequest.get("/Sessions"));
    if (!sessions.isArray()) {
      throw new ProviderException(
          Kind.UNAVAILABLE, label + " GET /Sessions: expected a JSON array", true, null);
    }
    Instant now = clock.instant();
    List<PlaybackEvent> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode s : sessions) {
      observe(s, now, seen).ifPresent(events::add);
    }
    for (Iterator<Map.Entry<String, Tracked>> it = playing.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Tracked> e = it.next();
      if (!seen.contains(e.getKey())) {
        Tracked t = e.getValue();
        events.add(event(t.reported(), t.session(), PlaybackState.STOPPED, t.lastProgress(), now));
        it.remove();
      }
    }
    return events;
  }

  private Optional<PlaybackEvent> observe(JsonNode s, Instant now, Set<String> seen)
      throws ProviderException {
    JsonNode np = s.get("NowPlayingItem");
    String user = WebhookJson.text(s, "UserName");
    String session = WebhookJson.text(s, "Id");
    String itemId = np == null ? null : WebhookJson.text(np, "Id");
    if (np == null || !np.isObject() || user == null || session == null || itemId == null) {
      return Optional.empty();
    }
    String key = session + "/" + itemId;
    Tracked tracked = playing.get(key);
    Item item;
    if (tracked != null) {
      item = tracked.reported().item();
    } else {
      Optional<Item> found = item(np, itemId);
      if (found.isEmpty()) {
        return Optional.empty(); // audio, trailers, live TV
      }
      item = found.get();
    }
    seen.add(key);
    JsonNode ps = s.get("PlayState");
    PlaybackState state =
        WebhookJson.flag(ps, "IsPaused") ? PlaybackState.PAUSED : PlaybackState.PLAYING;
    double progress =
        Progress.percent(
            WebhookJson.whole(ps, "PositionTicks"), WebhookJson.whole(np, "RunTimeTicks"));
    if (tracked != null && !tracked.reported().isNews(state, progress)) {
      playing.put(key, new Tracked(tracked.reported(), session, progress));
      return Optional.empty();
    }
    Observed reported = new Observed(user, item, state, progress);
    playing.put(key, new Tracked(reported, session, progress));
    return Optional.of(event(reported, session, state, progress, now));
  }

  private PlaybackEvent event(
      Observed o, String session, PlaybackState state, double progress, Instant at) {
    return new PlaybackEvent(
        dialect.providerName(),
        instance,
        o.user(),
        session,
        o.item(),
        state,
        progress,
        at,
        "watch");
  }

  /** The title a session plays, with its and its series' ids looked up on the server once. */
  private Optional<Item> item(JsonNode np, String itemId) {
    Item known = resolved.get(itemId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<PlayedItem> played =
        PlayedItem.of(
            WebhookJson.text(np, "Type"),
            WebhookJson.text(np, "Name"),
            WebhookJson.integer(np, "ProductionYear"),
            LibraryIndex.ids(np.get("ProviderIds")).with(dialect.localKind(), itemId),
            WebhookJson.text(np, "SeriesName"),
            WebhookJson.integer(np, "ParentIndexNumber"),
            WebhookJson.integer(np, "IndexNumber"));
    if (played.isEmpty()) {
      return Optional.empty();
    }
    Item item = withServerIds(played.get().item(), itemId, WebhookJson.text(np, "SeriesId"));
    resolved.put(itemId, item);
    return Optional.of(item);
  }

  /**
   * The item with the external ids the server's items endpoint gives it and its series; when the
   * lookup fails, the ids the session carried (a warning says so).
   */
  private Item withServerIds(Item item, String itemId, String seriesId) {
    try {
      ApiRequest lookup =
          dialect
              .items(userId)
              .withQuery("Ids", seriesId == null ? itemId : itemId + "," + seriesId)
              .withQuery("Fields", "ProviderIds");
      Ids own = item.ids();
      Ids series = Ids.empty();
      for (JsonNode o : api.call(lookup).path("Items")) {
        String id = WebhookJson.text(o, "Id");
        Ids ids = LibraryIndex.ids(o.get("ProviderIds"));
        if (itemId.equals(id)) {
          own = own.merge(ids);
        } else if (seriesId != null && seriesId.equals(id)) {
          series = ids.with(dialect.localKind(), id);
        }
      }
      Item withIds = item.withIds(own);
      if (item.show() == null) {
        return withIds;
      }
      return ShowIdsLookup.withShow(
          withIds, new ShowRef(item.show().title(), item.show().year(), series));
    } catch (ProviderException e) {
      log.warn(
          label
              + ": could not look up the ids of playing item "
              + itemId
              + " ("
              + e.getMessage()
              + "); it is reported with the ids its session carried");
      return item;
    }
  }
}
