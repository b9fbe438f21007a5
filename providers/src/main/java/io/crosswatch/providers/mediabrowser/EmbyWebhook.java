package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.MultipartForm;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the webhooks Emby posts (Emby Premiere): JSON with {@code Event} ({@code
 * playback.start|pause|unpause|stop}), {@code User}, {@code Item} (type, {@code ProviderIds},
 * runtime, series, season and episode numbers), {@code PlaybackInfo} (position) and {@code
 * Session}. Emby may post it as {@code multipart/form-data} with the JSON in a {@code data} part,
 * which is read too.
 */
final class EmbyWebhook {
  private final String instance;
  private final Clock clock;
  private final ShowIdsLookup shows;

  /**
   * @param shows where an episode's series ids are found, by the series' id
   */
  EmbyWebhook(String instance, Clock clock, ShowIdsLookup shows) {
    this.shows = shows;
    this.instance = instance;
    this.clock = clock;
  }

  List<PlaybackEvent> parse(String contentType, byte[] body) throws MalformedWebhookException {
    byte[] json = body;
    if (MultipartForm.isMultipart(contentType)) {
      json =
          MultipartForm.part(contentType, body, "data")
              .orElseThrow(
                  () -> new MalformedWebhookException("Emby webhook: multipart body has no data"));
    }
    JsonNode o = WebhookJson.object(json, "Emby webhook body");
    Optional<PlaybackState> state = state(o.path("Event").asString(""));
    JsonNode m = o.get("Item");
    if (state.isEmpty() || m == null || !m.isObject()) {
      return List.of();
    }
    Optional<PlayedItem> item =
        PlayedItem.of(
            WebhookJson.text(m, "Type"),
            WebhookJson.text(m, "Name"),
            WebhookJson.integer(m, "ProductionYear"),
            LibraryIndex.ids(m.get("ProviderIds")).with(IdKind.EMBY, WebhookJson.text(m, "Id")),
            WebhookJson.text(m, "SeriesName"),
            WebhookJson.integer(m, "ParentIndexNumber"),
            WebhookJson.integer(m, "IndexNumber"));
    if (item.isEmpty()) {
      return List.of();
    }
    String user = WebhookJson.text(o.get("User"), "Name");
    if (user == null) {
      throw new MalformedWebhookException("Emby webhook body: User.Name is missing");
    }
    JsonNode playback = o.get("PlaybackInfo");
    double progress =
        Progress.percent(
            WebhookJson.whole(playback, "PositionTicks"), WebhookJson.whole(m, "RunTimeTicks"));
    if (state.get() == PlaybackState.STOPPED
        && progress == 0.0
        && WebhookJson.flag(playback, "PlayedToCompletion")) {
      progress = 100.0;
    }
    String session = WebhookJson.text(o.get("Session"), "Id");
    Instant at = WebhookJson.time(o, "Date");
    return List.of(
        new PlaybackEvent(
            "EMBY",
            instance,
            user,
            session != null ? session : WebhookJson.text(playback, "PlaySessionId"),
            shows.withShowIds(item.get().item(), WebhookJson.text(m, "SeriesId")),
            state.get(),
            progress,
            at != null ? at : clock.instant(),
            "webhook"));
  }

  private static Optional<PlaybackState> state(String event) {
    switch (event) {
      case "playback.start":
      case "playback.unpause":
        return Optional.of(PlaybackState.PLAYING);
      case "playback.pause":
        return Optional.of(PlaybackState.PAUSED);
      case "playback.stop":
        return Optional.of(PlaybackState.STOPPED);
      default:
        return Optional.empty();
    }
  }
}
