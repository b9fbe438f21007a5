package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.providers.auth.SignIns;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code cw auth plex}: Plex's PIN sign-in for one instance. */
final class PlexSignIn implements SignIn {
  /** How often plex.tv is asked whether the PIN was approved. */
  static final Duration POLL = Duration.ofSeconds(2);

  /** How long a sign-in waits when plex.tv does not say when the PIN expires. */
  static final Duration WAIT = Duration.ofMinutes(15);

  private static final String PLEX = "PLEX";

  @Override
  public List<String> description() {
    return List.of(
        "Signs in to Plex with a PIN approved at app.plex.tv.",
        "Saves the account token and this device's client id to <state_dir>/secrets.");
  }

  @Override
  public String needs() {
    return "server_url";
  }

  @Override
  public void run(CommandSession session) throws ProviderException, CommandException {
    try {
      signIn(session);
    } catch (TokenStoreException e) {
      throw SignIns.failed(e);
    }
  }

  private void signIn(CommandSession session) throws ProviderException, TokenStoreException {
    PlexSettings settings = PlexSettings.from(session.settings());
    String instance = session.instance();
    TokenStore store = new TokenStore(session.stateDir());
    String clientId = clientId(settings, store, instance);
    PlexPinLogin login =
        PlexPinLogin.create(settings.plexTvUrl(), clientId, session.clock(), session.sleeper());
    PlexPinLogin.Pin pin = login.start();
    Duration wait =
        pin.expiresAt() == null
            ? WAIT
            : Duration.between(session.clock().instant(), pin.expiresAt());
    session.println("Open " + pin.authUrl());
    session.println(
        "and sign in to approve crosswatch; waiting up to "
            + Math.max(1, wait.toMinutes())
            + " minutes...");
    String token = login.await(pin, POLL, wait);
    store.save(
        PLEX,
        instance,
        new Tokens(token, "", 0, Map.of(PlexProviderFactory.CLIENT_ID_KEY, clientId)));
    session.println(
        "Signed in; the account token is saved to "
            + store.file(PLEX, instance)
            + " and used instead of plex.account_token.");
  }

  /** The config's client id, else the one of an earlier sign-in, else a new one. */
  private static String clientId(PlexSettings settings, TokenStore store, String instance)
      throws TokenStoreException {
    if (!settings.clientId().isEmpty()) {
      return settings.clientId();
    }
    return store
        .load(PLEX, instance)
        .map(t -> t.extras().getOrDefault(PlexProviderFactory.CLIENT_ID_KEY, ""))
        .filter(id -> !id.isBlank())
        .orElseGet(PlexPinLogin::newClientId);
  }
}
