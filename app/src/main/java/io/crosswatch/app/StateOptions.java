package io.crosswatch.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the state lives: {@code --state-dir}, else the config's, else the default. */
final class StateOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  Path stateDir;
}
