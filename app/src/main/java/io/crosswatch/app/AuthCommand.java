package io.crosswatch.app;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.mdblist.MdblistKeyCheck;
import io.crosswatch.providers.mediabrowser.EmbyProviderFactory;
import io.crosswatch.providers.mediabrowser.JellyfinProviderFactory;
import io.crosswatch.providers.mediabrowser.MediaBrowserAuthenticator;
import io.crosswatch.providers.plex.PlexPinLogin;
import io.crosswatch.providers.plex.PlexProviderFactory;
import io.crosswatch.providers.simkl.SimklPinAuth;
import io.crosswatch.providers.trakt.TraktDeviceAuth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    subcommands = {
      AuthCommand.Trakt.class,
      AuthCommand.Simkl.class,
      AuthCommand.Mdblist.class,
      AuthCommand.Plex.class,
      AuthCommand.Jellyfin.class,
      AuthCommand.Emby.class
    })
final class AuthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** How the device flows wait between polls; tests put a fake here. */
  Sleeper sleeper = Sleeper.SYSTEM;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: trakt, simkl, mdblist, plex, jellyfin or emby");
  }

  /** Fails with a usage error listing the problems, when there are any. */
  private static void requireNone(List<String> problems) {
    if (!problems.isEmpty()) {
      throw CommandFailure.usage(String.join("\n", problems));
    }
  }

  /**
   * What every {@code cw auth} subcommand shares: the config, the instance, its settings and the
   * state dir; a service's refusal or a token file that cannot be written is exit 1.
   */
  abstract static class InstanceLogin implements Callable<Integer> {
    final CliContext ctx;
    final String provider;
    private final String needs;
    private final boolean blockRequired;
    @ParentCommand AuthCommand parent;
    @Mixin StateOptions options;

    @Option(
        names = "--instance",
        paramLabel = "NAME",
        description = "Instance of the ${COMMAND-NAME} block (default: default).")
    String instance = "default";

    /**
     * @param needs what a missing block must be given, named in the usage error (may be empty)
     * @param blockRequired whether even the default instance needs a block in the config
     */
    InstanceLogin(CliContext ctx, String provider, String needs, boolean blockRequired) {
      this.ctx = ctx;
      this.provider = provider;
      this.needs = needs;
      this.blockRequired = blockRequired;
    }

    /** Authorizes with the service and saves what it returned; returns the exit code. */
    abstract int login(Config config) throws ProviderException, TokenStoreException;

    /** Checks the options before the config is read; a usage error ends the command. */
    void checkOptions() {}

    @Override
    public final Integer call() {
      checkOptions();
      try {
        return login(options.loadConfig(ctx));
      } catch (ProviderException | TokenStoreException e) {
        throw CommandFailure.failed(e.getMessage());
      }
    }

    /** The instance's settings (empty when the default has no block); a missing one is exit 2. */
    JsonNode settings(Config config) {
      JsonNode settings = config.instanceSettings(provider, instance).orElse(null);
      if (settings == null && (blockRequired || !"default".equals(instance))) {
        throw CommandFailure.usage(
            path() + ": not configured; add it" + (needs.isEmpty() ? "" : " with " + needs));
      }
      return settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }

    /** Where the instance's block is in the config, e.g. {@code trakt.instances.work}. */
    String path() {
      return Config.instancePath(provider, instance);
    }

    Path createStateDir(Config config) {
      return options.createStateDir(ctx, config);
    }

    Sleeper sleeper() {
      return Objects.requireNonNull(parent.sleeper, "sleeper");
    }
  }

  /** {@code cw auth simkl}: SIMKL's PIN flow for one instance. */
  @Command(
      name = "simkl",
      description = {
        "Authorizes a SIMKL account with a code entered on simkl.com.",
        "Needs client_id in the simkl block (or simkl.instances.NAME)."
      })
  static final class Simkl extends InstanceLogin {
    Simkl(CliContext ctx) {
      super(ctx, "SIMKL", "", false);
    }

    @Override
    int login(Config config) throws ProviderException {
      JsonNode settings = settings(config);
      requireNone(SimklPinAuth.problems(settings, path()));
      SimklPinAuth auth =
          new SimklPinAuth(
              settings,
              instance,
              createStateDir(config),
              ctx.clock(),
              sleeper(),
              ctx.out()::println);
      SimklPinAuth.Result result = auth.authorize();
      ctx.out()
          .println(
              "Authorized"
                  + result.username().map(u -> " as " + u).orElse("")
                  + "; token saved to "
                  + result.tokenFile()
                  + " (SIMKL tokens do not expire).");
      return ExitCodes.OK;
    }
  }

  /** {@code cw auth mdblist --api-key-stdin}: checks an MDBList api key and saves it. */
  @Command(
      name = "mdblist",
      description = {
        "Checks an MDBList api key (read from stdin) and saves it in the state dir.",
        "Example: cw auth mdblist --api-key-stdin < key.txt"
      })
  static final class Mdblist extends InstanceLogin {
    @Option(
        names = "--api-key-stdin",
        description = "Read the api key from the first line of stdin (required).")
    boolean fromStdin;

    Mdblist(CliContext ctx) {
      super(ctx, "MDBLIST", "", false);
    }

    @Override
    void checkOptions() {
      if (!fromStdin) {
        throw CommandFailure.usage(
            "cw auth mdblist: pass the api key on stdin with --api-key-stdin"
                + " (a key on the command line would show in the shell history)");
      }
    }

    @Override
    int login(Config config) throws ProviderException {
      JsonNode settings = settings(config);
      String key = readKey(ctx.in());
      if (key.isEmpty()) {
        throw CommandFailure.usage("cw auth mdblist: no api key on stdin");
      }
      MdblistKeyCheck check =
          new MdblistKeyCheck(settings, instance, createStateDir(config), ctx.clock());
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
    }

    private static String readKey(InputStream in) {
      try {
        String line = firstLine(in);
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
  static final class Trakt extends InstanceLogin {
    Trakt(CliContext ctx) {
      super(ctx, "TRAKT", "client_id and client_secret", false);
    }

    @Override
    int login(Config config) throws ProviderException {
      JsonNode settings = settings(config);
      requireNone(TraktDeviceAuth.problems(settings, path()));
      TraktDeviceAuth auth =
          new TraktDeviceAuth(
              settings,
              instance,
              createStateDir(config),
              ctx.clock(),
              sleeper(),
              ctx.out()::println);
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
    }
  }

  /** {@code cw auth plex}: Plex's PIN sign-in for one instance. */
  @Command(
      name = "plex",
      description = {
        "Signs in to Plex with a PIN approved at app.plex.tv.",
        "Saves the account token and this device's client id to <state_dir>/secrets."
      })
  static final class Plex extends InstanceLogin {
    /** How often plex.tv is asked whether the PIN was approved. */
    static final Duration POLL = Duration.ofSeconds(2);

    /** How long a sign-in waits when plex.tv does not say when the PIN expires. */
    static final Duration WAIT = Duration.ofMinutes(15);

    Plex(CliContext ctx) {
      super(ctx, "PLEX", "server_url", false);
    }

    @Override
    int login(Config config) throws ProviderException, TokenStoreException {
      JsonNode settings = settings(config);
      TokenStore store = new TokenStore(createStateDir(config));
      String clientId = clientId(settings, store);
      PlexPinLogin login =
          PlexPinLogin.create(
              URI.create(text(settings, "plex_tv_url", "https://plex.tv")),
              clientId,
              ctx.clock(),
              sleeper());
      PlexPinLogin.Pin pin = login.start();
      Duration wait =
          pin.expiresAt() == null ? WAIT : Duration.between(ctx.clock().instant(), pin.expiresAt());
      ctx.out().println("Open " + pin.authUrl());
      ctx.out()
          .println(
              "and sign in to approve crosswatch; waiting up to "
                  + Math.max(1, wait.toMinutes())
                  + " minutes...");
      String token = login.await(pin, POLL, wait);
      store.save(
          "PLEX",
          instance,
          new Tokens(token, "", 0, Map.of(PlexProviderFactory.CLIENT_ID_KEY, clientId)));
      ctx.out()
          .println(
              "Signed in; the account token is saved to "
                  + store.file("PLEX", instance)
                  + " and used instead of plex.account_token.");
      return ExitCodes.OK;
    }

    /** The config's client id, else the one of an earlier sign-in, else a new one. */
    private String clientId(JsonNode settings, TokenStore store) throws TokenStoreException {
      String configured = text(settings, "client_id", "");
      if (!configured.isEmpty()) {
        return configured;
      }
      return store
          .load("PLEX", instance)
          .map(t -> t.extras().getOrDefault(PlexProviderFactory.CLIENT_ID_KEY, ""))
          .filter(id -> !id.isBlank())
          .orElseGet(PlexPinLogin::newClientId);
    }
  }

  /** {@code cw auth jellyfin}: logs a Jellyfin user in with name and password. */
  @Command(
      name = "jellyfin",
      description = {
        "Logs in to a Jellyfin server with a user name and password.",
        "Needs server in the jellyfin block (or jellyfin.instances.NAME); saves the access token"
            + " and user id to <state_dir>/secrets."
      })
  static final class Jellyfin extends ServerLogin {
    Jellyfin(CliContext ctx) {
      super(ctx, "JELLYFIN");
    }

    @Override
    MediaBrowserAuthenticator authenticator(JsonNode settings) {
      return new JellyfinProviderFactory()
          .authenticator(settings, instance, DiagnosticLog.silent(), false);
    }
  }

  /** {@code cw auth emby}: logs an Emby user in with name and password. */
  @Command(
      name = "emby",
      description = {
        "Logs in to an Emby server with a user name and password.",
        "Needs server in the emby block (or emby.instances.NAME); saves the access token and"
            + " user id to <state_dir>/secrets."
      })
  static final class Emby extends ServerLogin {
    Emby(CliContext ctx) {
      super(ctx, "EMBY");
    }

    @Override
    MediaBrowserAuthenticator authenticator(JsonNode settings) {
      return new EmbyProviderFactory()
          .authenticator(settings, instance, DiagnosticLog.silent(), false);
    }
  }

  /** What {@code cw auth jellyfin} and {@code cw auth emby} share. */
  abstract static class ServerLogin extends InstanceLogin {
    @Option(
        names = "--username",
        paramLabel = "USER",
        description = "User name (default: the block's username).")
    String username;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    ServerLogin(CliContext ctx, String provider) {
      super(ctx, provider, "server", true);
    }

    abstract MediaBrowserAuthenticator authenticator(JsonNode settings);

    @Override
    int login(Config config) throws ProviderException, TokenStoreException {
      JsonNode settings = settings(config);
      if (text(settings, "server", "").isBlank()) {
        throw CommandFailure.usage(
            path()
                + ".server is empty; set it to the server's address, e.g. http://localhost:8096");
      }
      String user = username != null ? username.strip() : text(settings, "username", "");
      if (user.isEmpty()) {
        throw CommandFailure.usage("--username is required (or set " + path() + ".username)");
      }
      Path stateDir = createStateDir(config);
      char[] password = password(user);
      try {
        MediaBrowserAuthenticator.Login login =
            authenticator(settings).authenticate(user, new String(password));
        TokenStore store = new TokenStore(stateDir);
        store.save(provider, instance, login.tokens());
        ctx.out()
            .println(
                "Signed in as "
                    + login.userName()
                    + "; the access token and user id are saved to "
                    + store.file(provider, instance)
                    + " and used instead of "
                    + path()
                    + ".access_token and .user_id.");
        return ExitCodes.OK;
      } finally {
        Arrays.fill(password, '\0');
      }
    }

    /** The password: the first line of stdin, or typed at the terminal without echo. */
    private char[] password(String user) {
      String line;
      if (passwordStdin) {
        line = passwordLine(ctx.in());
      } else {
        PasswordPrompt prompt = ctx.passwordPrompt();
        if (prompt == null) {
          throw CommandFailure.usage(
              "no terminal to ask for the password; pipe it in with --password-stdin");
        }
        char[] typed = prompt.read("Password for " + user + ": ");
        line = typed == null ? null : new String(typed);
      }
      if (line == null || line.isEmpty()) {
        throw CommandFailure.usage("no password given");
      }
      return line.toCharArray();
    }

    private static String passwordLine(InputStream in) {
      try {
        return firstLine(in);
      } catch (IOException e) {
        throw CommandFailure.failed("cannot read the password from standard input");
      }
    }
  }

  /** The first line of {@code in} (UTF-8), {@code null} when it is empty. */
  private static String firstLine(InputStream in) throws IOException {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
  }

  static String text(JsonNode settings, String key, String otherwise) {
    JsonNode v = settings.get(key);
    return v != null && v.isString() && !v.stringValue().isBlank()
        ? v.stringValue().strip()
        : otherwise;
  }
}
