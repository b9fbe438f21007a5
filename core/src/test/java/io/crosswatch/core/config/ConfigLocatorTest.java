package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
  private static final Map<String, String> ALL =
      Map.of(
          "HOME", "/home/ann",
          "CW_CONFIG", "/etc/cw/config.json",
          "XDG_CONFIG_HOME", "/xdg/config",
          "CW_STATE_DIR", "/var/lib/cw",
          "XDG_STATE_HOME", "/xdg/state");

  private static Map<String, String> without(String... names) {
    Map<String, String> env = new HashMap<>(ALL);
    for (String name : names) {
      env.remove(name);
    }
    return env;
  }

  @Nested
  class ConfigFile {
    @Test
    void theFlagComesFirst() {
      assertThat(ConfigLocator.configFile(Path.of("my.json"), ALL)).isEqualTo(Path.of("my.json"));
    }

    @Test
    void thenCwConfig() {
      assertThat(ConfigLocator.configFile(null, ALL)).isEqualTo(Path.of("/etc/cw/config.json"));
    }

    @Test
    void thenXdgConfigHome() {
      assertThat(ConfigLocator.configFile(null, without("CW_CONFIG")))
          .isEqualTo(Path.of("/xdg/config/crosswatch/config.json"));
    }

    @Test
    void thenTheHomeFolder() {
      assertThat(ConfigLocator.configFile(null, without("CW_CONFIG", "XDG_CONFIG_HOME")))
          .isEqualTo(Path.of("/home/ann/.config/crosswatch/config.json"));
    }

    @Test
    void emptyVariablesAndARelativeXdgConfigHomeCountAsUnset() {
      Map<String, String> env =
          Map.of("HOME", "/home/ann", "CW_CONFIG", "", "XDG_CONFIG_HOME", "relative/dir");

      assertThat(ConfigLocator.configFile(null, env))
          .isEqualTo(Path.of("/home/ann/.config/crosswatch/config.json"));
    }

    @Test
    void withoutHomeTheUserHomePropertyIsUsed() {
      assertThat(ConfigLocator.configFile(null, Map.of()))
          .isEqualTo(Path.of(System.getProperty("user.home"), ".config/crosswatch/config.json"));
    }
  }

  @Nested
  class StateDir {
    private final RuntimeSettings configured =
        new RuntimeSettings(
            false,
            false,
            false,
            Path.of("/conf/state"),
            false,
            300,
            100,
            50,
            Map.of(),
            20,
            0.1,
            RuntimeSettings.DEFAULT_KEEP_RUN_LOGS);

    @Test
    void theFlagComesFirst() {
      assertThat(ConfigLocator.stateDir(Path.of("/flag"), configured, ALL))
          .isEqualTo(Path.of("/flag"));
    }

    @Test
    void thenRuntimeStateDir() {
      assertThat(ConfigLocator.stateDir(null, configured, ALL)).isEqualTo(Path.of("/conf/state"));
    }

    @Test
    void thenCwStateDirWhenTheConfigLeavesItUnset() {
      assertThat(ConfigLocator.stateDir(null, RuntimeSettings.DEFAULTS, ALL))
          .isEqualTo(Path.of("/var/lib/cw"));
      assertThat(ConfigLocator.stateDir(null, null, ALL)).isEqualTo(Path.of("/var/lib/cw"));
    }

    @Test
    void thenXdgStateHome() {
      assertThat(ConfigLocator.stateDir(null, RuntimeSettings.DEFAULTS, without("CW_STATE_DIR")))
          .isEqualTo(Path.of("/xdg/state/crosswatch"));
    }

    @Test
    void thenTheHomeFolder() {
      Map<String, String> env = without("CW_STATE_DIR", "XDG_STATE_HOME");

      assertThat(ConfigLocator.stateDir(null, RuntimeSettings.DEFAULTS, env))
          .isEqualTo(Path.of("/home/ann/.local/state/crosswatch"));
    }
  }
}
