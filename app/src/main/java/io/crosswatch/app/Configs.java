package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.config.ConfigLocator;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.config.UnknownKeys;
import io.crosswatch.core.provider.ConfigIssue;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds and loads the config and the state dir the way every command does. */
final class Configs {
  private Configs() {}

  /**
   * The config file: the {@code --config} flag as given, else {@code $CW_CONFIG}, else the XDG
   * default (README, Commands).
   */
  static Path configPath(CliContext ctx, Path flag) {
    return flag != null ? flag : ConfigLocator.configFile(null, ctx.env());
  }

  /**
   * Loads and validates the config, printing its warnings to stderr with the keys crosswatch does
   * not use summarized per block.
   *
   * @throws CommandFailure exit 2 listing every error as {@code path: message}
   */
  static LoadedConfig load(CliContext ctx, Path file) {
    return load(ctx, file, false);
  }

  /**
   * As {@link #load(CliContext, Path)}; {@code everyKey} prints every warning on its own line
   * instead of summarizing unused keys.
   */
  static LoadedConfig load(CliContext ctx, Path file, boolean everyKey) {
    if (!Files.exists(file)) {
      throw CommandFailure.usage(file + ": config file not found; create it or pass --config PATH");
    }
    if (!Files.isRegularFile(file)) {
      throw CommandFailure.usage(file + ": not a file; pass the config file with --config PATH");
    }
    LoadedConfig loaded;
    try {
      loaded = new ConfigLoader(ctx.registry(), ctx.env()).load(file);
    } catch (ConfigException e) {
      throw CommandFailure.usage(
          e.errors().stream().map(ConfigIssue::toString).collect(Collectors.joining("\n")));
    }
    List<String> lines =
        everyKey ? UnknownKeys.each(loaded.warnings()) : UnknownKeys.summarize(loaded.warnings());
    for (String line : lines) {
      ctx.err().println("warning: " + line);
    }
    ctx.debug(loaded.config().runtime().debug());
    return loaded;
  }

  /**
   * Loads the config when the user named one or the default file exists; empty when no flag was
   * given and there is no config (state commands can still work from {@code --state-dir}).
   */
  static Optional<LoadedConfig> loadIfPresent(CliContext ctx, Path flag) {
    Path file = configPath(ctx, flag);
    if (flag == null && !Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(load(ctx, file));
  }

  /**
   * The state dir: the {@code --state-dir} flag as given, else the config's, {@code $CW_STATE_DIR},
   * then the XDG default.
   */
  static Path stateDir(CliContext ctx, Path flag, RuntimeSettings runtime) {
    Path dir = flag != null ? flag : ConfigLocator.stateDir(null, runtime, ctx.env());
    return dir.toAbsolutePath().normalize();
  }

  /** Creates the state dir (owner-only) when missing. */
  static Path createStateDir(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        try {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
          Files.createDirectories(dir);
        }
      }
      return dir;
    } catch (FileAlreadyExistsException e) {
      throw CommandFailure.failed("state dir " + dir + " exists but is not a folder");
    } catch (IOException e) {
      throw CommandFailure.failed("cannot create state dir " + dir + ": " + e.getMessage());
    }
  }

  /**
   * The config as the orchestrator gets it: {@code runtime.state_dir} set to the state dir this run
   * resolved, so that everything below (providers included) uses one folder.
   */
  static Config withStateDir(Config config, Path stateDir) {
    return config.withRuntime(config.runtime().withStateDir(stateDir));
  }
}
