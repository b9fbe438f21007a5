package io.crosswatch.app;

import io.crosswatch.core.config.LoadedConfig;
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

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = Configs.load(ctx, Configs.configPath(ctx, config));
    int pairs = loaded.config().pairs().size();
    ctx.out().println("config OK: " + Texts.plural(pairs, "pair"));
    return ExitCodes.OK;
  }
}
