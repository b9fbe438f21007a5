package io.crosswatch.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cw plan}: a dry run that lists every planned change. */
@Command(name = "plan", description = "Same as 'run --dry-run', listing each planned change.")
final class PlanCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin RunOptions options;

  @Option(names = "--dry-run", hidden = true, description = "Accepted; plan never writes.")
  boolean dryRun;

  PlanCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return new RunFlow(ctx).run(options, true, true);
  }
}
