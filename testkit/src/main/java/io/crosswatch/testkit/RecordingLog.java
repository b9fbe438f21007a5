package io.crosswatch.testkit;

import io.crosswatch.core.provider.DiagnosticLog;
import java.util.ArrayList;
import java.util.List;

/** A diagnostic log that keeps every line it is sent, for tests to read back; thread-safe. */
public final class RecordingLog implements DiagnosticLog {
  /** What {@link #lines()} puts before a warning. */
  public static final String WARN_PREFIX = "WARN ";

  private final List<String> lines = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  @Override
  public synchronized void debug(String message) {
    lines.add(message);
  }

  @Override
  public synchronized void warn(String message) {
    lines.add(WARN_PREFIX + message);
    warnings.add(message);
  }

  /** Every line so far in the order sent, debug lines as they are, warnings after "WARN ". */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The warnings so far, in the order sent. */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }
}
