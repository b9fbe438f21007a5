package io.crosswatch.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the config file and the state dir from flags, config and environment, in the order the
 * README's config reference gives of precedence.
 *
 * <p>The environment is passed in, never read here. Empty variables count as unset, and so do
 * relative {@code XDG_*} values (the XDG spec says to ignore them). The home folder is {@code
 * $HOME}, else the {@code user.home} system property.
 */
public final class ConfigLocator {
  private ConfigLocator() {}

  /**
   * The config file: {@code flag} if given, else {@code $CW_CONFIG}, else {@code
   * $XDG_CONFIG_HOME/crosswatch/config.json}, else {@code ~/.config/crosswatch/config.json}.
   */
  public static Path configFile(Path flag, Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    if (flag != null) {
      return flag;
    }
    String configured = value(env, "CW_CONFIG");
    if (configured != null) {
      return Path.of(configured);
    }
    return xdgBase(env, "XDG_CONFIG_HOME", ".config").resolve("crosswatch").resolve("config.json");
  }

  /**
   * The state dir: {@code flag} if given, else {@code runtime.state_dir}, else {@code
   * $CW_STATE_DIR}, else {@code $XDG_STATE_HOME/crosswatch}, else {@code
   * ~/.local/state/crosswatch}.
   *
   * @param runtime the loaded runtime settings, or null when there are none
   */
  public static Path stateDir(Path flag, RuntimeSettings runtime, Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    if (flag != null) {
      return flag;
    }
    if (runtime != null && runtime.stateDir() != null) {
      return runtime.stateDir();
    }
    String configured = value(env, "CW_STATE_DIR");
    if (configured != null) {
      return Path.of(configured);
    }
    return xdgBase(env, "XDG_STATE_HOME", ".local/state").resolve("crosswatch");
  }

  /** {@code $variable} when set to an absolute path, else {@code ~/fallback}. */
  private static Path xdgBase(Map<String, String> env, String variable, String fallback) {
    String configured = value(env, variable);
    if (configured != null && Path.of(configured).isAbsolute()) {
      return Path.of(configured);
    }
    return home(env).resolve(fallback);
  }

  private static Path home(Map<String, String> env) {
    String home = value(env, "HOME");
    return Path.of(home != null ? home : System.getProperty("user.home"));
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
