package io.crosswatch.core.scrobble;

/**
 * What a media server reported about one playback: it plays (started or resumed), it paused, or it
 * stopped (including Plex's {@code media.scrobble}, sent when a title passes about 90 %).
 */
public enum PlaybackState {
  PLAYING,
  PAUSED,
  STOPPED
}
