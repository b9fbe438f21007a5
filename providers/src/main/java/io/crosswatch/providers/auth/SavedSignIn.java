package io.crosswatch.providers.auth;

import io.crosswatch.core.provider.ProviderContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the sign-in {@code cw auth} saved for a provider instance, which comes before its config.
 */
public final class SavedSignIn {
  private SavedSignIn() {}

  /**
   * The saved tokens of the context's provider instance, when they hold an access token. A damaged
   * token file is warned about (by name) on the context's log and counts as no sign-in.
   *
   * @param label the instance's label for the warning, e.g. {@code PLEX:default}
   * @param configKey the config key used instead, named in the warning
   */
  public static Optional<Tokens> find(ProviderContext context, String label, String configKey) {
    Objects.requireNonNull(context, "context");
    try {
      return new TokenStore(context.stateDir())
          .load(context.name(), context.instance())
          .filter(Tokens::hasAccessToken);
    } catch (TokenStoreException e) {
      context.log().warn(label + ": " + e.getMessage() + "; using the config's " + configKey);
      return Optional.empty();
    }
  }
}
