package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.providers.auth.SignIns;
import java.util.List;

/** {@code cw auth trakt}: Trakt's device flow for one instance. */
final class TraktSignIn implements SignIn {

  @Override
  public List<String> description() {
    return List.of(
        "Authorizes a Trakt account with a code entered on trakt.tv.",
        "Needs client_id and client_secret in the trakt block (or trakt.instances.NAME).");
  }

  @Override
  public String needs() {
    return "client_id and client_secret";
  }

  @Override
  public void run(CommandSession session) throws ProviderException, CommandException {
    TraktSettings settings = TraktSettings.from(session.settings());
    SignIns.requireNone(TraktDeviceAuth.problems(settings, session.configPath()));
    TraktDeviceAuth auth =
        new TraktDeviceAuth(
            settings,
            session.instance(),
            session.stateDir(),
            session.clock(),
            session.sleeper(),
            session::println);
    TraktDeviceAuth.Result result = auth.authorize();
    session.println(
        "Authorized"
            + result.username().map(u -> " as " + u).orElse("")
            + "; tokens saved to "
            + result.tokenFile()
            + " (refreshed automatically; the access token expires at "
            + result.expiresAt()
            + ").");
  }
}
