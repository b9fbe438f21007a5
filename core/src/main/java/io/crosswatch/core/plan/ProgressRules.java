package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import java.time.Duration;
import java.util.Locale;

/**
 * What counts as a resume point: a position of at least a minute that is not yet 95 % of the
 * runtime. Two positions within 30 s of each other are the same point.
 */
public final class ProgressRules {
  /** Positions under this are not progress (a title merely started). */
  public static final long MIN_PROGRESS_MS = 60_000;

  /** A position at or past this share of the runtime is a finished viewing, not progress. */
  public static final double FINISHED_SHARE = 0.95;

  /** Positions closer than this are the same resume point. */
  public static final long TOLERANCE_MS = 30_000;

  private ProgressRules() {}

  /** Whether an item is a resume point worth keeping (see the class comment). */
  public static boolean isProgress(Item item) {
    Long at = item.progressMs();
    if (at == null || at < MIN_PROGRESS_MS) {
      return false;
    }
    Long duration = item.durationMs();
    return duration == null || at < duration * FINISHED_SHARE;
  }

  /** Whether two resume points lie more than {@link #TOLERANCE_MS} apart. */
  public static boolean differ(Item a, Item b) {
    return Math.abs(position(a) - position(b)) > TOLERANCE_MS;
  }

  private static long position(Item item) {
    return item.progressMs() == null ? 0 : item.progressMs();
  }

  /** A position as {@code h:mm:ss}, for messages. */
  public static String clock(Long ms) {
    if (ms == null) {
      return "?";
    }
    Duration d = Duration.ofMillis(ms);
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
