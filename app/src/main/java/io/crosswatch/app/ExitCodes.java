package io.crosswatch.app;

/** The exit codes of {@code cw} (README, Commands). */
final class ExitCodes {
  /** All planned changes applied. */
  static final int OK = 0;

  /** A pair or feature failed, another run holds the lock, or an unexpected error. */
  static final int FAILED = 1;

  /** Invalid config or usage. */
  static final int USAGE = 2;

  /** Finished, but some items are unresolved or blocked. */
  static final int INCOMPLETE = 3;

  private ExitCodes() {}
}
