package io.crosswatch.core.provider;

/**
 * Why a provider's command (a sign-in, an export) stopped: a usage problem (exit 2) or a failure
 * (exit 1), said for the user.
 */
public final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean usage;

  private CommandException(String message, boolean usage) {
    super(message);
    this.usage = usage;
  }

  /** Options or settings the user has to fix (exit 2). */
  public static CommandException usage(String message) {
    return new CommandException(message, true);
  }

  /** The command was tried and did not work (exit 1). */
  public static CommandException failed(String message) {
    return new CommandException(message, false);
  }

  /** Whether this is a usage problem rather than a failure. */
  public boolean isUsage() {
    return usage;
  }
}
