package io.crosswatch.server.runs;

import java.util.List;
import java.util.Objects;

/**
 * A run to start: pair ids and feature names (empty: all enabled), dry run or not, and what started
 * it ({@code api} or {@code schedule}).
 */
public record RunStart(List<String> pairs, List<String> features, boolean dryRun, String trigger) {
  public RunStart {
    pairs = List.copyOf(pairs);
    features = List.copyOf(features);
    Objects.requireNonNull(trigger, "trigger");
  }
}
