package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderCommand;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A command a provider declares, built as a picocli command from its declaration plus {@code
 * --instance}, {@code --config} and {@code --state-dir}: {@code cw auth <name>} for a {@link
 * SignIn}, {@code cw <name> <command>} for a {@link ProviderCommand}. A usage problem is exit 2; a
 * service's refusal or a file that cannot be written is exit 1.
 */
final class ProviderCommandLine implements Callable<Integer> {
  private static final String INSTANCE = "--instance";

  private final CliContext ctx;
  private final String provider;
  private final Flow flow;
  private final Supplier<Sleeper> sleeper;
  private final StateOptions options = new StateOptions();
  private CommandSpec spec;

  /** How one kind of command reads the config and runs. */
  private interface Flow {
    void run(ProviderCommandLine command, Session session)
        throws ProviderException, CommandException;
  }

  private ProviderCommandLine(
      CliContext ctx, String provider, Flow flow, Supplier<Sleeper> sleeper) {
    this.ctx = ctx;
    this.provider = provider;
    this.flow = flow;
    this.sleeper = sleeper;
  }

  /**
   * {@code cw auth <provider>}: checks the options, reads the config (a missing one is exit 2), and
   * signs in; a missing block of a named instance (or of any instance, when the sign-in requires
   * one) is exit 2 naming what to add.
   */
  static CommandLine signIn(
      CliContext ctx, String provider, SignIn signIn, Supplier<Sleeper> sleeper) {
    Flow flow =
        (command, session) -> {
          signIn.checkOptions(session);
          Config config = command.options.loadConfig(ctx);
          JsonNode found = config.instanceSettings(provider, session.instance).orElse(null);
          if (found == null && (signIn.blockRequired() || !session.isDefault())) {
            String needs = signIn.needs();
            throw CommandException.usage(
                session.configPath()
                    + ": not configured; add it"
                    + (needs.isEmpty() ? "" : " with " + needs));
          }
          session.configure(Optional.of(config), found);
          signIn.run(session);
        };
    ProviderCommandLine command = new ProviderCommandLine(ctx, provider, flow, sleeper);
    return command.build(provider.toLowerCase(Locale.ROOT), signIn.description(), signIn.options());
  }

  /**
   * {@code cw <provider> <command>}: reads the config when there is one; a named instance the
   * config lacks is exit 2.
   */
  static CommandLine command(CliContext ctx, String provider, ProviderCommand declared) {
    Flow flow =
        (command, session) -> {
          Optional<Config> config =
              Configs.loadIfPresent(ctx, command.options.config).map(LoadedConfig::config);
          Optional<JsonNode> found =
              config.flatMap(c -> c.instanceSettings(provider, session.instance));
          if (config.isPresent() && found.isEmpty() && !session.isDefault()) {
            throw CommandException.usage(
                session.configPath()
                    + ": not configured; add it to the config or pick a configured --instance");
          }
          session.configure(config, found.orElse(null));
          declared.run(session);
        };
    ProviderCommandLine command =
        new ProviderCommandLine(ctx, provider, flow, () -> Sleeper.SYSTEM);
    return command.build(declared.name(), declared.description(), declared.options());
  }

  private CommandLine build(String name, List<String> description, List<CommandOption> extra) {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(name);
    spec.usageMessage().description(description.toArray(String[]::new));
    spec.addOption(
        OptionSpec.builder(INSTANCE)
            .paramLabel("NAME")
            .type(String.class)
            .defaultValue("default")
            .description(
                "Instance of the "
                    + provider.toLowerCase(Locale.ROOT)
                    + " block (default: default).")
            .build());
    for (CommandOption option : extra) {
      OptionSpec.Builder b =
          OptionSpec.builder(option.name())
              .description(option.description())
              .required(option.required());
      if (option.isFlag()) {
        b.type(boolean.class).arity("0");
      } else {
        b.type(String.class).paramLabel(option.paramLabel());
      }
      spec.addOption(b.build());
    }
    spec.addMixin("options", CommandSpec.forAnnotatedObject(options));
    return new CommandLine(spec);
  }

  @Override
  public Integer call() {
    try {
      flow.run(this, new Session(spec.findOption(INSTANCE).getValue()));
      return ExitCodes.OK;
    } catch (CommandException e) {
      throw e.isUsage()
          ? CommandFailure.usage(e.getMessage())
          : CommandFailure.failed(e.getMessage());
    } catch (ProviderException e) {
      throw CommandFailure.failed(e.getMessage());
    }
  }

  /** What the provider's command sees: options, the instance's settings, time and I/O. */
  private final class Session implements CommandSession {
    private final String instance;
    private Optional<Config> config = Optional.empty();
    private JsonNode settings;
    private Path stateDir;

    Session(String instance) {
      this.instance = instance;
    }

    boolean isDefault() {
      return "default".equals(instance);
    }

    /** The config (if any) and the instance's settings ({@code null}: none, use {@code {}}). */
    void configure(Optional<Config> loaded, JsonNode found) {
      config = loaded;
      settings = found == null ? JsonNodeFactory.instance.objectNode() : found;
    }

    @Override
    public String instance() {
      return instance;
    }

    @Override
    public String configPath() {
      return Config.instancePath(ctx.registry().factory(provider).orElseThrow(), instance);
    }

    @Override
    public JsonNode settings() {
      return Objects.requireNonNull(settings, "settings are read after the options are checked");
    }

    @Override
    public Path configDir() {
      return config.map(Config::directory).orElse(Path.of("").toAbsolutePath());
    }

    @Override
    public boolean flag(String name) {
      Boolean value = spec.findOption(name).getValue();
      return Boolean.TRUE.equals(value);
    }

    @Override
    public Optional<String> option(String name) {
      return Optional.ofNullable(spec.findOption(name).getValue());
    }

    @Override
    public Path stateDir() {
      if (stateDir == null) {
        stateDir = Configs.createStateDir(stateDirLocation());
      }
      return stateDir;
    }

    @Override
    public Path stateDirLocation() {
      RuntimeSettings runtime = config.map(Config::runtime).orElse(RuntimeSettings.DEFAULTS);
      return Configs.stateDir(ctx, options.stateDir, runtime);
    }

    @Override
    public Clock clock() {
      return ctx.clock();
    }

    @Override
    public Sleeper sleeper() {
      return Objects.requireNonNull(sleeper.get(), "sleeper");
    }

    @Override
    public void println(String line) {
      ctx.out().println(line);
    }

    @Override
    public String stdinLine() throws IOException {
      return new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
    }

    @Override
    public boolean hasTerminal() {
      return ctx.passwordPrompt() != null;
    }

    @Override
    public char[] readSecret(String prompt) {
      return ctx.passwordPrompt().read(prompt);
    }
  }
}
