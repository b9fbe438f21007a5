package io.crosswatch.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cw run}: runs the enabled pairs. */
@Command(
    name = "run",
    description = "Runs the enabled pairs: health, snapshot, plan, apply, summarize.")
final class RunCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin RunOptions options;

  @Option(names = "--dry-run", description = "Plan only; write nothing to providers or state.")
  boolean dryRun;

  RunCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return new RunFlow(ctx).run(options, dryRun, false);
  }
}
