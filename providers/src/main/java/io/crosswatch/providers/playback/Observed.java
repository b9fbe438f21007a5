package io.crosswatch.providers.playback;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.PlaybackState;

/**
 * What a watcher last reported of one playback, to decide whether a new observation is news: a
 * watcher reports a playback when it starts, pauses, resumes, moves by {@link #SIGNIFICANT_MOVE}
 * percentage points or more (a seek, or long stretches of playing), and when it disappears.
 *
 * @param user the server's user name
 * @param item the title with the ids the server knows
 */
public record Observed(String user, Item item, PlaybackState state, double progress) {

  /** How far a playback must move, in percentage points, to be reported again. */
  public static final double SIGNIFICANT_MOVE = 10.0;

  /** Whether {@code now} is worth a report after this one was the last reported. */
  public boolean isNews(PlaybackState nowState, double nowProgress) {
    return nowState != state || Math.abs(nowProgress - progress) >= SIGNIFICANT_MOVE;
  }
}
