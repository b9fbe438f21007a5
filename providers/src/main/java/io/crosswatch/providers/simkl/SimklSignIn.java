package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.providers.auth.SignIns;
import java.util.List;

/** {@code cw auth simkl}: SIMKL's PIN flow for one instance. */
final class SimklSignIn implements SignIn {

  @Override
  public List<String> description() {
    return List.of(
        "Authorizes a SIMKL account with a code entered on simkl.com.",
        "Needs client_id in the simkl block (or simkl.instances.NAME).");
  }

  @Override
  public void run(CommandSession session) throws ProviderException, CommandException {
    SimklSettings settings = SimklSettings.from(session.settings());
    SignIns.requireNone(SimklPinAuth.problems(settings, session.configPath()));
    SimklPinAuth auth =
        new SimklPinAuth(
            settings,
            session.instance(),
            session.stateDir(),
            session.clock(),
            session.sleeper(),
            session::println);
    SimklPinAuth.Result result = auth.authorize();
    session.println(
        "Authorized"
            + result.username().map(u -> " as " + u).orElse("")
            + "; token saved to "
            + result.tokenFile()
            + " (SIMKL tokens do not expire).");
  }
}
