package io.crosswatch.server.web;

import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.ConfigSource;
import io.crosswatch.server.Json;
import io.crosswatch.server.Services;
import io.crosswatch.server.api.ConfigService;
import io.crosswatch.server.api.SecretMask;
import io.crosswatch.server.runs.RunBusyException;
import io.crosswatch.server.runs.RunService;
import io.crosswatch.server.runs.RunStart;
import io.crosswatch.server.scrobble.ScrobbleStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The pages' view of the service: its config, run, schedule and health services and its state. */
public final class ServicePages implements PageServices {
  private final ConfigSource configs;
  private final ConfigService config;
  private final RunService runs;
  private final Supplier<Optional<Instant>> nextRunAt;
  private final Supplier<JsonNode> health;
  private final IntFunction<ScrobbleStatus> scrobbling;

  /**
   * @param nextRunAt when the scheduler runs next (empty without a schedule)
   * @param health the {@code cw health --json} document, as {@code GET /api/health} answers it
   * @param scrobbling the scrobbling status with that many recent notices
   */
  public ServicePages(
      ConfigSource configs,
      ConfigService config,
      RunService runs,
      Supplier<Optional<Instant>> nextRunAt,
      Supplier<JsonNode> health,
      IntFunction<ScrobbleStatus> scrobbling) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.config = Objects.requireNonNull(config, "config");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.nextRunAt = Objects.requireNonNull(nextRunAt, "nextRunAt");
    this.health = Objects.requireNonNull(health, "health");
    this.scrobbling = Objects.requireNonNull(scrobbling, "scrobbling");
  }

  /** The pages' services over the running service's parts. */
  public static ServicePages of(Services services) {
    return new ServicePages(
        services.configs(),
        services.config(),
        services.runs(),
        services.scheduler()::nextRunAt,
        () -> {
          try {
            return services.health().check();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the health check was interrupted", e);
          }
        },
        services.scrobbling()::status);
  }

  @Override
  public JsonNode maskedConfig() {
    return config.masked();
  }

  @Override
  public JsonNode mask(JsonNode document) {
    return SecretMask.masked(document);
  }

  @Override
  public ConfigSave saveConfig(JsonNode edited) {
    ConfigService.SaveResult result = config.save(edited);
    return new ConfigSave(
        result.errors().stream()
            .map(i -> new ErrorPlacement.Problem(i.path(), i.message()))
            .toList(),
        result.warnings().stream().map(Object::toString).toList());
  }

  @Override
  public String startRun(List<String> pairs, boolean dryRun) throws RunRefused {
    try {
      return runs.start(new RunStart(pairs, List.of(), dryRun, "api"));
    } catch (RunBusyException e) {
      throw new RunRefused(
          "A run is going on"
              + (e.runningRunId() == null ? "" : " (" + e.runningRunId() + ")")
              + "; start this one when it has finished.",
          e.runningRunId() == null ? "" : e.runningRunId());
    } catch (ApiProblem e) {
      throw new RunRefused(e.getMessage(), null);
    }
  }

  @Override
  public Optional<String> runningRunId() {
    return runs.runningRunId();
  }

  @Override
  public List<JsonNode> recentRuns(int limit) {
    return runs.recentRuns(limit).stream().map(ServicePages::tree).toList();
  }

  private static JsonNode tree(Map<String, Object> entry) {
    return Json.MAPPER.valueToTree(entry);
  }

  @Override
  public Optional<JsonNode> summary(String runId) {
    return runs.summaryJson(runId).map(Json.MAPPER::readTree);
  }

  @Override
  public boolean knownRun(String runId) {
    return runs.isActive(runId)
        || java.nio.file.Files.exists(runs.eventLog(runId))
        || runs.summaryJson(runId).isPresent();
  }

  @Override
  public Optional<Instant> nextRunAt() {
    return nextRunAt.get();
  }

  @Override
  public ScrobbleStatus scrobbling(int recent) {
    return scrobbling.apply(recent);
  }

  @Override
  public JsonNode health() {
    return health.get();
  }

  @Override
  public Optional<JsonNode> instanceSettings(String provider, String instance) {
    try {
      return new ConfigLoader(configs.registry())
          .load(configs.file())
          .config()
          .instanceSettings(provider, instance);
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  @Override
  public io.crosswatch.core.provider.ProviderRegistry registry() {
    return configs.registry();
  }

  @Override
  public Path stateDir() {
    return configs.stateDir();
  }

  @Override
  public Path configDir() {
    Path parent = configs.file().toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  @Override
  public <T> T withState(Function<StateStore, T> work) {
    try (StateStore store = SqliteStateStore.open(configs.stateDir())) {
      return work.apply(store);
    }
  }
}
