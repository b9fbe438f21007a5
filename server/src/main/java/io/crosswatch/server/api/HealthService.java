package io.crosswatch.server.api;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.provider.HealthJson;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.state.UnusedStateStore;
import io.crosswatch.server.ConfigSource;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code cw health --json} answers: status, latency and features of every provider instance an
 * enabled pair uses (each check contacts the provider).
 */
public final class HealthService {
  private final ConfigSource configs;
  private final Clock clock;
  private final BiConsumer<String, HealthReport> onReport;

  /** {@code onReport} hears each provider's report (the metrics keep provider up/down). */
  public HealthService(
      ConfigSource configs, Clock clock, BiConsumer<String, HealthReport> onReport) {
    this.configs = configs;
    this.clock = clock;
    this.onReport = onReport;
  }

  /** The {@code cw health --json} document. */
  public ObjectNode check() throws InterruptedException {
    Config config = configs.load();
    Orchestrator orchestrator =
        new Orchestrator(
            config,
            configs.registry(),
            UnusedStateStore.create(),
            configs.stateDir(),
            RunEvents.none(),
            new RunListener() {},
            clock,
            Sleeper.SYSTEM,
            new SplittableRandom());
    Map<String, HealthReport> reports = new TreeMap<>(orchestrator.health());
    reports.forEach(onReport);
    return HealthJson.toTree(reports, HealthJson.exitCode(reports));
  }
}
