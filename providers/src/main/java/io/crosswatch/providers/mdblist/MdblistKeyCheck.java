package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks an MDBList api key with {@code GET /user} and saves it in the {@link TokenStore} (as the
 * instance's access token), where the provider reads it before the config block's {@code api_key}.
 * A key MDBList refuses is not saved; the key is never printed.
 */
final class MdblistKeyCheck {
  static final String PROVIDER = "MDBLIST";

  /**
   * What a check produced.
   *
   * @param keyFile where the key was saved
   * @param username the account's name, when MDBList told it
   * @param quotaLeft the day's requests left ({@code remaining/limit}), when MDBList told it
   */
  public record Result(Path keyFile, Optional<String> username, Optional<String> quotaLeft) {}

  private final String instance;
  private final TokenStore store;
  private final HttpApiClient.Builder client;

  /**
   * @param settings the instance's settings ({@code base_url} and {@code timeout} are used; the key
   *     checked is the one given to {@link #check})
   */
  MdblistKeyCheck(MdblistSettings settings, String instance, Path stateDir, Clock clock) {
    MdblistSettings s = Objects.requireNonNull(settings, "settings");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.store = new TokenStore(Objects.requireNonNull(stateDir, "stateDir"));
    this.client =
        MdblistProviderFactory.client(PROVIDER + ":" + instance, s)
            .retry(RetryPolicy.none())
            .clock(Objects.requireNonNull(clock, "clock"))
            .log(DiagnosticLog.silent(), false);
  }

  /**
   * Checks {@code apiKey} and saves it.
   *
   * @throws ProviderException (AUTH) when MDBList refused the key; (UNAVAILABLE) when it could not
   *     be asked; nothing is saved then
   */
  public Result check(String apiKey) throws ProviderException {
    String key = Objects.requireNonNull(apiKey, "apiKey").strip();
    if (key.isEmpty()) {
      throw ProviderException.permanent(Kind.AUTH, PROVIDER + ":" + instance + ": empty api key");
    }
    MdblistApi api = new MdblistApi(client.secrets(List.of(key)).build(), key);
    JsonNode user;
    try {
      user = api.call(ApiRequest.get("/user"));
    } catch (ProviderException e) {
      if (e.kind() == Kind.AUTH) {
        throw ProviderException.permanent(
            Kind.AUTH,
            PROVIDER
                + ":"
                + instance
                + ": MDBList refused the api key; nothing was saved. Copy the key from your"
                + " mdblist.com preferences and try again");
      }
      throw e;
    }
    Optional<String> username =
        user.path("user_name").isString()
            ? Optional.of(user.get("user_name").stringValue())
            : Optional.empty();
    Tokens tokens = Tokens.of(key, "", 0);
    try {
      store.save(
          PROVIDER, instance, username.map(u -> tokens.withExtra("username", u)).orElse(tokens));
    } catch (TokenStoreException e) {
      throw ProviderException.permanent(
          Kind.AUTH, PROVIDER + ":" + instance + ": the key works, but " + e.getMessage());
    }
    return new Result(store.file(PROVIDER, instance), username, api.quota().describe());
  }
}
