package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.trakt.TraktDeviceAuth;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code cw auth}: authorizes crosswatch with a service and saves the tokens in the state dir. */
@Command(
    name = "auth",
    description = "Authorizes crosswatch with a service; tokens go to <state_dir>/secrets.",
    subcommands = AuthCommand.Trakt.class)
final class AuthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** How the device flows wait between polls; tests put a fake here. */
  Sleeper sleeper = Sleeper.SYSTEM;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: trakt");
  }

  /** {@code cw auth trakt}: Trakt's device flow for one instance. */
  @Command(
      name = "trakt",
      description = {
        "Authorizes a Trakt account with a code entered on trakt.tv.",
        "Needs client_id and client_secret in the trakt block (or trakt.instances.NAME)."
      })
  static final class Trakt implements Callable<Integer> {
    private final CliContext ctx;
    @ParentCommand AuthCommand parent;
    @Mixin StateOptions options;

    @Option(
        names = "--instance",
        paramLabel = "NAME",
        description = "Trakt instance (default: default).")
    String instance = "default";

    Trakt(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Config config = Configs.load(ctx, Configs.configPath(ctx, options.config)).config();
      String path = "default".equals(instance) ? "trakt" : "trakt.instances." + instance;
      JsonNode settings = config.instanceSettings("TRAKT", instance).orElse(null);
      if (settings == null && !"default".equals(instance)) {
        throw CommandFailure.usage(
            path + ": not configured; add it with client_id and " + "client_secret");
      }
      List<String> problems = TraktDeviceAuth.problems(settings, path);
      if (!problems.isEmpty()) {
        throw CommandFailure.usage(String.join("\n", problems));
      }
      Path stateDir =
          Configs.createStateDir(Configs.stateDir(ctx, options.stateDir, config.runtime()));
      TraktDeviceAuth auth =
          new TraktDeviceAuth(
              settings,
              instance,
              stateDir,
              ctx.clock(),
              Objects.requireNonNull(parent.sleeper, "sleeper"),
              ctx.out()::println);
      try {
        TraktDeviceAuth.Result result = auth.authorize();
        ctx.out()
            .println(
                "Authorized"
                    + result.username().map(u -> " as " + u).orElse("")
                    + "; tokens saved to "
                    + result.tokenFile()
                    + " (refreshed automatically; the access token expires at "
                    + result.expiresAt()
                    + ").");
        return ExitCodes.OK;
      } catch (ProviderException e) {
        throw CommandFailure.failed(e.getMessage());
      }
    }
  }
}
