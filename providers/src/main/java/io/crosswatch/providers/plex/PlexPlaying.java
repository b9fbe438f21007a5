package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.playback.Observed;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
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
 * Turns the {@code PlaySessionStateNotification}s of Plex's notification websocket into playback
 * reports: who plays comes from {@code GET /status/sessions} (read when a session is first seen),
 * the title's ids from {@code GET /library/metadata/{ratingKey}} (and its show's, for episodes),
 * kept for later notifications. A session is reported when it starts, pauses, resumes, moves by
 * {@link Observed#SIGNIFICANT_MOVE} points or stops; after a reconnect, sessions the server no
 * longer lists are reported stopped ({@link #missedStops()}): only sessions last reported over an
 * earlier websocket, since a session reported over the new one has its stop coming over it too. Its
 * methods are synchronized: the websocket's thread and the watcher's thread call it.
 */
final class PlexPlaying {
  /**
   * A session as last reported, with its duration and the websocket ({@link #connecting}'s count)
   * whose notification reported it.
   */
  private record Tracked(Observed reported, Long durationMs, int socket) {}

  private final PlexApi api;
  private final ShowIdsLookup shows;
  private final String instance;
  private final Clock clock;
  private final Map<String, Tracked> sessions = new HashMap<>();
  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, Long> durations = new HashMap<>();
  private int socket;

  PlexPlaying(PlexApi api, String instance, Clock clock, ShowIdsLookup shows) {
    this.shows = shows;
    this.api = api;
    this.instance = instance;
    this.clock = clock;
  }

  /** A new websocket is about to open: notifications from now on come over it. */
  synchronized void connecting() {
    socket++;
  }

  /** The report one notification makes, if it is news. */
  synchronized Optional<PlaybackEvent> notification(JsonNode n) throws ProviderException {
    String sessionKey = WebhookJson.text(n, "sessionKey");
    String ratingKey = WebhookJson.text(n, "ratingKey");
    Optional<PlaybackState> state = state(n.path("state").asString(""));
    if (sessionKey == null || ratingKey == null || state.isEmpty()) {
      return Optional.empty(); // buffering, or a notification about something else
    }
    String key = sessionKey + "/" + ratingKey;
    Tracked tracked = sessions.get(key);
    if (tracked == null) {
      Optional<String> user = user(sessionKey);
      Optional<Item> item = item(ratingKey);
      if (user.isEmpty() || item.isEmpty()) {
        return Optional.empty(); // gone before it was seen, or no movie or episode
      }
      tracked =
          new Tracked(
              new Observed(user.get(), item.get(), null, -100), durations.get(ratingKey), socket);
    }
    double progress = Progress.percent(WebhookJson.whole(n, "viewOffset"), tracked.durationMs());
    if (state.get() == PlaybackState.STOPPED) {
      sessions.remove(key);
    } else if (tracked.reported().isNews(state.get(), progress)) {
      Observed o = tracked.reported();
      sessions.put(
          key,
          new Tracked(
              new Observed(o.user(), o.item(), state.get(), progress),
              tracked.durationMs(),
              socket));
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new PlaybackEvent(
            "PLEX",
            instance,
            tracked.reported().user(),
            sessionKey,
            tracked.reported().item(),
            state.get(),
            progress,
            clock.instant(),
            "watch"));
  }

  /**
   * The sessions last reported as playing or paused over an earlier websocket that the server no
   * longer lists, reported stopped at their last reported position: their stop went by while the
   * websocket was down. A session reported over the current websocket is left to its own stop
   * notification, which may still be on its way (and carries the position it stopped at).
   */
  synchronized List<PlaybackEvent> missedStops() throws ProviderException {
    if (sessions.values().stream().allMatch(t -> t.socket() == socket)) {
      return List.of();
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode m : api.container(ApiRequest.get("/status/sessions")).path("Metadata")) {
      listed.add(WebhookJson.text(m, "sessionKey") + "/" + WebhookJson.text(m, "ratingKey"));
    }
    List<PlaybackEvent> stops = new ArrayList<>();
    for (Iterator<Map.Entry<String, Tracked>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Tracked> e = it.next();
      if (e.getValue().socket() != socket && !listed.contains(e.getKey())) {
        Observed o = e.getValue().reported();
        String sessionKey = e.getKey().substring(0, e.getKey().indexOf('/'));
        stops.add(
            new PlaybackEvent(
                "PLEX",
                instance,
                o.user(),
                sessionKey,
                o.item(),
                PlaybackState.STOPPED,
                o.progress(),
                clock.instant(),
                "watch"));
        it.remove();
      }
    }
    return stops;
  }

  private static Optional<PlaybackState> state(String state) {
    switch (state) {
      case "playing":
        return Optional.of(PlaybackState.PLAYING);
      case "paused":
        return Optional.of(PlaybackState.PAUSED);
      case "stopped":
        return Optional.of(PlaybackState.STOPPED);
      default:
        return Optional.empty();
    }
  }

  /** The account playing a session, from the server's list of sessions. */
  private Optional<String> user(String sessionKey) throws ProviderException {
    JsonNode container = api.container(ApiRequest.get("/status/sessions"));
    for (JsonNode m : container.path("Metadata")) {
      if (sessionKey.equals(WebhookJson.text(m, "sessionKey"))) {
        return Optional.ofNullable(WebhookJson.text(m.get("User"), "title"));
      }
    }
    return Optional.empty();
  }

  /** The movie or episode with the ids of its metadata (and its show's), looked up once. */
  private Optional<Item> item(String ratingKey) throws ProviderException {
    Item known = items.get(ratingKey);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<JsonNode> m = metadata(api, ratingKey);
    Optional<Item> item = m.flatMap(PlexWebhook::item);
    if (item.isEmpty()) {
      return Optional.empty();
    }
    Item found = shows.withShowIds(item.get(), WebhookJson.text(m.get(), "grandparentRatingKey"));
    items.put(ratingKey, found);
    Long duration = WebhookJson.whole(m.get(), "duration");
    if (duration != null) {
      durations.put(ratingKey, duration);
    }
    return Optional.of(found);
  }

  /** {@code GET /library/metadata/{ratingKey}}: the item's metadata with its guids, if any. */
  static Optional<JsonNode> metadata(PlexApi api, String ratingKey) throws ProviderException {
    JsonNode list =
        api.container(ApiRequest.get("/library/metadata/" + ratingKey).withQuery("includeGuids", 1))
            .path("Metadata");
    return list.isArray() && !list.isEmpty() ? Optional.of(list.get(0)) : Optional.empty();
  }
}
