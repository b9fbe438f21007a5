package io.crosswatch.core.state;

/**
 * The state database cannot be used: damaged, from a newer version, locked or unwritable. The
 * message says which file, what is wrong and what the user can do.
 */
public class StateException extends RuntimeException {
  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
