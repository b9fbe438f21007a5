package io.crosswatch.core.provider;

import java.util.List;

/**
 * A command of one provider, run as {@code cw <lower-case provider name> <name>} (e.g. {@code cw
 * tracker export}). The command line loads the config when there is one; {@code --instance}, {@code
 * --config} and {@code --state-dir} are added to the declared options.
 */
public interface ProviderCommand {

  /** The subcommand's name, e.g. {@code export}. */
  String name();

  /** The help text, one entry per line. */
  List<String> description();

  /** The options beyond the shared ones, in help order. */
  default List<CommandOption> options() {
    return List.of();
  }

  /** Runs the command. */
  void run(CommandSession session) throws ProviderException, CommandException;
}
