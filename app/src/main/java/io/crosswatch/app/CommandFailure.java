package io.crosswatch.app;

/**
 * Ends a command with an exit code and a message for stderr (several lines allowed); nothing is
 * printed to stdout.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CommandFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** A usage or config problem: exit 2. */
  static CommandFailure usage(String message) {
    return new CommandFailure(ExitCodes.USAGE, message);
  }

  /** A failure of the work itself: exit 1. */
  static CommandFailure failed(String message) {
    return new CommandFailure(ExitCodes.FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
