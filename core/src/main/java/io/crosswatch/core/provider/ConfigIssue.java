package io.crosswatch.core.provider;

import java.util.Objects;

/** A problem found in the config, located by its JSON path. */
public record ConfigIssue(Severity severity, String path, String message) {

  /** How bad a config issue is: errors stop the run (exit 2), warnings are printed. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public ConfigIssue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  public static ConfigIssue error(String path, String message) {
    return new ConfigIssue(Severity.ERROR, path, message);
  }

  public static ConfigIssue warning(String path, String message) {
    return new ConfigIssue(Severity.WARNING, path, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path: message}, the form printed to users. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
