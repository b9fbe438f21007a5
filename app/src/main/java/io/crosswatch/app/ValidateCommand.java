package io.crosswatch.app;

import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.config.UnknownKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cw validate}: checks the config, warnings on stderr. */
@Command(
    name = "validate",
    description = "Checks the config: errors and warnings on stderr, exit 2 when invalid.")
final class ValidateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(
      names = "--verbose",
      description = "Lists every key crosswatch does not use instead of a count per block.")
  boolean verbose;

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = Configs.load(ctx, Configs.configPath(ctx, config), verbose);
    int pairs = loaded.config().pairs().size();
    long unused = UnknownKeys.countUnused(loaded.warnings());
    String hint =
        verbose || unused < 2
            ? ""
            : "; "
                + Texts.plural(unused, "key")
                + " crosswatch does not use (--verbose lists them)";
    ctx.out().println("config OK: " + Texts.plural(pairs, "pair") + hint);
    return ExitCodes.OK;
  }
}
