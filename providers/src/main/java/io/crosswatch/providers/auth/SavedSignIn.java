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

  /**
   * The access token (or key) saved for the context's provider instance, else {@code configured}. A
   * damaged token file leaves {@code configured} and says why in {@link Lookup#problem}, for the
   * provider to report.
   */
  public static Lookup accessTokenOr(ProviderContext context, String configured) {
    Objects.requireNonNull(context, "context");
    try {
      Tokens tokens =
          new TokenStore(context.stateDir())
              .loadOr(context.name(), context.instance(), Tokens.of(configured, "", 0));
      return new Lookup(tokens.accessToken(), null);
    } catch (TokenStoreException e) {
      return new Lookup(configured, e.getMessage());
    }
  }

  /**
   * What {@link #accessTokenOr} found.
   *
   * @param accessToken the token or key to use
   * @param problem why the saved one could not be read, or {@code null}
   */
  public record Lookup(String accessToken, String problem) {}
}
