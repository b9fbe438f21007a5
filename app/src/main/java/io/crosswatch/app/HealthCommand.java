package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.HealthJson;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.state.UnusedStateStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cw health}: status, latency and features of every provider an enabled pair uses. */
@Command(
    name = "health",
    description = "Checks every provider used by an enabled pair; exit 1 if one is down.")
final class HealthCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin StateOptions options;

  @Option(names = "--json", description = "Print the reports as JSON.")
  boolean json;

  HealthCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Config cfg = options.loadConfig(ctx);
    Path dir = options.createStateDir(ctx, cfg);
    Orchestrator orchestrator =
        RunFlow.orchestrator(
            ctx, cfg, dir, UnusedStateStore.create(), RunEvents.none(), new RunListener() {});
    Map<String, HealthReport> reports;
    try {
      reports = new TreeMap<>(orchestrator.health());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the health check was interrupted", e);
    }
    int code = exitCode(reports);
    if (json) {
      ctx.out().println(toJson(reports, code));
    } else {
      print(reports);
    }
    return code;
  }

  /** 1 when any provider is down or refused auth, else 0. */
  static int exitCode(Map<String, HealthReport> reports) {
    return reports.values().stream().allMatch(HealthReport::usable)
        ? ExitCodes.OK
        : ExitCodes.FAILED;
  }

  private void print(Map<String, HealthReport> reports) {
    if (reports.isEmpty()) {
      ctx.out().println("No provider is used by an enabled pair.");
      return;
    }
    Table table = new Table("PROVIDER", "STATUS", "LATENCY MS", "FEATURES", "MESSAGE");
    reports.forEach(
        (label, r) ->
            table.row(label, status(r), r.latency().toMillis(), features(r), r.message()));
    table.print(ctx.out(), "");
  }

  static String toJson(Map<String, HealthReport> reports, int exitCode) {
    return HealthJson.toJson(reports, exitCode);
  }

  private static String status(HealthReport r) {
    return HealthJson.status(r);
  }

  private static String features(HealthReport r) {
    String list = r.features().stream().sorted().map(Feature::key).collect(Collectors.joining(","));
    return list.isEmpty() ? "-" : list;
  }
}
