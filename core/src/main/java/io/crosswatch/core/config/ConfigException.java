package io.crosswatch.core.config;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config that cannot be used. {@link #issues()} holds every error found (and the warnings); the
 * message lists the errors one per line as {@code path: message}.
 */
public final class ConfigException extends Exception {
  private final List<ConfigIssue> issues;

  public ConfigException(List<ConfigIssue> issues) {
    super(
        issues.stream()
            .filter(ConfigIssue::isError)
            .map(ConfigIssue::toString)
            .collect(Collectors.joining("\n")));
    this.issues = List.copyOf(issues);
  }

  /** Errors and warnings, in the order found. */
  public List<ConfigIssue> issues() {
    return issues;
  }

  /** Only the errors. */
  public List<ConfigIssue> errors() {
    return issues.stream().filter(ConfigIssue::isError).toList();
  }
}
