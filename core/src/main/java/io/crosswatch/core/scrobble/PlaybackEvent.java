package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.Objects;

/**
 * One report from a media server about a title being watched, from a webhook or a watcher.
 *
 * @param source the upper-case provider name of the server, e.g. {@code PLEX}
 * @param instance the provider instance the report belongs to
 * @param user the server's user name, as the config's {@code scrobble.sources[].users} names them
 * @param session the server's id for this playback when it has one (Plex player and session,
 *     Jellyfin's {@code PlaySessionId}); webhooks and watchers may name one playback differently,
 *     so a viewing is recognised by source, user and item, not by this alone
 * @param item the movie or episode (ids from the server's guids; episodes with show, season and
 *     number); no feature fields
 * @param state what happened
 * @param progressPercent how far in the title the playback is, from 0 to 100
 * @param at when the server reported it (the receiving time when the server sends none)
 * @param via {@code webhook} or {@code watch}, for logs
 */
public record PlaybackEvent(
    String source,
    String instance,
    String user,
    String session,
    Item item,
    PlaybackState state,
    double progressPercent,
    Instant at,
    String via) {

  public PlaybackEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(via, "via");
    if (!(progressPercent >= 0 && progressPercent <= 100)) {
      throw new IllegalArgumentException("progress must be from 0 to 100, got " + progressPercent);
    }
  }
}
