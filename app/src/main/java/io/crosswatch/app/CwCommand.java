package io.crosswatch.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code cw} command; on its own it only prints usage. */
@Command(
    name = "cw",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = "Keeps watchlists, watch history and ratings in sync between providers.",
    footer = {
      "",
      "Exit codes: 0 all planned changes applied, 1 a pair or feature failed,",
      "2 invalid config or usage, 3 finished with unresolved or blocked items."
    },
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      UndoCommand.class,
      ExportCommand.class,
      ValidateCommand.class,
      HealthCommand.class,
      StateCommand.class,
      AuthCommand.class,
      ServeCommand.class,
      WebCommand.class
    })
final class CwCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
