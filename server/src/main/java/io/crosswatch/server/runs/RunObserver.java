package io.crosswatch.server.runs;

import io.crosswatch.core.run.RunSummary;
import java.util.Map;

/** Hears about the service's runs: metrics and notifications hang off this. */
public interface RunObserver {
  /** A run started (its lock is held and its event log open). */
  default void started(String runId, RunStart start) {}

  /** One event of a running run, as written to its log. */
  default void event(String runId, String event, Map<String, ?> fields) {}

  /** A run finished (also when it failed with an unexpected error: exit code 1). */
  default void finished(String runId, RunStart start, RunSummary summary) {}
}
