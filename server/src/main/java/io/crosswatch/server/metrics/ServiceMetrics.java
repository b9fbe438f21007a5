package io.crosswatch.server.metrics;

import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.OpCounts;
import io.crosswatch.core.run.PairSummary;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.server.runs.RunObserver;
import io.crosswatch.server.runs.RunStart;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Prometheus metrics (Micrometer): runs by trigger and exit code, run duration, last
 * run time, items applied and unresolved, provider up and requests, next scheduled run.
 */
public final class ServiceMetrics implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer duration;
  private final AtomicLong lastRun = new AtomicLong();
  private final Map<String, AtomicLong> unresolved = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> providerUp = new ConcurrentHashMap<>();
  private volatile CommandLineRuns commandLineRuns;

  /**
   * @param nextRunAt when the next scheduled run comes, if any
   */
  public ServiceMetrics(Supplier<Optional<Instant>> nextRunAt) {
    duration =
        Timer.builder("crosswatch_run_duration")
            .description("How long runs of the service take")
            .register(registry);
    Gauge.builder("crosswatch_last_run_timestamp_seconds", lastRun, AtomicLong::get)
        .description("When the last run of the service finished (Unix seconds)")
        .register(registry);
    Gauge.builder(
            "crosswatch_next_run_timestamp_seconds",
            () -> nextRunAt.get().map(Instant::getEpochSecond).orElse(0L))
        .description("When the next scheduled run starts (Unix seconds; 0 when none)")
        .register(registry);
  }

  @Override
  public void event(String runId, String event, Map<String, ?> fields) {
    if ("health".equals(event) && fields.get("provider") instanceof String provider) {
      up(provider, "ok".equals(fields.get("status")) || "degraded".equals(fields.get("status")));
    }
  }

  /** Records a provider's health (from a run or a health check). */
  public void health(String provider, HealthReport report) {
    up(provider, report.usable());
  }

  private void up(String provider, boolean isUp) {
    providerUp
        .computeIfAbsent(
            provider,
            p -> {
              AtomicLong v = new AtomicLong();
              Gauge.builder("crosswatch_provider_up", v, AtomicLong::get)
                  .description("1 when the provider answered its last health check, else 0")
                  .tag("provider", p)
                  .register(registry);
              return v;
            })
        .set(isUp ? 1 : 0);
  }

  @Override
  public void finished(String runId, RunStart start, RunSummary s) {
    countRun(start.trigger(), s.exitCode());
    duration.record(Duration.ofMillis(s.durationMs()));
    lastRun.set(s.finishedAt().getEpochSecond());
    for (PairSummary pair : s.pairs()) {
      for (FeatureSummary f : pair.features()) {
        applied(pair.id(), f.feature(), "source", f.applied().source());
        applied(pair.id(), f.feature(), "target", f.applied().target());
        unresolved
            .computeIfAbsent(
                pair.id() + "\u0000" + f.feature(),
                k -> {
                  AtomicLong v = new AtomicLong();
                  Gauge.builder("crosswatch_items_unresolved", v, AtomicLong::get)
                      .description("Items left unresolved by the last run, per pair and feature")
                      .tag("pair", pair.id())
                      .tag("feature", f.feature())
                      .register(registry);
                  return v;
                })
            .set(f.unresolved());
      }
    }
    s.api().forEach(this::requests);
  }

  private void countRun(String trigger, int exitCode) {
    Counter.builder("crosswatch_runs")
        .description("Runs by trigger (cli: cw run next to the service) and exit code")
        .tag("trigger", trigger)
        .tag("exit_code", Integer.toString(exitCode))
        .register(registry)
        .increment();
  }

  /**
   * Counts the command line's runs too: those {@code runs} finds are added to {@code
   * crosswatch_runs} with trigger {@code cli} whenever the metrics are scraped.
   */
  public void countCommandLineRuns(CommandLineRuns runs) {
    this.commandLineRuns = runs;
  }

  private void applied(String pair, String feature, String side, OpCounts counts) {
    count(pair, feature, side, "add", counts.add());
    count(pair, feature, side, "remove", counts.remove());
    count(pair, feature, side, "update", counts.update());
  }

  private void count(String pair, String feature, String side, String op, long n) {
    Counter.builder("crosswatch_items_applied")
        .description("Items written to providers, per pair, feature, side and operation")
        .tag("pair", pair)
        .tag("feature", feature)
        .tag("side", side)
        .tag("op", op)
        .register(registry)
        .increment(n);
  }

  private void requests(String provider, ApiUsage usage) {
    long rateLimited = usage.rateLimited();
    long retries = usage.retries();
    long ok = Math.max(0, usage.requests() - retries - rateLimited);
    request(provider, "ok", ok);
    request(provider, "retried", retries);
    request(provider, "rate_limited", rateLimited);
  }

  private void request(String provider, String status, long n) {
    Counter.builder("crosswatch_provider_requests")
        .description("HTTP requests to providers during runs, by outcome")
        .tag("provider", provider)
        .tag("status", status)
        .register(registry)
        .increment(n);
  }

  /** The metrics in Prometheus text format. */
  public String scrape() {
    CommandLineRuns cli = commandLineRuns;
    if (cli != null) {
      try {
        cli.newlyFinished().forEach(r -> countRun(r.trigger(), r.exitCode()));
      } catch (RuntimeException e) {
        LOG.warn("command-line runs are not counted this time: {}", e.getMessage());
      }
    }
    return registry.scrape();
  }
}
