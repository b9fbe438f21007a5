package io.crosswatch.core.scrobble;

import java.util.List;
import java.util.function.Consumer;

/**
 * A media server's side of scrobbling: reads the webhooks it posts, and watches its playbacks for
 * people whose server cannot post them (no Plex Pass, no webhook plugin).
 */
public interface PlaybackSource {

  /**
   * The playback reports in one webhook body; empty when it holds none that scrobbling uses (a
   * library or rating event, a trailer, a title without ids is reported with the ids it has).
   *
   * @param contentType the request's {@code Content-Type} (Plex posts {@code multipart/form-data}
   *     with a {@code payload} part; Jellyfin and Emby post JSON)
   */
  List<PlaybackEvent> parseWebhook(String contentType, byte[] body)
      throws MalformedWebhookException;

  /**
   * Starts watching the server's playbacks in the background (Plex's notification websocket,
   * Jellyfin's and Emby's {@code /Sessions} polled), reporting each change to {@code events} until
   * the returned handle is closed; reconnects with backoff when the server goes away.
   */
  AutoCloseable watch(Consumer<PlaybackEvent> events);
}
