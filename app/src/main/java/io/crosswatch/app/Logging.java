package io.crosswatch.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Adjusts Logback (configured in {@code logback.xml} to write to stderr) at run time. */
final class Logging {
  private Logging() {}

  /** Raises crosswatch's own loggers to DEBUG, for {@code runtime.debug}. */
  static void enableDebug() {
    if (LoggerFactory.getLogger("io.crosswatch") instanceof Logger logger) {
      logger.setLevel(Level.DEBUG);
    }
  }
}
