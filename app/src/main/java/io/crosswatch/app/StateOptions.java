package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the state lives: {@code --state-dir}, else the config's, else the default. */
final class StateOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  Path stateDir;

  /** The config of {@code --config} (or the default one); a failure to load is a usage error. */
  Config loadConfig(CliContext ctx) {
    return Configs.load(ctx, Configs.configPath(ctx, config)).config();
  }

  /** The state dir of {@code --state-dir}, else of {@code loaded}, created when missing. */
  Path createStateDir(CliContext ctx, Config loaded) {
    return Configs.createStateDir(Configs.stateDir(ctx, stateDir, loaded.runtime()));
  }
}
