package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.review.PlanDocumentWriter;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cw plan}: a dry run that lists every planned change and can save it for review. */
@Command(
    name = "plan",
    description = {
      "Same as 'run --dry-run', listing each planned change.",
      "With --out, also saves the plan for review; 'cw apply' then applies exactly it."
    })
final class PlanCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin RunOptions options;

  @Option(names = "--dry-run", hidden = true, description = "Accepted; plan never writes.")
  boolean dryRun;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the plan (full items and the config's hash) to FILE as JSON.")
  Path out;

  PlanCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return new RunFlow(ctx, out == null ? RunFlow.Hooks.NONE : new SavePlan())
        .run(options, true, true);
  }

  /** Records the planned changes and writes them to {@code --out} when the run is done. */
  private final class SavePlan implements RunFlow.Hooks {
    private String configSha256;
    private PlanRecorder recorder;

    @Override
    public void configLoaded(Config config, Path file) {
      configSha256 = ConfigHash.of(file);
    }

    @Override
    public RunListener listener(RunListener reporter) {
      recorder = new PlanRecorder(reporter);
      return recorder;
    }

    @Override
    public void finished(RunSummary summary) {
      try {
        PlanDocumentWriter.write(out, recorder.document(ctx.clock().instant(), configSha256));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the plan to " + out, e);
      }
      (options.json ? ctx.err() : ctx.out())
          .println("Plan written to " + out + "; review it, then run `cw apply " + out + "`.");
    }
  }
}
