package io.crosswatch.core.run;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;

/**
 * Follows a run for human output (markers, warnings, progress); every method has a do-nothing
 * default. Implementations must be thread-safe: besides the run thread, the health checks of
 * several instances and the snapshot helper thread call {@link #debug} and {@link #warning} (their
 * providers' diagnostics) while the run goes on.
 */
public interface RunListener {

  default void pairStarted(PairSettings pair) {}

  default void pairFinished(PairSettings pair, PairSummary summary) {}

  default void featureStarted(PairSettings pair, Feature feature) {}

  default void featureFinished(PairSettings pair, FeatureSummary summary) {}

  /** A diagnostic line, sent only when a debug flag asks for it. */
  default void debug(String message) {}

  /** A warning with its reason, already phrased for the user. */
  default void warning(String message) {}

  /** Progress of long work: {@code done} of {@code total} units of {@code task}. */
  default void progress(String task, long done, long total) {}

  /** One planned change. Used by {@code cw plan}. */
  default void planned(PairSettings pair, Feature feature, Side side, WriteOp op, Item item) {}
}
