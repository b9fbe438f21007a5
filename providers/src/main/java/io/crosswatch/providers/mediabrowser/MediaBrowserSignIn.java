package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.providers.auth.SignIns;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code cw auth jellyfin} and {@code cw auth emby}: logs a user in with name and password and
 * saves the access token and user id.
 */
final class MediaBrowserSignIn implements SignIn {
  private static final String USERNAME = "--username";
  private static final String PASSWORD_STDIN = "--password-stdin";

  private final MediaBrowserProviderFactory factory;
  private final Dialect dialect;

  MediaBrowserSignIn(MediaBrowserProviderFactory factory, Dialect dialect) {
    this.factory = factory;
    this.dialect = dialect;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Logs in to " + article() + dialect.product() + " server with a user name and password.",
        "Needs server in the "
            + dialect.blockName()
            + " block (or "
            + dialect.blockName()
            + ".instances.NAME); saves the access token and user id to <state_dir>/secrets.");
  }

  private String article() {
    return dialect == Dialect.EMBY ? "an " : "a ";
  }

  @Override
  public List<CommandOption> options() {
    return List.of(
        CommandOption.value(USERNAME, "USER", "User name (default: the block's username)."),
        CommandOption.flag(
            PASSWORD_STDIN, "Read the password from the first line of standard input."));
  }

  @Override
  public String needs() {
    return "server";
  }

  @Override
  public boolean blockRequired() {
    return true;
  }

  @Override
  public void run(CommandSession session) throws ProviderException, CommandException {
    MediaBrowserSettings settings =
        MediaBrowserProviderFactory.settings(session.settings(), session.instance());
    String path = session.configPath();
    if (!settings.hasServer()) {
      throw CommandException.usage(
          path + ".server is empty; set it to the server's address, e.g. http://localhost:8096");
    }
    String user = session.option(USERNAME).map(String::strip).orElse(settings.username());
    if (user.isEmpty()) {
      throw CommandException.usage("--username is required (or set " + path + ".username)");
    }
    Path stateDir = session.stateDir();
    char[] password = password(session, user);
    try {
      MediaBrowserAuthenticator.Login login =
          factory
              .authenticator(
                  settings, session.instance(), DiagnosticLog.silent(), false, session.sleeper())
              .authenticate(user, new String(password));
      TokenStore store = new TokenStore(stateDir);
      String provider = dialect.providerName();
      store.save(provider, session.instance(), login.tokens());
      session.println(
          "Signed in as "
              + login.userName()
              + "; the access token and user id are saved to "
              + store.file(provider, session.instance())
              + " and used instead of "
              + path
              + ".access_token and .user_id.");
    } catch (TokenStoreException e) {
      throw SignIns.failed(e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The password: the first line of stdin, or typed at the terminal without echo. */
  private static char[] password(CommandSession session, String user) throws CommandException {
    String line;
    if (session.flag(PASSWORD_STDIN)) {
      try {
        line = session.stdinLine();
      } catch (IOException e) {
        throw CommandException.failed("cannot read the password from standard input");
      }
    } else {
      if (!session.hasTerminal()) {
        throw CommandException.usage(
            "no terminal to ask for the password; pipe it in with --password-stdin");
      }
      char[] typed = session.readSecret("Password for " + user + ": ");
      line = typed == null ? null : new String(typed);
    }
    if (line == null || line.isEmpty()) {
      throw CommandException.usage("no password given");
    }
    return line.toCharArray();
  }
}
