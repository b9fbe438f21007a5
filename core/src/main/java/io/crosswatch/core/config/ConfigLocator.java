package io.crosswatch.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the config file and the state dir from flags, config and environment, in the design's
 * order of precedence.
 */
public final class ConfigLocator {
  private ConfigLocator() {}

  /**
   * The config file: {@code flag} if given, else {@code $CW_CONFIG}, else {@code
   * $XDG_CONFIG_HOME/crosswatch/config.json}, else {@code ~/.config/crosswatch/config.json}.
   */
  public static Path configFile(Path flag, Map<String, String> env) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The state dir: {@code flag} if given, else {@code runtime.state_dir}, else {@code
   * $CW_STATE_DIR}, else {@code $XDG_STATE_HOME/crosswatch}, else {@code
   * ~/.local/state/crosswatch}.
   */
  public static Path stateDir(Path flag, RuntimeSettings runtime, Map<String, String> env) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
