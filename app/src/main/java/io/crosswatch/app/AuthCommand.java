package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.mdblist.MdblistKeyCheck;
import io.crosswatch.providers.simkl.SimklPinAuth;
import io.crosswatch.providers.trakt.TraktDeviceAuth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code cw auth}: authorizes crosswatch with a service and saves the tokens in the state dir. */
@Command(
    name = "auth",
    description = "Authorizes crosswatch with a service; tokens go to <state_dir>/secrets.",
    subcommands = {AuthCommand.Trakt.class, AuthCommand.Simkl.class, AuthCommand.Mdblist.class})
final class AuthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** How the device flows wait between polls; tests put a fake here. */
  Sleeper sleeper = Sleeper.SYSTEM;

  /** Where {@code --api-key-stdin} reads from; tests put their own stream here. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: trakt, simkl or mdblist");
  }

  /** The settings of one instance of a provider, or a usage failure naming what is missing. */
  private static JsonNode instanceSettings(Config config, String provider, String instance) {
    String block = provider.toLowerCase(Locale.ROOT);
    JsonNode settings = config.instanceSettings(provider, instance).orElse(null);
    if (settings == null && !"default".equals(instance)) {
      throw CommandFailure.usage(block + ".instances." + instance + ": not configured; add it");
    }
    return settings;
  }

  private static String blockPath(String provider, String instance) {
    String block = provider.toLowerCase(Locale.ROOT);
    return "default".equals(instance) ? block : block + ".instances." + instance;
  }

  /** {@code cw auth simkl}: SIMKL's PIN flow for one instance. */
  @Command(
      name = "simkl",
      description = {
        "Authorizes a SIMKL account with a code entered on simkl.com.",
        "Needs client_id in the simkl block (or simkl.instances.NAME)."
      })
  static final class Simkl implements Callable<Integer> {
    private final CliContext ctx;
    @ParentCommand AuthCommand parent;
    @Mixin StateOptions options;

    @Option(
        names = "--instance",
        paramLabel = "NAME",
        description = "SIMKL instance (default: default).")
    String instance = "default";

    Simkl(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Config config = Configs.load(ctx, Configs.configPath(ctx, options.config)).config();
      JsonNode settings = instanceSettings(config, "SIMKL", instance);
      List<String> problems = SimklPinAuth.problems(settings, blockPath("SIMKL", instance));
      if (!problems.isEmpty()) {
        throw CommandFailure.usage(String.join("\n", problems));
      }
      Path stateDir =
          Configs.createStateDir(Configs.stateDir(ctx, options.stateDir, config.runtime()));
      SimklPinAuth auth =
          new SimklPinAuth(
              settings,
              instance,
              stateDir,
              ctx.clock(),
              Objects.requireNonNull(parent.sleeper, "sleeper"),
              ctx.out()::println);
      try {
        SimklPinAuth.Result result = auth.authorize();
        ctx.out()
            .println(
                "Authorized"
                    + result.username().map(u -> " as " + u).orElse("")
                    + "; token saved to "
                    + result.tokenFile()
                    + " (SIMKL tokens do not expire).");
        return ExitCodes.OK;
      } catch (ProviderException e) {
        throw CommandFailure.failed(e.getMessage());
      }
    }
  }

  /** {@code cw auth mdblist --api-key-stdin}: checks an MDBList api key and saves it. */
  @Command(
      name = "mdblist",
      description = {
        "Checks an MDBList api key (read from stdin) and saves it in the state dir.",
        "Example: cw auth mdblist --api-key-stdin < key.txt"
      })
  static final class Mdblist implements Callable<Integer> {
    private final CliContext ctx;
    @ParentCommand AuthCommand parent;
    @Mixin StateOptions options;

    @Option(
        names = "--instance",
        paramLabel = "NAME",
        description = "MDBList instance (default: default).")
    String instance = "default";

    @Option(
        names = "--api-key-stdin",
        description = "Read the api key from the first line of stdin (required).")
    boolean fromStdin;

    Mdblist(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (!fromStdin) {
        throw CommandFailure.usage(
            "cw auth mdblist: pass the api key on stdin with --api-key-stdin"
                + " (a key on the command line would show in the shell history)");
      }
      Config config = Configs.load(ctx, Configs.configPath(ctx, options.config)).config();
      JsonNode settings = instanceSettings(config, "MDBLIST", instance);
      String key = readKey(Objects.requireNonNull(parent.stdin, "stdin"));
      if (key.isEmpty()) {
        throw CommandFailure.usage("cw auth mdblist: no api key on stdin");
      }
      Path stateDir =
          Configs.createStateDir(Configs.stateDir(ctx, options.stateDir, config.runtime()));
      MdblistKeyCheck check =
          new MdblistKeyCheck(
              settings == null ? JsonNodeFactory.instance.objectNode() : settings,
              instance,
              stateDir,
              ctx.clock());
      try {
        MdblistKeyCheck.Result result = check.check(key);
        ctx.out()
            .println(
                "The api key works"
                    + result.username().map(u -> " (user " + u + ")").orElse("")
                    + result.quotaLeft().map(q -> "; requests left today: " + q).orElse("")
                    + "; saved to "
                    + result.keyFile()
                    + ".");
        return ExitCodes.OK;
      } catch (ProviderException e) {
        throw CommandFailure.failed(e.getMessage());
      }
    }

    private static String readKey(InputStream in) {
      try {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.strip();
      } catch (IOException e) {
        throw CommandFailure.failed("cw auth mdblist: cannot read stdin (" + e.getMessage() + ")");
      }
    }
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
