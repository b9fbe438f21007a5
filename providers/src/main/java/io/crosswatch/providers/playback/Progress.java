package io.crosswatch.providers.playback;

/** How far into a title a playback is, as the percentage a {@code PlaybackEvent} carries. */
public final class Progress {
  /** Ticks (100 ns, as Jellyfin and Emby count) per millisecond. */
  public static final long TICKS_PER_MS = 10_000L;

  private Progress() {}

  /**
   * {@code position} as a share of {@code duration} from 0 to 100, rounded to two decimals; 0 when
   * either is unknown or the duration is not positive.
   */
  public static double percent(Long position, Long duration) {
    if (position == null || duration == null || duration <= 0 || position <= 0) {
      return 0.0;
    }
    double p = Math.min(100.0, 100.0 * position / duration);
    return Math.round(p * 100.0) / 100.0;
  }
}
