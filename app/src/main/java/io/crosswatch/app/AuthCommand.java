package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cw auth}: authorizes crosswatch with a service and saves the tokens in the state dir. Its
 * subcommands are not listed here: {@link #addSignIns} adds one per provider whose factory offers a
 * sign-in.
 */
@Command(
    name = "auth",
    description = "Authorizes crosswatch with a service; tokens go to <state_dir>/secrets.")
final class AuthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** How the device flows wait between polls; tests put a fake here. */
  Sleeper sleeper = Sleeper.SYSTEM;

  @Override
  public Integer call() {
    throw missingSubcommand(spec);
  }

  /** {@code missing subcommand: a, b or c}, naming the group's subcommands. */
  static CommandLine.ParameterException missingSubcommand(CommandSpec group) {
    List<String> names = new ArrayList<>(group.subcommands().keySet());
    String message = "missing subcommand";
    if (names.size() == 1) {
      message += ": " + names.get(0);
    } else if (names.size() > 1) {
      String last = names.remove(names.size() - 1);
      message += ": " + String.join(", ", names) + " or " + last;
    }
    return new CommandLine.ParameterException(group.commandLine(), message);
  }

  /**
   * Adds the commands the providers declare: {@code cw auth <name>} for every factory that offers a
   * sign-in and {@code cw <name> <command>} for every provider command, in the registry's order.
   * When the providers cannot be loaded at all, there are none of them, and the commands that run
   * providers report why.
   */
  static void addProviderCommands(CommandLine cw, CliContext ctx) {
    CommandLine auth = cw.getSubcommands().get("auth");
    AuthCommand command = auth.getCommand();
    ProviderRegistry registry;
    try {
      registry = ctx.registry();
    } catch (RuntimeException e) {
      return;
    }
    for (ProviderFactory factory : registry.factories()) {
      factory
          .signIn()
          .ifPresent(
              signIn -> {
                CommandLine sub =
                    ProviderCommandLine.signIn(ctx, factory.name(), signIn, () -> command.sleeper);
                auth.addSubcommand(sub.getCommandName(), sub);
              });
      if (!factory.commands().isEmpty()) {
        CommandLine group = ProviderCommandGroup.commandLine(ctx, factory);
        cw.addSubcommand(group.getCommandName(), group);
      }
    }
    // The providers' groups come before auth, which stays the last command in help and messages.
    cw.getCommandSpec().removeSubcommand("auth");
    cw.addSubcommand("auth", auth);
  }
}
