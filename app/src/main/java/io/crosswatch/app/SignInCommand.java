package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.core.provider.SignInException;
import io.crosswatch.core.provider.SignInOption;
import io.crosswatch.core.provider.SignInSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code cw auth <name>}: one provider's {@link SignIn}, built as a picocli command from what the
 * sign-in declares, plus {@code --instance}, {@code --config} and {@code --state-dir}. A usage
 * problem is exit 2; a service's refusal or a token file that cannot be written is exit 1.
 */
final class SignInCommand implements Callable<Integer> {
  private static final String INSTANCE = "--instance";

  private final CliContext ctx;
  private final AuthCommand parent;
  private final String provider;
  private final SignIn signIn;
  private final StateOptions options = new StateOptions();
  private CommandSpec spec;

  private SignInCommand(CliContext ctx, AuthCommand parent, String provider, SignIn signIn) {
    this.ctx = ctx;
    this.parent = parent;
    this.provider = provider;
    this.signIn = signIn;
  }

  /** The command line of {@code cw auth <lower-case provider name>}. */
  static CommandLine commandLine(
      CliContext ctx, AuthCommand parent, String provider, SignIn signIn) {
    return new CommandLine(spec(ctx, parent, provider, signIn));
  }

  /** The command's model: name, help and options. */
  static CommandSpec spec(CliContext ctx, AuthCommand parent, String provider, SignIn signIn) {
    SignInCommand command = new SignInCommand(ctx, parent, provider, signIn);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(provider.toLowerCase(Locale.ROOT));
    spec.usageMessage().description(signIn.description().toArray(String[]::new));
    spec.addOption(
        OptionSpec.builder(INSTANCE)
            .paramLabel("NAME")
            .type(String.class)
            .defaultValue("default")
            .description("Instance of the ${COMMAND-NAME} block (default: default).")
            .build());
    for (SignInOption option : signIn.options()) {
      OptionSpec.Builder b = OptionSpec.builder(option.name()).description(option.description());
      if (option.isFlag()) {
        b.type(boolean.class).arity("0");
      } else {
        b.type(String.class).paramLabel(option.paramLabel());
      }
      spec.addOption(b.build());
    }
    spec.addMixin("options", CommandSpec.forAnnotatedObject(command.options));
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() {
    Session session = new Session(spec.findOption(INSTANCE).getValue());
    try {
      signIn.checkOptions(session);
      Config config = options.loadConfig(ctx);
      session.configure(config);
      signIn.run(session);
      return ExitCodes.OK;
    } catch (SignInException e) {
      throw e.isUsage()
          ? CommandFailure.usage(e.getMessage())
          : CommandFailure.failed(e.getMessage());
    } catch (ProviderException e) {
      throw CommandFailure.failed(e.getMessage());
    }
  }

  /** What the sign-in sees of this command: options, the instance's settings, time and I/O. */
  private final class Session implements SignInSession {
    private final String instance;
    private Config config;
    private JsonNode settings;
    private Path stateDir;

    Session(String instance) {
      this.instance = instance;
    }

    /** The instance's settings (empty when the default has no block); a missing one is exit 2. */
    void configure(Config loaded) throws SignInException {
      this.config = loaded;
      JsonNode found = loaded.instanceSettings(provider, instance).orElse(null);
      if (found == null && (signIn.blockRequired() || !"default".equals(instance))) {
        String needs = signIn.needs();
        throw SignInException.usage(
            configPath() + ": not configured; add it" + (needs.isEmpty() ? "" : " with " + needs));
      }
      settings = found == null ? JsonNodeFactory.instance.objectNode() : found;
    }

    @Override
    public String instance() {
      return instance;
    }

    @Override
    public String configPath() {
      return Config.instancePath(provider, instance);
    }

    @Override
    public JsonNode settings() {
      return Objects.requireNonNull(settings, "settings are read after the options are checked");
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
        stateDir = options.createStateDir(ctx, config);
      }
      return stateDir;
    }

    @Override
    public Clock clock() {
      return ctx.clock();
    }

    @Override
    public Sleeper sleeper() {
      return Objects.requireNonNull(parent.sleeper, "sleeper");
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
