package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.BoundedWrites;
import java.util.List;

/**
 * Runs one read per input with bounded concurrency (small servers are spared), as {@link
 * ItemWrites} does for writes. The first failure stops the reads not yet started; the reads under
 * way finish, then that failure is thrown.
 */
final class BoundedCalls {
  private static final BoundedWrites READS =
      new BoundedWrites("plex-read", "plex read interrupted", "plex read failed unexpectedly");

  private BoundedCalls() {}

  /** The results of {@code call} for every input, in the inputs' order. */
  static <T, R> List<R> run(List<T> inputs, int concurrency, BoundedWrites.Call<T, R> call)
      throws ProviderException {
    return READS.eachUntilFailure(inputs, concurrency, call);
  }
}
