package io.crosswatch.server;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the service's config file afresh on every use, so that an edit (from the config page or on
 * disk) applies to the next run without a restart.
 */
public final class ConfigSource {
  private final Path file;
  private final Path stateDir;
  private final ProviderRegistry registry;

  public ConfigSource(Path file, Path stateDir, ProviderRegistry registry) {
    this.file = file;
    this.stateDir = stateDir;
    this.registry = registry;
  }

  /** The config file. */
  public Path file() {
    return file;
  }

  /** The state dir every run of the service uses. */
  public Path stateDir() {
    return stateDir;
  }

  /** The providers of this build. */
  public ProviderRegistry registry() {
    return registry;
  }

  /**
   * The config as the orchestrator gets it: validated, with {@code runtime.state_dir} set to the
   * service's state dir.
   *
   * @throws ApiProblem 409 listing the errors when the config on disk is invalid or missing
   */
  public Config load() {
    LoadedConfig loaded = loadChecked();
    Config c = loaded.config();
    return c.withRuntime(c.runtime().withStateDir(stateDir));
  }

  /** The config with its warnings, or a 409 naming every error. */
  public LoadedConfig loadChecked() {
    if (!Files.isRegularFile(file)) {
      throw new ApiProblem(409, file + ": config file not found; save one with PUT /api/config");
    }
    try {
      return new ConfigLoader(registry).load(file);
    } catch (ConfigException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "the config file " + file + " is invalid; fix it with PUT /api/config");
      body.put("errors", issues(e.errors()));
      throw new ApiProblem(409, body);
    }
  }

  /** Issues as the API writes them: {@code [{"path", "message"}]}. */
  public static List<Map<String, String>> issues(List<ConfigIssue> issues) {
    return issues.stream().map(i -> Map.of("path", i.path(), "message", i.message())).toList();
  }
}
