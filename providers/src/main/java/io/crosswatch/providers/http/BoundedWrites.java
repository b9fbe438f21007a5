package io.crosswatch.providers.http;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one-item-per-call writes with at most a given number in flight, sparing small servers; the
 * caller's task decides what a failure means for its item and for the items not yet started.
 *
 * @param threadName the name of the worker threads
 * @param interrupted the message of the failure thrown when the caller is interrupted
 * @param unexpected the message of the error thrown when a task throws unexpectedly
 */
public record BoundedWrites(String threadName, String interrupted, String unexpected) {

  /** Checks that every text is given. */
  public BoundedWrites {
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(interrupted, "interrupted");
    Objects.requireNonNull(unexpected, "unexpected");
  }

  /**
   * The task's answer for each item, in the items' order, with at most {@code concurrency} tasks
   * running at once.
   *
   * @throws ProviderException of kind {@code UNAVAILABLE} when interrupted while waiting
   */
  public <T> List<T> each(List<Item> items, int concurrency, Function<Item, T> task)
      throws ProviderException {
    if (items.isEmpty()) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(concurrency, items.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(items.size());
      for (Item item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<T> answers = new ArrayList<>(items.size());
      for (Future<T> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, interrupted, false, null, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(unexpected, e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
