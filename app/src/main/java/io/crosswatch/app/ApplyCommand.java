package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.review.PlanChanges;
import io.crosswatch.core.review.PlanDocument;
import io.crosswatch.core.review.PlanDocumentReader;
import io.crosswatch.core.review.PlanFileException;
import io.crosswatch.core.run.PresetChanges;
import io.crosswatch.core.state.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cw apply PLAN}: applies exactly the changes of a plan saved by {@code cw plan --out}. */
@Command(
    name = "apply",
    description = {
      "Applies exactly the changes of a plan saved with 'cw plan --out', rechecking each against",
      "what the providers hold now: changes already in place count as applied, changes whose",
      "basis changed since the plan was made are skipped with a warning."
    })
final class ApplyCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.")
  Path planFile;

  @Mixin RunOptions options;

  @Option(
      names = "--force",
      description = "Apply a plan made under another config (its hash differs).")
  boolean force;

  ApplyCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PlanDocument plan;
    try {
      plan = PlanDocumentReader.read(planFile);
    } catch (PlanFileException e) {
      throw CommandFailure.usage(e.getMessage());
    }
    return new RunFlow(ctx, new Apply(plan)).run(options, false, false);
  }

  /** Checks the plan against the config and hands its changes to the run. */
  private final class Apply implements RunFlow.Hooks {
    private final PlanDocument plan;

    Apply(PlanDocument plan) {
      this.plan = plan;
    }

    @Override
    public void configLoaded(Config config, Path file) {
      String hash = ConfigHash.of(file);
      if (!hash.equals(plan.configSha256())) {
        String message =
            planFile
                + " was made under another config (its config_sha256 "
                + abbreviated(plan.configSha256())
                + " is not "
                + file
                + "'s "
                + abbreviated(hash)
                + ")";
        if (!force) {
          throw CommandFailure.usage(
              message + "; make a new plan with `cw plan --out`, or pass --force to apply it");
        }
        ctx.err().println("warning: " + message + "; applying it anyway (--force)");
      }
      List<String> known = config.pairs().stream().map(PairSettings::id).toList();
      for (PlanDocument.PairChanges pair : plan.pairs()) {
        if (known.contains(pair.id())) {
          continue;
        }
        if (force) {
          ctx.err()
              .println(
                  "warning: pair \"" + pair.id() + "\" of the plan is not in the config; skipped");
        } else {
          throw CommandFailure.usage(
              planFile + ": pair \"" + pair.id() + "\" is not in the config " + file);
        }
      }
    }

    @Override
    public PresetChanges preset(Config config, StateStore store) {
      return new PlanChanges(plan);
    }
  }

  private static String abbreviated(String hash) {
    return hash.substring(0, 12) + "…";
  }
}
