package io.crosswatch.app;

import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/** Opens the state store for the {@code cw state} commands. */
final class StateAccess {
  private final CliContext ctx;
  private final Path dir;

  private StateAccess(CliContext ctx, Path dir) {
    this.ctx = ctx;
    this.dir = dir;
  }

  /**
   * Finds the state dir: {@code --state-dir} needs no config; otherwise the config (if any) may
   * name one.
   */
  static StateAccess of(CliContext ctx, StateOptions options) {
    RuntimeSettings runtime =
        options.stateDir != null
            ? RuntimeSettings.DEFAULTS
            : Configs.loadIfPresent(ctx, options.config)
                .map(LoadedConfig::config)
                .map(c -> c.runtime())
                .orElse(RuntimeSettings.DEFAULTS);
    return new StateAccess(ctx, Configs.stateDir(ctx, options.stateDir, runtime));
  }

  Path dir() {
    return dir;
  }

  /** Runs {@code work} on the store without taking the lock (reads only). */
  int read(ToIntFunction<StateStore> work) {
    if (!exists()) {
      return ExitCodes.OK;
    }
    try (StateStore store = SqliteStateStore.open(dir)) {
      return work.applyAsInt(store);
    }
  }

  /** Runs {@code work} on the store holding the state lock, so that no run interferes. */
  @SuppressWarnings("try") // the lock is held for the duration of the block
  int write(ToIntFunction<StateStore> work) {
    if (!exists()) {
      return ExitCodes.OK;
    }
    try (StateLock lock = StateLock.acquire(dir);
        StateStore store = SqliteStateStore.open(dir)) {
      return work.applyAsInt(store);
    }
  }

  private boolean exists() {
    if (Files.exists(dir.resolve("state.db"))) {
      return true;
    }
    ctx.out().println("No state in " + dir + " yet (nothing has run there).");
    return false;
  }
}
