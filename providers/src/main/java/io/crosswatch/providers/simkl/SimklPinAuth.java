package io.crosswatch.providers.simkl;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.auth.CodePoll;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.RetryPolicy;
import io.crosswatch.providers.http.ServiceJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Authorizes crosswatch with a SIMKL account through SIMKL's PIN flow and saves the token in the
 * {@link TokenStore}: asks {@code GET /oauth/pin} for a code, tells the user where to enter it, and
 * polls {@code GET /oauth/pin/{user_code}} at the interval SIMKL asked for until it answers {@code
 * {"result": "OK", "access_token": …}} or the code expires. SIMKL tokens do not expire and have no
 * refresh token. Nothing is stored unless SIMKL issued a token; the token is never printed.
 */
final class SimklPinAuth {
  static final String PROVIDER = "SIMKL";

  /**
   * What an authorization produced.
   *
   * @param tokenFile where the token was saved
   * @param username the account's name, when SIMKL told it
   */
  public record Result(Path tokenFile, Optional<String> username) {}

  private final SimklSettings settings;
  private final String instance;
  private final TokenStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<String> out;
  private final SimklApi api;

  /**
   * A PIN flow for one instance.
   *
   * @param settings the instance's settings (see {@link #problems})
   * @param out where the lines for the user go
   */
  SimklPinAuth(
      SimklSettings settings,
      String instance,
      Path stateDir,
      Clock clock,
      Sleeper sleeper,
      Consumer<String> out) {
    // The flow asks for a new token, so a token in the block is not sent along.
    this.settings = Objects.requireNonNull(settings, "settings").withAccessToken("");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.store = new TokenStore(Objects.requireNonNull(stateDir, "stateDir"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.out = Objects.requireNonNull(out, "out");
    this.api =
        new SimklApi(
            SimklProviderFactory.client(PROVIDER + ":" + instance, this.settings)
                .retry(RetryPolicy.none())
                .clock(clock)
                .sleeper(sleeper)
                .log(DiagnosticLog.silent(), false)
                .build(),
            SimklProviderFactory.version());
  }

  /**
   * What the PIN flow lacks in an instance's settings, as {@code path.key: problem} lines; empty
   * when it can start.
   *
   * @param path the JSON path of the instance's block, e.g. {@code simkl.instances.work}
   */
  static List<String> problems(SimklSettings settings, String path) {
    if (settings.clientId().isEmpty()) {
      return List.of(
          path
              + ".client_id: missing; copy it from your SIMKL app at "
              + "https://simkl.com/settings/developer/ into the config");
    }
    return List.of();
  }

  /**
   * Runs the flow to its end.
   *
   * @throws ProviderException when SIMKL refused the client id or the code, the code expired, SIMKL
   *     could not be reached, or the token could not be saved
   */
  public Result authorize() throws ProviderException {
    JsonNode code = requestCode();
    String userCode = text(code, "user_code");
    out.accept("Open " + text(code, "verification_url") + " and enter code " + userCode);
    CodePoll poll = CodePoll.start(PROVIDER, code, 900, clock, sleeper);
    while (true) {
      if (!poll.waitTurn()) {
        throw stop("the code expired before it was entered");
      }
      JsonNode answer;
      try {
        answer = api.call(pinRequest("/oauth/pin/" + userCode));
      } catch (ProviderException e) {
        if (!e.retriable() || poll.failedTooOften()) {
          throw e.kind() == Kind.AUTH || e.kind() == Kind.REJECTED ? stop(e.getMessage()) : e;
        }
        continue;
      }
      poll.answered();
      String token = text(answer, "access_token");
      if ("OK".equals(text(answer, "result")) && !token.isEmpty()) {
        return save(token);
      }
    }
  }

  private JsonNode requestCode() throws ProviderException {
    JsonNode code = api.call(pinRequest("/oauth/pin"));
    for (String key : List.of("user_code", "verification_url")) {
      if (text(code, key).isEmpty()) {
        throw new ProviderException(
            Kind.UNAVAILABLE,
            PROVIDER + ":" + instance + " GET /oauth/pin: the answer lacks " + key,
            true,
            null);
      }
    }
    return code;
  }

  private ApiRequest pinRequest(String path) {
    return ApiRequest.get(path)
        .withQuery("client_id", settings.clientId())
        .withTemplate(path.equals("/oauth/pin") ? path : "/oauth/pin/{user_code}");
  }

  private Result save(String token) throws ProviderException {
    Tokens tokens = Tokens.of(token, "", 0);
    try {
      Optional<String> username = username(token);
      store.save(
          PROVIDER, instance, username.map(u -> tokens.withExtra("username", u)).orElse(tokens));
      return new Result(store.file(PROVIDER, instance), username);
    } catch (TokenStoreException e) {
      throw ProviderException.permanent(
          Kind.AUTH, PROVIDER + ":" + instance + ": SIMKL issued a token, but " + e.getMessage());
    }
  }

  /** The account's name, best effort: the token is saved whatever this answers. */
  private Optional<String> username(String token) {
    try {
      JsonNode s =
          api.call(
              ApiRequest.post("/users/settings", "{}")
                  .withHeader("Authorization", "Bearer " + token));
      String name = s.at("/user/name").asString("");
      return name.isBlank() ? Optional.empty() : Optional.of(name);
    } catch (ProviderException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private ProviderException stop(String why) {
    return ProviderException.permanent(
        Kind.AUTH,
        PROVIDER
            + ":"
            + instance
            + ": authorization stopped: "
            + why
            + "; nothing was saved; run `cw auth simkl` again to get a new code");
  }

  private static String text(JsonNode node, String key) {
    return ServiceJson.stripped(node, key);
  }
}
