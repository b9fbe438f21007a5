package io.crosswatch.core.review;

/** A plan file that cannot be applied: unreadable, truncated, tampered or of an unknown format. */
public final class PlanFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public PlanFileException(String message) {
    super(message);
  }
}
