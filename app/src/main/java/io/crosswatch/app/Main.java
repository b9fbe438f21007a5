package io.crosswatch.app;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import picocli.CommandLine;

/** The {@code cw} command line: parses arguments, runs one command and returns its exit code. */
public final class Main {
  private final CliContext ctx;

  /**
   * A command line writing to the given streams, reading the given environment and clock, and using
   * the providers found on the class path.
   */
  public Main(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    this(out, err, env, clock, new SplittableRandom(), ProviderRegistry::load, false);
  }

  Main(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Clock clock,
      RandomGenerator random,
      Supplier<ProviderRegistry> registry,
      boolean interactive) {
    this(out, err, env, clock, random, registry, interactive, System.in, PasswordPrompt.system());
  }

  Main(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Clock clock,
      RandomGenerator random,
      Supplier<ProviderRegistry> registry,
      boolean interactive,
      InputStream in,
      PasswordPrompt passwordPrompt) {
    this.ctx =
        new CliContext(out, err, env, clock, random, registry, interactive, in, passwordPrompt);
  }

  /** Runs {@code cw} with real streams, environment and clock, and exits with its code. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Map<String, String> env = System.getenv();
    boolean interactive = System.console() != null && !env.containsKey("CI");
    Main main =
        new Main(
            out,
            err,
            env,
            Clock.systemUTC(),
            new SplittableRandom(),
            ProviderRegistry::load,
            interactive);
    int code = main.execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command.
   *
   * @return the exit code: 0 ok, 1 failed, 2 invalid config or usage, 3 unresolved or blocked
   */
  public int execute(String... args) {
    CommandLine cli = commandLine();
    int code = cli.execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  CommandLine commandLine() {
    CommandLine cli = new CommandLine(CwCommand.class, new ContextFactory(ctx));
    AuthCommand.addProviderCommands(cli, ctx);
    cli.setOut(new PrintWriter(ctx.out(), true));
    cli.setErr(new PrintWriter(ctx.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command.getErr()));
    return cli;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("cw: " + message(e));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The parse error in the user's terms; an unknown word where a command belongs says so. */
  private static String message(CommandLine.ParameterException e) {
    CommandLine command = e.getCommandLine();
    if (e instanceof CommandLine.UnmatchedArgumentException u
        && !command.getSubcommands().isEmpty()
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '"
          + u.getUnmatched().get(0)
          + "'; commands: "
          + String.join(", ", command.getSubcommands().keySet());
    }
    return e.getMessage();
  }

  private int failure(Exception e, PrintWriter err) {
    if (e instanceof CommandFailure f) {
      err.println(f.getMessage());
      err.flush();
      return f.exitCode();
    }
    err.println("error: " + Errors.oneLine(e));
    if (ctx.debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILED;
  }
}
