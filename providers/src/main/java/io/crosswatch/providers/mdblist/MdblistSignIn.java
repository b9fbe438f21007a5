package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import java.io.IOException;
import java.util.List;

/** {@code cw auth mdblist --api-key-stdin}: checks an MDBList api key and saves it. */
final class MdblistSignIn implements SignIn {
  private static final String API_KEY_STDIN = "--api-key-stdin";

  @Override
  public List<String> description() {
    return List.of(
        "Checks an MDBList api key (read from stdin) and saves it in the state dir.",
        "Example: cw auth mdblist --api-key-stdin < key.txt");
  }

  @Override
  public List<CommandOption> options() {
    return List.of(
        CommandOption.flag(
            API_KEY_STDIN, "Read the api key from the first line of stdin (required)."));
  }

  @Override
  public void checkOptions(CommandSession session) throws CommandException {
    if (!session.flag(API_KEY_STDIN)) {
      throw CommandException.usage(
          "cw auth mdblist: pass the api key on stdin with --api-key-stdin"
              + " (a key on the command line would show in the shell history)");
    }
  }

  @Override
  public void run(CommandSession session) throws ProviderException, CommandException {
    MdblistSettings settings = MdblistSettings.from(session.settings());
    String key = readKey(session);
    if (key.isEmpty()) {
      throw CommandException.usage("cw auth mdblist: no api key on stdin");
    }
    MdblistKeyCheck check =
        new MdblistKeyCheck(settings, session.instance(), session.stateDir(), session.clock());
    MdblistKeyCheck.Result result = check.check(key);
    session.println(
        "The api key works"
            + result.username().map(u -> " (user " + u + ")").orElse("")
            + result.quotaLeft().map(q -> "; requests left today: " + q).orElse("")
            + "; saved to "
            + result.keyFile()
            + ".");
  }

  private static String readKey(CommandSession session) throws CommandException {
    try {
      String line = session.stdinLine();
      return line == null ? "" : line.strip();
    } catch (IOException e) {
      throw CommandException.failed("cw auth mdblist: cannot read stdin (" + e.getMessage() + ")");
    }
  }
}
