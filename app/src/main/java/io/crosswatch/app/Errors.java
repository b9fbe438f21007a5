package io.crosswatch.app;

/** Turns unexpected exceptions into one line for the user. */
final class Errors {
  private Errors() {}

  /** The message of {@code e} on one line, naming its type when it has no message. */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
      if (e.getCause() != null && e.getCause() != e) {
        message += ": " + oneLine(e.getCause());
      }
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
