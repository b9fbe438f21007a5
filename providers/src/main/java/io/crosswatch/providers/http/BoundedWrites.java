package io.crosswatch.providers.http;

import io.crosswatch.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one-item-per-call requests (writes, or lookups) with at most a given number in flight,
 * sparing small servers; the caller's task decides what a failure means for its item and for the
 * items not yet started.
 *
 * @param threadName the name of the worker threads
 * @param interrupted the message of the failure thrown when the caller is interrupted
 * @param unexpected the message of the error thrown when a task throws unexpectedly
 */
public record BoundedWrites(String threadName, String interrupted, String unexpected) {

  /** One call that may fail for every input alike (auth, the server gone). */
  @FunctionalInterface
  public interface Call<I, T> {
    /** Answers for one input. */
    T apply(I input) throws ProviderException;
  }

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
  public <I, T> List<T> each(List<I> items, int concurrency, Function<I, T> task)
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
      for (I item : items) {
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

  /**
   * As {@link #each}, but the first {@link ProviderException} stops the calls not yet started; the
   * running ones finish, then that failure is thrown.
   */
  public <I, T> List<T> eachUntilFailure(List<I> inputs, int concurrency, Call<I, T> call)
      throws ProviderException {
    AtomicReference<ProviderException> stop = new AtomicReference<>();
    List<T> answers =
        each(
            inputs,
            concurrency,
            input -> {
              if (stop.get() != null) {
                return null;
              }
              try {
                return call.apply(input);
              } catch (ProviderException e) {
                stop.compareAndSet(null, e);
                return null;
              }
            });
    if (stop.get() != null) {
      throw stop.get();
    }
    return answers;
  }
}
