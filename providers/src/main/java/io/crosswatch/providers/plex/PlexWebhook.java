package io.crosswatch.providers.plex;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.MultipartForm;
import io.crosswatch.providers.playback.Progress;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookJson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the webhooks a Plex Media Server posts (Plex Pass): a {@code multipart/form-data} body
 * whose {@code payload} part is JSON with {@code event}, {@code Account}, {@code Player} and {@code
 * Metadata}. Only the playback events of movies and episodes are reports; Plex sends no time, so a
 * report is dated when it is read.
 */
final class PlexWebhook {
  /**
   * The progress of a {@code media.scrobble} without a position: Plex sends it when a title passes
   * about 90 %, so the viewing counts as watched.
   */
  static final double SCROBBLE_WITHOUT_POSITION = 90.0;

  private final String instance;
  private final Clock clock;
  private final ShowIdsLookup shows;

  /**
   * @param shows where an episode's show ids are found (the webhook names the show by key)
   */
  PlexWebhook(String instance, Clock clock, ShowIdsLookup shows) {
    this.instance = instance;
    this.clock = clock;
    this.shows = shows;
  }

  List<PlaybackEvent> parse(String contentType, byte[] body) throws MalformedWebhookException {
    JsonNode payload = WebhookJson.object(payloadBytes(contentType, body), "Plex webhook payload");
    Optional<PlaybackState> state = state(payload.path("event").asString(""));
    JsonNode metadata = payload.get("Metadata");
    if (state.isEmpty() || metadata == null || !metadata.isObject()) {
      return List.of();
    }
    Optional<Item> item = item(metadata);
    if (item.isEmpty()) {
      return List.of();
    }
    String user = WebhookJson.text(payload.get("Account"), "title");
    if (user == null) {
      throw new MalformedWebhookException("Plex webhook payload: Account.title is missing");
    }
    double progress =
        Progress.percent(
            WebhookJson.whole(metadata, "viewOffset"), WebhookJson.whole(metadata, "duration"));
    if (payload.path("event").asString("").equals("media.scrobble") && progress == 0.0) {
      progress = SCROBBLE_WITHOUT_POSITION;
    }
    return List.of(
        new PlaybackEvent(
            "PLEX",
            instance,
            user,
            session(payload, metadata),
            shows.withShowIds(item.get(), WebhookJson.text(metadata, "grandparentRatingKey")),
            state.get(),
            progress,
            clock.instant(),
            "webhook"));
  }

  private static byte[] payloadBytes(String contentType, byte[] body)
      throws MalformedWebhookException {
    if (!MultipartForm.isMultipart(contentType)) {
      return body; // a relay may forward the payload as plain JSON
    }
    return MultipartForm.part(contentType, body, "payload")
        .orElseThrow(
            () -> new MalformedWebhookException("Plex webhook: the multipart body has no payload"));
  }

  static Optional<PlaybackState> state(String event) {
    switch (event) {
      case "media.play":
      case "media.resume":
        return Optional.of(PlaybackState.PLAYING);
      case "media.pause":
        return Optional.of(PlaybackState.PAUSED);
      case "media.stop":
      case "media.scrobble":
        return Optional.of(PlaybackState.STOPPED);
      default:
        return Optional.empty();
    }
  }

  /** The player and the title: Plex webhooks carry no session key. */
  private static String session(JsonNode payload, JsonNode metadata) {
    String player = WebhookJson.text(payload.get("Player"), "uuid");
    String key = WebhookJson.text(metadata, "ratingKey");
    return player == null ? null : player + (key == null ? "" : "/" + key);
  }

  /**
   * The movie or episode a {@code Metadata} object describes (ids from its {@code Guid} list and
   * guid, the rating key as the Plex id); empty for other types (tracks, trailers, photos).
   */
  static Optional<Item> item(JsonNode m) {
    String type = m.path("type").asString("");
    String key = WebhookJson.text(m, "ratingKey");
    Ids ids = PlexGuids.ids(m);
    if (key != null && ids.value(IdKind.PLEX) == null) {
      ids = ids.with(IdKind.PLEX, key);
    }
    if (type.equals("movie") && !isExtra(m)) {
      return Optional.of(Item.movie(WebhookJson.text(m, "title"), year(m), ids));
    }
    if (!type.equals("episode")) {
      return Optional.empty();
    }
    // A legacy TV agent's guid names the show and the episode's place, as in a library read.
    PlexGuids.Parsed legacy = PlexGuids.parse(m.path("guid").asString(""));
    Ids showIds =
        PlexGuids.parse(m.path("grandparentGuid").asString("")).ids().merge(legacy.showIds());
    ShowRef show = new ShowRef(WebhookJson.text(m, "grandparentTitle"), null, showIds);
    Integer season = WebhookJson.integer(m, "parentIndex");
    Integer number = WebhookJson.integer(m, "index");
    return Optional.of(
        new Item(
            MediaType.EPISODE,
            WebhookJson.text(m, "title"),
            null,
            ids,
            show,
            season != null ? season : legacy.season(),
            number != null ? number : legacy.number(),
            null,
            null,
            null,
            null));
  }

  /** Trailers and other extras come as movies with a {@code subtype} or an extra type. */
  private static boolean isExtra(JsonNode m) {
    return m.hasNonNull("extraType") || m.path("subtype").asString("").equals("trailer");
  }

  private static Integer year(JsonNode m) {
    return WebhookJson.integer(m, "year");
  }
}
