package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

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

  static WriteResult run(List<Item> items, int concurrency, Task task) throws ProviderException {
    if (items.isEmpty()) {
      return new WriteResult(List.of());
    }
    int threads = Math.max(1, Math.min(concurrency, items.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "mediabrowser-write");
              t.setDaemon(true);
              return t;
            });
    AtomicReference<ProviderException> abort = new AtomicReference<>();
    try {
      List<Future<ItemOutcome>> futures = new ArrayList<>(items.size());
      for (Item item : items) {
        futures.add(pool.submit(() -> attempt(item, task, abort)));
      }
      List<ItemOutcome> outcomes = new ArrayList<>(items.size());
      for (Future<ItemOutcome> f : futures) {
        outcomes.add(f.get());
      }
      if (abort.get() != null) {
        throw abort.get();
      }
      return new WriteResult(outcomes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE, "writes interrupted", false, null, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a write task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ItemOutcome attempt(
      Item item, Task task, AtomicReference<ProviderException> abort) {
    if (abort.get() != null) {
      return null;
    }
    try {
      return task.apply(item);
    } catch (ProviderException e) {
      abort.compareAndSet(null, e);
      return null;
    }
  }
}
