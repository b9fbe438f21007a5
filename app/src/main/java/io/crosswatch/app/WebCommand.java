package io.crosswatch.app;

import io.crosswatch.server.auth.WebSecrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cw web}: the logins of {@code cw serve} (password and API tokens) and its webhook URLs.
 */
@Command(
    name = "web",
    description =
        "Manages the logins of cw serve (the password and API tokens) and its webhook URLs.",
    subcommands = {WebCommand.Passwd.class, WebCommand.Token.class, WebhooksCommand.class})
final class WebCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: passwd, token or webhooks");
  }

  private static WebSecrets secrets(CliContext ctx, StateOptions options) {
    return new WebSecrets(Configs.createStateDir(StateAccess.of(ctx, options).dir()));
  }

  /** {@code cw web passwd}: sets the user and password of the web pages. */
  @Command(name = "passwd", description = "Sets the web login (stored as a salted PBKDF2 hash).")
  static final class Passwd implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin StateOptions options;

    @Option(names = "--user", paramLabel = "NAME", description = "User name (default: admin).")
    String user = WebSecrets.DEFAULT_USER;

    @Option(
        names = "--password-stdin",
        required = true,
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    Passwd(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (!user.matches("[A-Za-z0-9._@-]{1,64}")) {
        throw CommandFailure.usage("--user must be 1-64 letters, digits, '.', '_', '@' or '-'");
      }
      String line;
      try {
        line =
            new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
      } catch (IOException e) {
        throw CommandFailure.failed("cannot read the password from standard input");
      }
      if (line == null || line.isEmpty()) {
        throw CommandFailure.usage("no password given on standard input");
      }
      char[] password = line.toCharArray();
      try {
        WebSecrets secrets = secrets(ctx, options);
        secrets.setPassword(user, password);
        ctx.out().println("Web login set for user " + user + " (" + secrets.file() + ").");
        return ExitCodes.OK;
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** {@code cw web token}: API tokens for scripts and Prometheus. */
  @Command(
      name = "token",
      description = "Creates, lists and revokes API tokens.",
      subcommands = {Token.Create.class, Token.ListTokens.class, Token.Revoke.class})
  static final class Token implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "missing subcommand: create, list or revoke");
    }

    /** {@code cw web token create NAME}. */
    @Command(name = "create", description = "Prints a new API token once; only its hash is kept.")
    static final class Create implements Callable<Integer> {
      private final CliContext ctx;

      @Mixin StateOptions options;

      @Parameters(paramLabel = "NAME", description = "A name to know the token by.")
      String name;

      Create(CliContext ctx) {
        this.ctx = ctx;
      }

      @Override
      public Integer call() {
        String token;
        try {
          token = secrets(ctx, options).createToken(name, ctx.clock().instant());
        } catch (IllegalArgumentException e) {
          throw CommandFailure.usage(e.getMessage());
        }
        ctx.out().println(token);
        ctx.err()
            .println(
                "Token "
                    + name
                    + " created. It is shown only now; send it as Authorization: Bearer <token>.");
        return ExitCodes.OK;
      }
    }

    /** {@code cw web token list}. */
    @Command(name = "list", description = "Lists the API tokens by name (never the tokens).")
    static final class ListTokens implements Callable<Integer> {
      private final CliContext ctx;

      @Mixin StateOptions options;

      ListTokens(CliContext ctx) {
        this.ctx = ctx;
      }

      @Override
      public Integer call() {
        var tokens = secrets(ctx, options).tokens();
        if (tokens.isEmpty()) {
          ctx.out().println("No API tokens.");
          return ExitCodes.OK;
        }
        Table table = new Table("NAME", "CREATED");
        tokens.forEach(t -> table.row(t.name(), t.createdAt()));
        table.print(ctx.out(), "");
        return ExitCodes.OK;
      }
    }

    /** {@code cw web token revoke NAME}. */
    @Command(name = "revoke", description = "Revokes an API token.")
    static final class Revoke implements Callable<Integer> {
      private final CliContext ctx;

      @Mixin StateOptions options;

      @Parameters(paramLabel = "NAME", description = "The token's name.")
      String name;

      Revoke(CliContext ctx) {
        this.ctx = ctx;
      }

      @Override
      public Integer call() {
        if (!secrets(ctx, options).revokeToken(name)) {
          throw CommandFailure.failed("no API token named " + name + "; see cw web token list");
        }
        ctx.out().println("Token " + name + " revoked.");
        return ExitCodes.OK;
      }
    }
  }
}
