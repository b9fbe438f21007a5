package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one read per input with bounded concurrency (small servers are spared), as {@link
 * ItemWrites} does for writes. The first failure stops the reads not yet started; the reads under
 * way finish, then that failure is thrown.
 */
final class BoundedCalls {

  /** Reads one input. */
  @FunctionalInterface
  interface Call<T, R> {
    R apply(T input) throws ProviderException;
  }

  private BoundedCalls() {}

  /** The results of {@code call} for every input, in the inputs' order. */
  static <T, R> List<R> run(List<T> inputs, int concurrency, Call<T, R> call)
      throws ProviderException {
    if (inputs.isEmpty()) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(concurrency, inputs.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "plex-read");
              t.setDaemon(true);
              return t;
            });
    AtomicReference<ProviderException> stop = new AtomicReference<>();
    try {
      List<Future<R>> futures = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        futures.add(pool.submit(() -> one(input, call, stop)));
      }
      List<R> results = new ArrayList<>(inputs.size());
      for (Future<R> f : futures) {
        results.add(get(f));
      }
      if (stop.get() != null) {
        throw stop.get();
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> R one(T input, Call<T, R> call, AtomicReference<ProviderException> stop) {
    if (stop.get() != null) {
      return null;
    }
    try {
      return call.apply(input);
    } catch (ProviderException e) {
      stop.compareAndSet(null, e);
      return null;
    }
  }

  private static <R> R get(Future<R> f) throws ProviderException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.UNAVAILABLE, "plex read interrupted", false, null, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("plex read failed unexpectedly", e.getCause());
    }
  }
}
