package io.crosswatch.server.runs;

/** Another run (of the service or of the command line) holds the state lock. */
public final class RunBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String runningRunId;

  public RunBusyException(String message, String runningRunId) {
    super(message, null, false, false);
    this.runningRunId = runningRunId;
  }

  /** The id of the run holding the lock, or {@code null} when the holder named none. */
  public String runningRunId() {
    return runningRunId;
  }
}
