package io.crosswatch.app.fault;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunRequest;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.testkit.FlakyProvider;
import io.crosswatch.testkit.InMemoryProvider;
import io.crosswatch.testkit.InMemoryProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An orchestrator over two in-memory providers — {@code TRAKT} (source) and a {@link
 * FlakyProvider}-wrapped {@code SIMKL} (target) — with SQLite state in a temp dir and a sleeper
 * that only records what it was asked to wait. Pair {@code p}, one-way watchlist.
 */
final class InMemoryRun implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final InMemoryProvider source = new InMemoryProvider("TRAKT");
  final InMemoryProvider targetStore = new InMemoryProvider("SIMKL");
  final FlakyProvider target = new FlakyProvider(targetStore);
  final List<Duration> sleeps = new ArrayList<>();

  /** Every progress report of the runs, as {@code "task done/total"}. */
  final List<String> progress = new ArrayList<>();

  final Path stateDir;
  private final Config config;
  private final ProviderRegistry registry;
  private final StateStore store;
  private int runs;

  InMemoryRun(Path dir) throws ConfigException {
    stateDir = dir.resolve("state");
    registry =
        ProviderRegistry.of(
            new InMemoryProviderFactory("TRAKT").register(source),
            new InMemoryProviderFactory("SIMKL").register(target));
    Path file = dir.resolve("config.json");
    try {
      Files.writeString(
          file,
          "{\"runtime\": {\"apply_chunk_size\": 2, \"apply_chunk_pause_ms\": 5},"
              + " \"trakt\": {}, \"simkl\": {},"
              + " \"pairs\": [{\"id\": \"p\", \"source\": \"TRAKT\", \"target\": \"SIMKL\","
              + " \"mode\": \"one-way\", \"features\": {\"watchlist\": true}}]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config = new ConfigLoader(registry).load(file).config();
    store = SqliteStateStore.open(stateDir);
  }

  /** Movie {@code n} on a watchlist. */
  static Item movie(int n) {
    return Item.movie(
            "Movie " + n, 2000 + n, Ids.of(IdKind.IMDB, String.format(Locale.ROOT, "tt%07d", n)))
        .withListedAt(NOW.minus(Duration.ofDays(10)));
  }

  /** Puts movies {@code 1..n} on the source's watchlist. */
  InMemoryRun sourceHolds(int n) {
    List<Item> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(movie(i));
    }
    source.put(Feature.WATCHLIST, items);
    return this;
  }

  /** Runs every pair once, as its own run. */
  RunSummary run() throws InterruptedException {
    return run(false);
  }

  /** Plans every pair once, writing nothing. */
  RunSummary plan() throws InterruptedException {
    return run(true);
  }

  private RunSummary run(boolean dryRun) throws InterruptedException {
    runs++;
    Sleeper recording = d -> sleeps.add(d);
    Orchestrator orchestrator =
        new Orchestrator(
            config,
            registry,
            store,
            stateDir,
            RunEvents.none(),
            new RunListener() {
              @Override
              public void progress(String task, long done, long total) {
                progress.add(task + " " + done + "/" + total);
              }
            },
            Clock.fixed(NOW.plus(Duration.ofHours(runs)), ZoneOffset.UTC),
            recording,
            new SplittableRandom(runs));
    return orchestrator.run(new RunRequest("run-" + runs, Set.of(), Set.of(), dryRun));
  }

  StateStore store() {
    return store;
  }

  /** The titles the target holds. */
  List<String> targetTitles() {
    return targetStore.items(Feature.WATCHLIST).stream().map(Item::title).toList();
  }

  @Override
  public void close() {
    store.close();
  }
}
