package io.crosswatch.providers.local;

/**
 * A library document that cannot be used: invalid JSON (the message names line and column) or a
 * malformed entry (the message starts with its JSON path, e.g. {@code history[3].type}).
 */
public final class DocumentFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public DocumentFormatException(String message) {
    super(message);
  }

  public DocumentFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
