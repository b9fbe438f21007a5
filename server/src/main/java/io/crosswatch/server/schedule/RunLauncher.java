package io.crosswatch.server.schedule;

import io.crosswatch.server.runs.RunStart;

/** Starts a run (the run service in the server; a stand-in in tests). */
@FunctionalInterface
public interface RunLauncher {
  /**
   * Starts a run and returns its id.
   *
   * @throws io.crosswatch.server.runs.RunBusyException when another run holds the state lock
   */
  String start(RunStart start);
}
