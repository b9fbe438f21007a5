package io.crosswatch.app;

import java.time.Clock;
import java.util.random.RandomGenerator;

/** Makes run ids for the command line, the same way the service does. */
final class RunIds {
  private RunIds() {}

  /** A new run id for the current time of {@code clock}. */
  static String next(Clock clock, RandomGenerator random) {
    return io.crosswatch.core.run.RunIds.next(clock, random);
  }
}
