package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderCommand;
import io.crosswatch.core.provider.ProviderFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cw <provider>}: the group of one provider's commands; on its own a usage error. */
final class ProviderCommandGroup implements Callable<Integer> {
  private CommandSpec spec;

  private ProviderCommandGroup() {}

  /** The group of {@code factory}'s commands, named by its lower-case name. */
  static CommandLine commandLine(CliContext ctx, ProviderFactory factory) {
    ProviderCommandGroup group = new ProviderCommandGroup();
    group.spec = CommandSpec.wrapWithoutInspection(group);
    group.spec.name(factory.name().toLowerCase(Locale.ROOT));
    group.spec.usageMessage().description(factory.commandsDescription());
    CommandLine cli = new CommandLine(group.spec);
    for (ProviderCommand command : factory.commands()) {
      cli.addSubcommand(command.name(), ProviderCommandLine.command(ctx, factory.name(), command));
    }
    return cli;
  }

  @Override
  public Integer call() {
    throw AuthCommand.missingSubcommand(spec);
  }
}
