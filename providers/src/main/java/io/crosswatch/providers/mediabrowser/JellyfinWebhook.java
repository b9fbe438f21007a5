package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads what Jellyfin's Webhook plugin posts from a Generic destination: a JSON object rendered
 * from the user's template, with {@code NotificationType}, {@code NotificationUsername}, {@code
 * ItemType}, {@code Provider_*} ids, the episode's series, season and number, and the position in
 * ticks. Template values may come as strings ({@code "True"}, {@code "1234"}), which are read too.
 */
final class JellyfinWebhook {
  private final String instance;
  private final Clock clock;
  private final ShowIdsLookup shows;

  /**
   * @param shows where an episode's series ids are found, by the series' id
   */
  JellyfinWebhook(String instance, Clock clock, ShowIdsLookup shows) {
    this.shows = shows;
    this.instance = instance;
    this.clock = clock;
  }

  List<PlaybackEvent> parse(byte[] body) throws MalformedWebhookException {
    JsonNode o = WebhookJson.object(body, "Jellyfin webhook body");
    Optional<PlaybackState> state = state(o);
    if (state.isEmpty()) {
      return List.of();
    }
    Optional<PlayedItem> item =
        PlayedItem.of(
            WebhookJson.text(o, "ItemType"),
            WebhookJson.text(o, "Name"),
            WebhookJson.integer(o, "Year"),
            providerIds(o).with(IdKind.JELLYFIN, WebhookJson.text(o, "ItemId")),
            WebhookJson.text(o, "SeriesName"),
            WebhookJson.integer(o, "SeasonNumber"),
            WebhookJson.integer(o, "EpisodeNumber"));
    if (item.isEmpty()) {
      return List.of();
    }
    String user = WebhookJson.text(o, "NotificationUsername");
    if (user == null) {
      throw new MalformedWebhookException(
          "Jellyfin webhook body: NotificationUsername is missing; add it to the template");
    }
    double progress =
        Progress.percent(
            WebhookJson.whole(o, "PlaybackPositionTicks"), WebhookJson.whole(o, "RunTimeTicks"));
    if (state.get() == PlaybackState.STOPPED
        && progress == 0.0
        && WebhookJson.flag(o, "PlayedToCompletion")) {
      progress = 100.0;
    }
    String session = WebhookJson.text(o, "PlaySessionId");
    Instant at = WebhookJson.time(o, "UtcTimestamp");
    return List.of(
        new PlaybackEvent(
            "JELLYFIN",
            instance,
            user,
            session != null ? session : WebhookJson.text(o, "DeviceId"),
            shows.withShowIds(item.get().item(), WebhookJson.text(o, "SeriesId")),
            state.get(),
            progress,
            at != null ? at : clock.instant(),
            "webhook"));
  }

  private static Optional<PlaybackState> state(JsonNode o) {
    switch (o.path("NotificationType").asString("")) {
      case "PlaybackStart":
        return Optional.of(PlaybackState.PLAYING);
      case "PlaybackProgress":
        return Optional.of(
            WebhookJson.flag(o, "IsPaused") ? PlaybackState.PAUSED : PlaybackState.PLAYING);
      case "PlaybackStop":
        return Optional.of(PlaybackState.STOPPED);
      default:
        return Optional.empty();
    }
  }

  /** {@code Provider_imdb}, {@code Provider_tmdb}, {@code Provider_tvdb} in any letter case. */
  private static Ids providerIds(JsonNode o) {
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.startsWith("provider_")) {
        IdKind.fromKey(key.substring("provider_".length()))
            .filter(LibraryIndex.EXTERNAL::contains)
            .filter(k -> e.getValue().isString() || e.getValue().isNumber())
            .ifPresent(k -> raw.put(k, e.getValue().asString()));
      }
    }
    return Ids.of(raw);
  }
}
