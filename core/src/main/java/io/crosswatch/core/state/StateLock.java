package io.crosswatch.core.state;

import java.nio.file.Path;

/** An exclusive lock on a state dir, so that two runs never share one state. */
public final class StateLock implements AutoCloseable {
  private StateLock() {}

  /**
   * Takes the lock file {@code <stateDir>/state.lock}.
   *
   * @throws StateException when another process (or this one) holds it, naming the holder
   */
  public static StateLock acquire(Path stateDir) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {}
}
