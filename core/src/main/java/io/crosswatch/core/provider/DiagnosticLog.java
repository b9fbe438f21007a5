package io.crosswatch.core.provider;

/** Where providers send diagnostic lines (debug output, warnings); implementations go to stderr. */
public interface DiagnosticLog {

  /** A line shown only when the matching debug flag is on. */
  void debug(String message);

  /** A line always shown. */
  void warn(String message);

  /** A log that drops everything, for tests. */
  static DiagnosticLog silent() {
    return new DiagnosticLog() {
      @Override
      public void debug(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}
