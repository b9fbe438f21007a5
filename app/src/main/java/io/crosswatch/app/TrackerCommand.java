package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.providers.tracker.TrackerExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code cw tracker}: works with the local tracker database. */
@Command(
    name = "tracker",
    description = "Works with the local tracker database.",
    subcommands = TrackerCommand.Export.class)
final class TrackerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: export");
  }

  /** {@code cw tracker export --out F}: writes the tracker database as a FILE document. */
  @Command(
      name = "export",
      description = "Writes every feature of the tracker database as a FILE document.")
  static final class Export implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin StateOptions options;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
    Path out;

    @Option(
        names = "--instance",
        paramLabel = "NAME",
        description = "Tracker instance (default: default).")
    String instance = "default";

    Export(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Optional<Config> config =
          Configs.loadIfPresent(ctx, options.config).map(LoadedConfig::config);
      Optional<JsonNode> settings = config.flatMap(c -> c.instanceSettings("TRACKER", instance));
      if (config.isPresent() && settings.isEmpty() && !instance.equals("default")) {
        throw CommandFailure.usage(
            Config.instancePath("TRACKER", instance)
                + ": not configured; add it to the config or pick a configured --instance");
      }
      RuntimeSettings runtime = config.map(Config::runtime).orElse(RuntimeSettings.DEFAULTS);
      Path stateDir = Configs.stateDir(ctx, options.stateDir, runtime);
      Path configDir = config.map(Config::directory).orElse(Path.of("").toAbsolutePath());
      String configured =
          settings
              .map(s -> s.path("path"))
              .filter(JsonNode::isString)
              .map(JsonNode::stringValue)
              .orElse(null);
      Path database = TrackerExport.databasePath(configured, configDir, stateDir);
      if (!Files.exists(database)) {
        throw CommandFailure.failed(
            "no tracker database at " + database + "; run a pair whose target is TRACKER first");
      }
      try {
        int items = TrackerExport.export(database, out);
        ctx.out().println("Exported " + Texts.plural(items, "item") + " to " + out + ".");
        return ExitCodes.OK;
      } catch (IOException e) {
        throw CommandFailure.failed(
            "cannot export " + database + " to " + out + ": " + Errors.oneLine(e));
      }
    }
  }
}
