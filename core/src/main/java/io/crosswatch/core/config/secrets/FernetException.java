package io.crosswatch.core.config.secrets;

/** A Fernet token that cannot be read; the message says why and never holds the token. */
public final class FernetException extends Exception {
  private static final long serialVersionUID = 1L;

  public FernetException(String message) {
    super(message);
  }
}
