package io.crosswatch.core.scrobble;

import java.util.List;

/**
 * Turns the playback reports of the configured sources into scrobble calls to the configured sinks:
 * sessions tracked per source, user and item; one start, pause or stop per viewing and sink; calls
 * that fail kept in the state database and retried. {@code cw serve} holds one while scrobbling is
 * enabled.
 */
public interface Scrobbler extends AutoCloseable {

  /**
   * Takes one report. Reports of users the source does not list are ignored. Returns once what the
   * report asks of the sinks is queued durably; the calls themselves are made in the background.
   */
  void accept(PlaybackEvent event);

  /** The playbacks in progress (playing or paused), most recently reported first. */
  List<NowPlaying> nowPlaying();

  /** The latest notices, newest first, at most {@code limit}. */
  List<ScrobbleNotice> recent(int limit);

  /** Stops the background sender; queued calls stay in the state database for the next start. */
  @Override
  void close();
}
