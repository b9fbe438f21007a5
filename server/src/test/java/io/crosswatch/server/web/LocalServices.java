package io.crosswatch.server.web;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.events.JsonlRunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunRequest;
import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages' services made of the core's real parts (config loader, orchestrator, SQLite state,
 * JSONL event log) on one config file and state dir, for the browser tests. Runs go through a
 * {@link RunListener} the test gives, which may hold a run at a feature's start.
 */
final class LocalServices implements PageServices {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> SECRETS =
      Set.of(
          "client_secret",
          "access_token",
          "refresh_token",
          "api_key",
          "password",
          "token",
          "account_token",
          "pms_token");

  private final Path config;
  private final Path stateDir;
  private final ProviderRegistry registry = ProviderRegistry.load();
  private final RunListener listener;
  private final AtomicReference<String> running = new AtomicReference<>();
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final AtomicInteger counter = new AtomicInteger();

  LocalServices(Path config, Path stateDir, RunListener listener) {
    this.config = config;
    this.stateDir = stateDir;
    this.listener = listener;
  }

  @Override
  public Path stateDir() {
    return stateDir;
  }

  @Override
  public Optional<JsonNode> instanceSettings(String provider, String instance) {
    try {
      return new ConfigLoader(registry).load(config).config().instanceSettings(provider, instance);
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  @Override
  public JsonNode maskedConfig() {
    return mask(JSON.readTree(config.toFile()));
  }

  @Override
  public JsonNode mask(JsonNode document) {
    JsonNode copy = document.deepCopy();
    maskIn(copy);
    return copy;
  }

  private static void maskIn(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (String key : List.copyOf(o.propertyNames())) {
        JsonNode v = o.get(key);
        if (SECRETS.contains(key) && v.isString() && !v.stringValue().isEmpty()) {
          o.put(key, ConfigFormBuilder.MASKED);
        } else {
          maskIn(v);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(LocalServices::maskIn);
    }
  }

  @Override
  public ConfigSave saveConfig(JsonNode edited) {
    try {
      JsonNode stored = JSON.readTree(config.toFile());
      JsonNode restored = unmask(edited.deepCopy(), stored);
      Path candidate = config.resolveSibling(".config.json.new");
      Files.writeString(
          candidate, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(restored));
      try {
        LoadedConfig loaded = new ConfigLoader(registry).load(candidate);
        Files.copy(
            config, config.resolveSibling("config.json.bak"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            candidate, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ConfigSave(
            List.of(), loaded.warnings().stream().map(ConfigIssue::toString).toList());
      } catch (ConfigException e) {
        Files.deleteIfExists(candidate);
        return new ConfigSave(
            e.errors().stream()
                .map(i -> new ErrorPlacement.Problem(i.path(), i.message()))
                .toList(),
            List.of());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode unmask(JsonNode edited, JsonNode stored) {
    if (edited instanceof ObjectNode o && stored != null && stored.isObject()) {
      for (String key : List.copyOf(o.propertyNames())) {
        JsonNode v = o.get(key);
        if (v.isString() && ConfigFormBuilder.MASKED.equals(v.stringValue()) && stored.has(key)) {
          o.set(key, stored.get(key));
        } else {
          unmask(v, stored.get(key));
        }
      }
    } else if (edited != null && edited.isArray() && stored != null && stored.isArray()) {
      for (int i = 0; i < edited.size() && i < stored.size(); i++) {
        unmask(edited.get(i), stored.get(i));
      }
    }
    return edited;
  }

  @Override
  public String startRun(List<String> pairs, boolean dryRun) throws RunRefused {
    String id = "run-" + counter.incrementAndGet();
    if (!running.compareAndSet(null, id)) {
      throw new RunRefused("A run is going on: " + running.get(), running.get());
    }
    LoadedConfig loaded;
    try {
      loaded = new ConfigLoader(registry).load(config);
    } catch (ConfigException e) {
      running.set(null);
      throw new RunRefused(e.getMessage(), null);
    }
    started.add(id);
    RunRequest request = new RunRequest(id, Set.copyOf(pairs), Set.<Feature>of(), dryRun, "api");
    Thread thread =
        new Thread(
            () -> {
              try (StateLock lock = StateLock.acquire(stateDir);
                  StateStore store = SqliteStateStore.open(stateDir);
                  JsonlRunEvents events = JsonlRunEvents.open(stateDir, id, Clock.systemUTC())) {
                new Orchestrator(
                        loaded.config(),
                        registry,
                        store,
                        stateDir,
                        events,
                        listener,
                        Clock.systemUTC(),
                        Sleeper.SYSTEM,
                        new SplittableRandom(1))
                    .run(request);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                running.set(null);
              }
            },
            "test-run-" + id);
    thread.setDaemon(true);
    thread.start();
    return id;
  }

  /** The event log of a run (written while it runs). */
  Path eventLog(String runId) {
    return stateDir.resolve("logs").resolve(runId + ".jsonl");
  }

  @Override
  public Optional<String> runningRunId() {
    return Optional.ofNullable(running.get());
  }

  @Override
  public List<JsonNode> recentRuns(int limit) {
    return withState(store -> store.recentRuns(limit).stream().map(LocalServices::entry).toList());
  }

  private static JsonNode entry(RunRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("run_id", r.runId());
    o.put("started_at", String.valueOf(r.startedAt()));
    o.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    if (r.exitCode() == null) {
      o.putNull("exit_code");
    } else {
      o.put("exit_code", r.exitCode());
    }
    o.put("dry_run", r.dryRun());
    o.put("trigger", r.trigger());
    return o;
  }

  @Override
  public Optional<JsonNode> summary(String runId) {
    return withState(store -> store.runSummary(runId).map(JSON::readTree));
  }

  @Override
  public boolean knownRun(String runId) {
    return started.contains(runId) || summary(runId).isPresent();
  }

  @Override
  public Optional<Instant> nextRunAt() {
    return Optional.empty();
  }

  @Override
  public JsonNode health() {
    ObjectNode doc = JSON.createObjectNode();
    var list = doc.putArray("providers");
    ObjectNode file = list.addObject();
    file.put("provider", "FILE:default");
    file.put("status", "ok");
    file.put("latency_ms", 1);
    file.put("message", "ok");
    return doc;
  }

  @Override
  public <T> T withState(Function<StateStore, T> work) {
    try (StateStore store = SqliteStateStore.open(stateDir)) {
      return work.apply(store);
    }
  }
}
