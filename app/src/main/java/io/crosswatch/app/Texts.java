package io.crosswatch.app;

import io.crosswatch.core.run.OpCounts;
import io.crosswatch.core.run.SideCounts;
import java.util.Locale;

/** Small formatting helpers shared by the human output of the commands. */
final class Texts {
  private Texts() {}

  /** {@code +2 −0 ~1}: adds, removes, updates. */
  static String ops(OpCounts c) {
    OpCounts counts = c == null ? OpCounts.ZERO : c;
    return "+" + counts.add() + " −" + counts.remove() + " ~" + counts.update();
  }

  /** Both sides' counts added up. */
  static OpCounts both(SideCounts c) {
    return c == null ? OpCounts.ZERO : c.source().plus(c.target());
  }

  /** Seconds with one decimal, e.g. {@code 0.8 s}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** {@code 1 chunk}, {@code 3 chunks}. */
  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
