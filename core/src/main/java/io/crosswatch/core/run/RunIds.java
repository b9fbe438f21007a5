package io.crosswatch.core.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Makes run ids: UTC start time plus a short random suffix, e.g. {@code 20261128T061500Z-3f9a}. */
public final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RunIds() {}

  /** A new run id for the current time of {@code clock}. */
  public static String next(Clock clock, RandomGenerator random) {
    return FORMAT.format(clock.instant())
        + "-"
        + String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
  }
}
