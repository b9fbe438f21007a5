package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.providers.export.ExportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code cw export}: writes one feature of a provider in a format other tools import. */
@Command(
    name = "export",
    description = {
      "Writes what a provider holds for one feature in a format other tools import:",
      "imdb (IMDb list CSV), letterboxd (Letterboxd CSV), csv (every field), json (a FILE document)."
    })
final class ExportCommand implements Callable<Integer> {
  private static final int SHOWN_SKIPS = 20;
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  Path stateDir;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "PROVIDER[:INSTANCE]",
      description = "The provider instance to read, e.g. TRAKT or FILE:backup.")
  String from;

  @Option(
      names = "--feature",
      required = true,
      paramLabel = "FEATURE",
      converter = FeatureConverter.class,
      description = "watchlist, history or ratings.")
  Feature feature;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "imdb, letterboxd, csv or json.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
  Path out;

  ExportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    ExportWriter.unsupported(fmt, feature)
        .ifPresent(
            why -> {
              throw CommandFailure.usage(
                  "--format " + format + " --feature " + feature.key() + ": " + why);
            });
    Config cfg = Configs.load(ctx, Configs.configPath(ctx, config)).config();
    String[] parts = from.split(":", 2);
    String name = parts[0].toUpperCase(Locale.ROOT);
    String instance = parts.length > 1 ? parts[1] : "default";
    ProviderFactory factory =
        ctx.registry()
            .factory(name)
            .orElseThrow(
                () ->
                    CommandFailure.usage(
                        "--from "
                            + from
                            + ": unknown provider (known: "
                            + String.join(", ", ctx.registry().names())
                            + ")"));
    if (cfg.instanceSettings(name, instance).isEmpty()
        && !(instance.equals("default")
            && factory.validate(JsonNodeFactory.instance.objectNode(), name).stream()
                .noneMatch(i -> i.isError()))) {
      throw CommandFailure.usage(
          "--from " + from + ": " + Config.instancePath(factory, instance) + " is not configured");
    }
    Path dir = Configs.createStateDir(Configs.stateDir(ctx, stateDir, cfg.runtime()));
    try (Provider provider = factory.create(context(cfg, name, instance, dir))) {
      HealthReport health = provider.health();
      if (health.status() != HealthReport.Status.OK
          && health.status() != HealthReport.Status.DEGRADED) {
        throw CommandFailure.failed(provider.label() + " is not usable: " + health.message());
      }
      if (!provider.features().contains(feature)) {
        throw CommandFailure.usage(provider.label() + " does not hold " + feature.key());
      }
      List<Item> items = provider.snapshot(feature);
      ExportWriter.Result[] result = new ExportWriter.Result[1];
      AtomicFiles.write(
          out, stream -> result[0] = ExportWriter.write(fmt, feature, items, stream), null);
      List<String> skipped = result[0].skipped();
      for (String why : skipped.subList(0, Math.min(SHOWN_SKIPS, skipped.size()))) {
        ctx.err().println("warning: not exported: " + why);
      }
      if (skipped.size() > SHOWN_SKIPS) {
        ctx.err()
            .println("warning: " + (skipped.size() - SHOWN_SKIPS) + " more items not exported");
      }
      ctx.out()
          .println(
              "Exported "
                  + Texts.plural(result[0].written(), "item")
                  + " of "
                  + provider.label()
                  + " "
                  + feature.key()
                  + " to "
                  + out
                  + " ("
                  + fmt
                  + ").");
      return skipped.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    } catch (ProviderException e) {
      throw CommandFailure.failed(
          "cannot read " + from + " " + feature.key() + ": " + e.getMessage());
    } catch (IOException e) {
      throw CommandFailure.failed("cannot write " + out + ": " + Errors.oneLine(e));
    }
  }

  private ProviderContext context(Config cfg, String name, String instance, Path dir) {
    return cfg.providerContext(
        ctx.registry().factory(name).orElseThrow(),
        instance,
        dir,
        ctx.clock(),
        new DiagnosticLog() {
          @Override
          public void debug(String message) {
            if (ctx.debug()) {
              ctx.err().println(message);
            }
          }

          @Override
          public void warn(String message) {
            ctx.err().println("warning: " + message);
          }
        },
        Sleeper.SYSTEM,
        new SplittableRandom());
  }
}
