package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.playback.Observed;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code PlaySessionStateNotification}s of Plex's notification websocket into playback
 * reports: who plays comes from {@code GET /status/sessions} (read when a session is first seen),
 * the title's ids from {@code GET /library/metadata/{ratingKey}} (and its show's, for episodes),
 * kept for later notifications. A session is reported when it starts, pauses, resumes, moves by
 * {@link Observed#SIGNIFICANT_MOVE} points or stops. Not thread-safe: one websocket feeds it.
 */
final class PlexPlaying {
  private record Tracked(Observed reported, Long durationMs) {}

  private final PlexApi api;
  private final String instance;
  private final Clock clock;
  private final Map<String, Tracked> sessions = new HashMap<>();
  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, Long> durations = new HashMap<>();

  PlexPlaying(PlexApi api, String instance, Clock clock) {
    this.api = api;
    this.instance = instance;
    this.clock = clock;
  }

  /** The report one notification makes, if it is news. */
  Optional<PlaybackEvent> notification(JsonNode n) throws ProviderException {
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
          new Tracked(new Observed(user.get(), item.get(), null, -100), durations.get(ratingKey));
    }
    double progress = Progress.percent(WebhookJson.whole(n, "viewOffset"), tracked.durationMs());
    if (state.get() == PlaybackState.STOPPED) {
      sessions.remove(key);
    } else if (tracked.reported().isNews(state.get(), progress)) {
      Observed o = tracked.reported();
      sessions.put(
          key,
          new Tracked(
              new Observed(o.user(), o.item(), state.get(), progress), tracked.durationMs()));
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
    Optional<JsonNode> m = metadata(ratingKey);
    Optional<Item> item = m.flatMap(PlexWebhook::item);
    if (item.isEmpty()) {
      return Optional.empty();
    }
    Item found = item.get();
    String showKey = WebhookJson.text(m.get(), "grandparentRatingKey");
    if (found.type() == MediaType.EPISODE && showKey != null) {
      Optional<JsonNode> show = metadata(showKey);
      if (show.isPresent()) {
        found = withShow(found, new ShowRef(found.show().title(), null, PlexGuids.ids(show.get())));
      }
    }
    items.put(ratingKey, found);
    Long duration = WebhookJson.whole(m.get(), "duration");
    if (duration != null) {
      durations.put(ratingKey, duration);
    }
    return Optional.of(found);
  }

  private Optional<JsonNode> metadata(String ratingKey) throws ProviderException {
    JsonNode list =
        api.container(ApiRequest.get("/library/metadata/" + ratingKey).withQuery("includeGuids", 1))
            .path("Metadata");
    return list.isArray() && !list.isEmpty() ? Optional.of(list.get(0)) : Optional.empty();
  }

  private static Item withShow(Item e, ShowRef show) {
    return new Item(
        e.type(),
        e.title(),
        e.year(),
        e.ids(),
        show,
        e.season(),
        e.number(),
        null,
        null,
        null,
        null);
  }
}
