package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  static WriteResult run(List<Item> items, int concurrency, Write write) throws ProviderException {
    if (items.isEmpty()) {
      return new WriteResult(List.of());
    }
    int threads = Math.max(1, Math.min(concurrency, items.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "plex-write");
              t.setDaemon(true);
              return t;
            });
    AtomicReference<ProviderException> stop = new AtomicReference<>();
    try {
      List<Future<ItemOutcome>> futures = new ArrayList<>(items.size());
      for (Item item : items) {
        futures.add(pool.submit(() -> one(item, write, stop)));
      }
      List<ItemOutcome> outcomes = new ArrayList<>(items.size());
      for (Future<ItemOutcome> f : futures) {
        outcomes.add(get(f));
      }
      return settle(outcomes, stop.get());
    } finally {
      pool.shutdownNow();
    }
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

  private static ItemOutcome get(Future<ItemOutcome> f) throws ProviderException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.UNAVAILABLE, "plex write interrupted", false, null, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("plex write failed unexpectedly", e.getCause());
    }
  }
}
