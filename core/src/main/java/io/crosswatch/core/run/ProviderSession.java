package io.crosswatch.core.run;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.InstanceRef;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.snapshot.SnapshotCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * The provider instances of one run: each is created and health-checked once, its snapshots are
 * cached, and all are closed at the end.
 */
final class ProviderSession implements AutoCloseable {
  private final Config config;
  private final ProviderRegistry registry;
  private final Path stateDir;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final DiagnosticLog log;
  private final RunEvents events;
  private final SnapshotCache cache;
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private ExecutorService helper;

  /**
   * A provider instance and its health, or why it could not be created.
   *
   * @param missingInBuild the provider is known but this build cannot run it
   */
  record Connection(
      String label,
      Provider provider,
      HealthReport health,
      String failure,
      boolean missingInBuild) {
    boolean usable() {
      return failure == null;
    }
  }

  ProviderSession(
      Config config,
      ProviderRegistry registry,
      Path stateDir,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random,
      DiagnosticLog log,
      RunEvents events) {
    this.sleeper = sleeper;
    this.random = random;
    this.config = config;
    this.registry = registry;
    this.stateDir = stateDir;
    this.clock = clock;
    this.log = log;
    this.events = events;
    this.cache = new SnapshotCache(clock, Duration.ofSeconds(config.runtime().snapshotTtlSec()));
  }

  /**
   * Creates and health-checks several instances at once, one thread each (at most four at a time):
   * health checks wait on files and networks, and every instance is its own.
   */
  void connectAll(List<InstanceRef> instances) throws InterruptedException {
    List<InstanceRef> missing = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (InstanceRef ref : instances) {
      if (!connections.containsKey(ref.label()) && seen.add(ref.label())) {
        missing.add(ref);
      }
    }
    if (missing.size() <= 1) {
      missing.forEach(ref -> connect(ref.provider(), ref.instance()));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, missing.size()));
    try {
      List<Future<Connection>> created = new ArrayList<>();
      for (InstanceRef ref : missing) {
        created.add(pool.submit(() -> create(ref.provider(), ref.instance(), ref.label())));
      }
      for (Future<Connection> f : created) {
        record(f.get());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("health check failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The instance {@code name:instance}, created and health-checked on first use. */
  Connection connect(String name, String instance) {
    String label = name + ":" + instance;
    Connection existing = connections.get(label);
    if (existing != null) {
      return existing;
    }
    return record(create(name, instance, label));
  }

  private Connection record(Connection created) {
    connections.put(created.label(), created);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", created.label());
    // Lower case, as every status in the summary and the events.
    HealthReport.Status status =
        created.health() == null ? HealthReport.Status.DOWN : created.health().status();
    fields.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    if (created.health() != null) {
      fields.put("latency_ms", created.health().latency().toMillis());
    }
    fields.put("message", created.usable() ? created.health().message() : created.failure());
    events.emit("health", fields);
    return created;
  }

  /**
   * Starts a snapshot on the session's helper thread, so that the other side's snapshot can be
   * taken at the same time on the caller's thread.
   */
  Future<List<Item>> snapshotAsync(Provider provider, Feature feature, boolean[] cached) {
    synchronized (this) {
      if (helper == null) {
        helper =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "crosswatch-snapshot");
                  t.setDaemon(true);
                  return t;
                });
      }
    }
    return helper.submit(() -> snapshot(provider, feature, cached));
  }

  /** Randomness of its own for one instance (instances are created on several threads). */
  private synchronized RandomGenerator nextRandom() {
    return new SplittableRandom(random.nextLong());
  }

  private Connection create(String name, String instance, String label) {
    Optional<ProviderFactory> factory = registry.factory(name);
    if (factory.isEmpty()) {
      return new Connection(
          label, null, null, "provider " + name + " is not available in this build", true);
    }
    ProviderContext context =
        config.providerContext(
            factory.get(), instance, stateDir, clock, log, sleeper, nextRandom());
    Provider provider;
    try {
      provider = factory.get().create(context);
    } catch (ProviderException | RuntimeException e) {
      return new Connection(
          label, null, null, label + " could not be set up: " + e.getMessage(), false);
    }
    HealthReport health;
    try {
      health = provider.health();
    } catch (RuntimeException e) {
      health = HealthReport.down("health check failed: " + e.getMessage(), Duration.ZERO);
    }
    if (!health.usable()) {
      String failure =
          label
              + " is "
              + health.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ": "
              + health.message();
      return new Connection(label, provider, health, failure, false);
    }
    return new Connection(label, provider, health, null, false);
  }

  /** The present snapshot of a provider and feature, from the cache when fresh. */
  List<Item> snapshot(Provider provider, Feature feature, boolean[] cached)
      throws ProviderException {
    Optional<List<Item>> hit = cache.get(provider.label(), feature);
    cached[0] = hit.isPresent();
    if (hit.isPresent()) {
      return hit.get();
    }
    List<Item> items = List.copyOf(provider.snapshot(feature));
    cache.put(provider.label(), feature, items);
    return items;
  }

  /**
   * Drops cached snapshots after a write to a provider: of every feature, because some services
   * change one feature when another is written (a play added to Trakt drops the title from the
   * watchlist).
   */
  void invalidate(Provider provider, Feature written) {
    for (Feature feature : Feature.values()) {
      cache.invalidate(provider.label(), feature);
    }
  }

  /** Every connection made so far, in order. */
  List<Connection> connections() {
    return List.copyOf(connections.values());
  }

  /**
   * Lets every connected provider bring its stored snapshots up to date after the run's writes
   * ({@link Provider#settle}), showing which one is at it (a tracker may re-read for a while); a
   * provider that breaks its promise and throws is a warning.
   */
  void settleAll(RunListener listener) {
    List<Connection> usable = connections.values().stream().filter(Connection::usable).toList();
    for (int i = 0; i < usable.size(); i++) {
      Connection c = usable.get(i);
      listener.progress("updating the snapshot cache of " + c.label(), i, usable.size());
      try {
        c.provider().settle();
      } catch (RuntimeException e) {
        log.warn(
            c.label()
                + ": error while updating its snapshot cache after the writes: "
                + e.getMessage()
                + "; the next run reads its data again");
      }
    }
    listener.progress("updating snapshot caches", usable.size(), usable.size());
  }

  /** Request counters of every provider that reports them, by label. */
  Map<String, ApiUsage> apiUsage() {
    Map<String, ApiUsage> usage = new LinkedHashMap<>();
    for (Connection c : connections.values()) {
      if (c.provider() != null) {
        c.provider().apiUsage().ifPresent(u -> usage.put(c.label(), u));
      }
    }
    return usage;
  }

  @Override
  public void close() {
    if (helper != null) {
      helper.shutdownNow();
    }
    for (Connection c : connections.values()) {
      if (c.provider() != null) {
        try {
          c.provider().close();
        } catch (RuntimeException e) {
          log.warn(c.label() + ": error while closing: " + e.getMessage());
        }
      }
    }
  }
}
