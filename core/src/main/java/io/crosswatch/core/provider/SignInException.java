package io.crosswatch.core.provider;

/** Why a sign-in stopped: a usage problem (exit 2) or a failure (exit 1), said for the user. */
public final class SignInException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean usage;

  private SignInException(String message, boolean usage) {
    super(message);
    this.usage = usage;
  }

  /** Options or settings the user has to fix (exit 2). */
  public static SignInException usage(String message) {
    return new SignInException(message, true);
  }

  /** The sign-in was tried and did not work (exit 1). */
  public static SignInException failed(String message) {
    return new SignInException(message, false);
  }

  /** Whether this is a usage problem rather than a failure. */
  public boolean isUsage() {
    return usage;
  }
}
