package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.BoundedWrites;
import java.util.List;

/**
 * Runs one write per item with at most {@code concurrency} in flight, sparing small servers. An
 * item's own failure becomes its outcome; a failure of the whole call (auth, interruption) stops
 * the items not yet started and is thrown once the running ones are done.
 */
final class BoundedWriter {

  /** The write of one item. */
  @FunctionalInterface
  interface Task {
    /** Writes one item; throws only for failures that concern every item (auth). */
    ItemOutcome apply(Item item) throws ProviderException;
  }

  private BoundedWriter() {}

  private static final BoundedWrites WRITES =
      new BoundedWrites(
          "mediabrowser-write", "writes interrupted", "a write task failed unexpectedly");

  static WriteResult run(List<Item> items, int concurrency, Task task) throws ProviderException {
    return new WriteResult(WRITES.eachUntilFailure(items, concurrency, task::apply));
  }
}
