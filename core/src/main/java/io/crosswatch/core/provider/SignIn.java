package io.crosswatch.core.provider;

import java.util.List;

/**
 * A service's sign-in flow, run by {@code cw auth <name>}: the command line builds one subcommand
 * per factory that offers a sign-in, with the options it declares plus {@code --instance}, {@code
 * --config} and {@code --state-dir}.
 *
 * <p>The command calls {@link #checkOptions} before reading the config, then {@link #run} with the
 * instance's settings; a {@link CommandException} ends it with its exit code, a {@link
 * ProviderException} with exit 1.
 */
public interface SignIn {

  /** The help text, one entry per line. */
  List<String> description();

  /** The options beyond the shared ones, in help order. */
  default List<CommandOption> options() {
    return List.of();
  }

  /**
   * What a missing instance block must be given, named in the usage error ({@code "add it with
   * server"}); empty when nothing in particular.
   */
  default String needs() {
    return "";
  }

  /**
   * Whether the {@code default} instance needs a block too; when not, a missing default block signs
   * in with empty settings.
   */
  default boolean blockRequired() {
    return false;
  }

  /** Checks the options before the config is read; a usage error ends the command. */
  default void checkOptions(CommandSession session) throws CommandException {}

  /** Signs in, saves what the service returned and tells the user where it went. */
  void run(CommandSession session) throws ProviderException, CommandException;
}
