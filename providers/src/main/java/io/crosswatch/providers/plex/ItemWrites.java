package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.BoundedWrites;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one-item-per-call writes with bounded concurrency (small servers are spared) and turns their
 * outcomes and failures into one {@link WriteResult}.
 *
 * <p>A failed call stops items not yet started. An auth failure fails the whole call; a transient
 * failure (5xx after retries, 429, timeout) leaves the stopped items FAILED and retriable, or fails
 * the call with the service's own exception (and its {@code Retry-After}) when nothing succeeded;
 * any other failure settles only its own item.
 */
final class ItemWrites {

  /** Writes one item. */
  @FunctionalInterface
  interface Write {
    ItemOutcome apply(Item item) throws ProviderException;
  }

  private ItemWrites() {}

  private static final BoundedWrites WRITES =
      new BoundedWrites("plex-write", "plex write interrupted", "plex write failed unexpectedly");

  static WriteResult run(List<Item> items, int concurrency, Write write) throws ProviderException {
    AtomicReference<ProviderException> stop = new AtomicReference<>();
    List<ItemOutcome> outcomes = WRITES.each(items, concurrency, item -> one(item, write, stop));
    return settle(outcomes, stop.get());
  }

  private static ItemOutcome one(Item item, Write write, AtomicReference<ProviderException> stop) {
    ProviderException stopped = stop.get();
    if (stopped != null) {
      return ItemOutcome.failed(item, "not attempted: " + stopped.getMessage(), true);
    }
    try {
      return write.apply(item);
    } catch (ProviderException e) {
      if (e.kind() == Kind.AUTH || e.retriable()) {
        stop.compareAndSet(null, e);
      }
      return ItemOutcome.failed(item, e.getMessage(), e.retriable());
    }
  }

  private static WriteResult settle(List<ItemOutcome> outcomes, ProviderException stopped)
      throws ProviderException {
    if (stopped == null) {
      return new WriteResult(outcomes);
    }
    if (stopped.kind() == Kind.AUTH || outcomes.stream().noneMatch(ItemOutcome::succeeded)) {
      throw stopped;
    }
    return new WriteResult(outcomes);
  }
}
