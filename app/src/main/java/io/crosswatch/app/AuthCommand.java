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
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    String message = "missing subcommand";
    if (names.size() == 1) {
      message += ": " + names.get(0);
    } else if (names.size() > 1) {
      String last = names.remove(names.size() - 1);
      message += ": " + String.join(", ", names) + " or " + last;
    }
    throw new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Adds {@code cw auth <name>} for every factory of the context's registry that offers a sign-in,
   * in the registry's order. When the providers cannot be loaded at all, {@code cw auth} gets no
   * subcommands and the commands that run providers report why.
   */
  static void addSignIns(CommandLine auth, CliContext ctx) {
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
                CommandLine sub = SignInCommand.commandLine(ctx, command, factory.name(), signIn);
                auth.addSubcommand(sub.getCommandName(), sub);
              });
    }
  }
}
