package io.crosswatch.server.web;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * The sign-ins of {@code cw auth}, started from the providers page: each service's own {@link
 * SignIn} runs in the background with the page's form as its options and standard input, and the
 * lines it prints (the address to open, the code to enter) shown on the page. Tokens go to the
 * state dir, never to a page.
 */
final class SignIns {

  /** One sign-in: the lines it printed, then how it ended. */
  static final class Flow {
    final String id = UUID.randomUUID().toString();
    final String provider;
    final String instance;
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile String outcome = "";
    volatile boolean failed;

    Flow(String provider, String instance) {
      this.provider = provider;
      this.instance = instance;
    }

    boolean done() {
      return !outcome.isEmpty();
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();

  SignIns(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  Optional<Flow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  /**
   * Starts {@code signIn} for one instance in the background.
   *
   * @param form the page's inputs by option name: a value option's value, a flag's secret (what
   *     {@code cw auth} reads from standard input)
   */
  Flow start(
      ProviderFactory factory,
      SignIn signIn,
      String instance,
      JsonNode settings,
      Path configDir,
      Path stateDir,
      Map<String, String> form) {
    Flow flow = new Flow(factory.name(), instance);
    flows.put(flow.id, flow);
    FormSession session =
        new FormSession(
            instance,
            Config.instancePath(factory, instance),
            settings,
            configDir,
            stateDir,
            form,
            flow);
    Thread thread =
        new Thread(
            () -> {
              try {
                signIn.checkOptions(session);
                signIn.run(session);
                flow.outcome =
                    flow.lines.isEmpty() ? "Signed in." : flow.lines.get(flow.lines.size() - 1);
              } catch (CommandException | ProviderException | RuntimeException e) {
                flow.failed = true;
                flow.outcome = String.valueOf(e.getMessage());
              }
            },
            "sign-in-" + factory.name() + "-" + instance);
    thread.setDaemon(true);
    thread.start();
    return flow;
  }

  /** A sign-in's options and standard input taken from the page's form; no terminal. */
  private final class FormSession implements CommandSession {
    private final String instance;
    private final String configPath;
    private final JsonNode settings;
    private final Path configDir;
    private final Path stateDir;
    private final Map<String, String> form;
    private final Flow flow;

    FormSession(
        String instance,
        String configPath,
        JsonNode settings,
        Path configDir,
        Path stateDir,
        Map<String, String> form,
        Flow flow) {
      this.instance = instance;
      this.configPath = configPath;
      this.settings = settings;
      this.configDir = configDir;
      this.stateDir = stateDir;
      this.form = Map.copyOf(form);
      this.flow = flow;
    }

    @Override
    public String instance() {
      return instance;
    }

    @Override
    public String configPath() {
      return configPath;
    }

    @Override
    public JsonNode settings() {
      return settings;
    }

    @Override
    public boolean flag(String name) {
      return !form.getOrDefault(name, "").isEmpty();
    }

    @Override
    public Optional<String> option(String name) {
      return Optional.ofNullable(form.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public Path configDir() {
      return configDir;
    }

    @Override
    public Path stateDirLocation() {
      return stateDir;
    }

    @Override
    public Path stateDir() {
      try {
        return Files.createDirectories(stateDir);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Sleeper sleeper() {
      return sleeper;
    }

    @Override
    public void println(String line) {
      flow.lines.add(line);
    }

    /** The secret typed into the page for the flag that reads standard input. */
    @Override
    public String stdinLine() {
      return form.entrySet().stream()
          .filter(e -> isSecret(e.getKey()) && !e.getValue().isEmpty())
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    @Override
    public boolean hasTerminal() {
      return false;
    }

    @Override
    public char[] readSecret(String prompt) {
      return null;
    }
  }

  /** A flag that makes {@code cw auth} read a secret from standard input. */
  static boolean isSecret(String option) {
    return option.endsWith("-stdin");
  }

  /** Whether the page asks for this option: values, and flags that read a secret. */
  static boolean asked(CommandOption option) {
    return !option.isFlag() || isSecret(option.name());
  }
}
