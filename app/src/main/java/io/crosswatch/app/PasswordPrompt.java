package io.crosswatch.app;

import java.io.Console;

/** Asks for a password on the terminal without echoing it. */
@FunctionalInterface
interface PasswordPrompt {
  /** The password typed after {@code prompt}, or {@code null} when input ended. */
  char[] read(String prompt);

  /** The process's terminal, or {@code null} when there is none (input or output redirected). */
  static PasswordPrompt system() {
    Console console = System.console();
    return console == null ? null : prompt -> console.readPassword("%s", prompt);
  }
}
