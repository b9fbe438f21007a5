package io.crosswatch.core.provider;

import io.crosswatch.core.apply.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a provider's command ({@link SignIn}, {@link ProviderCommand}) gets from the command line:
 * the instance, its options and settings, time and I/O.
 */
public interface CommandSession {

  /** The instance name ({@code default} unless {@code --instance} names another). */
  String instance();

  /** Where the instance's block is in the config, e.g. {@code trakt.instances.work}. */
  String configPath();

  /**
   * The instance's settings; an empty object when the default instance has no block (or, for a
   * {@link ProviderCommand}, when there is no config).
   */
  JsonNode settings();

  /** The config file's folder (relative paths in settings resolve against it), else the cwd. */
  Path configDir();

  /** Whether a flag option was given. */
  boolean flag(String name);

  /** The value of an option, when given. */
  Optional<String> option(String name);

  /** The state dir, created when missing; tokens go to its {@code secrets} folder. */
  Path stateDir();

  /** Where the state dir is, without creating it. */
  Path stateDirLocation();

  /** The clock. */
  Clock clock();

  /** How waiting between polls is done. */
  Sleeper sleeper();

  /** Prints one line for the user on standard output. */
  void println(String line);

  /**
   * The first line of standard input (UTF-8), {@code null} when it is empty.
   *
   * @throws java.io.IOException when standard input cannot be read
   */
  String stdinLine() throws java.io.IOException;

  /** Whether there is a terminal to ask for a secret with {@link #readSecret}. */
  boolean hasTerminal();

  /**
   * Asks for a secret at the terminal without echo; {@code null} when the user ended the input.
   * Only called when {@link #hasTerminal()}.
   */
  char[] readSecret(String prompt);
}
