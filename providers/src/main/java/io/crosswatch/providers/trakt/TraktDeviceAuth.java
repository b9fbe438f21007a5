package io.crosswatch.providers.trakt;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.auth.CodePoll;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RetryPolicy;
import io.crosswatch.providers.http.ServiceJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authorizes crosswatch with a Trakt account through Trakt's device flow and saves the tokens in
 * the {@link TokenStore}: asks for a code, tells the user where to enter it, polls until the user
 * approves, denies or the code expires. Nothing is stored unless Trakt issued tokens, so a failed
 * attempt keeps the tokens saved before. Tokens are never printed.
 */
final class TraktDeviceAuth {
  private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

  /**
   * What an authorization produced.
   *
   * @param tokenFile where the tokens were saved
   * @param username the account's name, when Trakt told it
   * @param expiresAt when the access token expires (crosswatch refreshes it before)
   */
  public record Result(Path tokenFile, Optional<String> username, Instant expiresAt) {}

  private final TraktSettings settings;
  private final String instance;
  private final TokenStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<String> out;
  private final HttpApiClient client;

  /**
   * A device flow for one instance.
   *
   * @param settings the instance's settings (see {@link #problems})
   * @param out where the lines for the user go
   */
  TraktDeviceAuth(
      TraktSettings settings,
      String instance,
      Path stateDir,
      Clock clock,
      Sleeper sleeper,
      Consumer<String> out) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.store = new TokenStore(Objects.requireNonNull(stateDir, "stateDir"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.out = Objects.requireNonNull(out, "out");
    this.client =
        TraktProviderFactory.client("TRAKT:" + instance, this.settings)
            .retry(RetryPolicy.none())
            .clock(clock)
            .sleeper(sleeper)
            .log(DiagnosticLog.silent(), false)
            .build();
  }

  /**
   * What the device flow lacks in an instance's settings, as {@code path.key: problem} lines; empty
   * when it can start.
   *
   * @param path the JSON path of the instance's block, e.g. {@code trakt.instances.work}
   */
  static List<String> problems(TraktSettings settings, String path) {
    List<String> problems = new ArrayList<>();
    requireKey(settings.clientId(), path + ".client_id", problems);
    requireKey(settings.clientSecret(), path + ".client_secret", problems);
    return problems;
  }

  private static void requireKey(String value, String at, List<String> problems) {
    if (value.isEmpty()) {
      problems.add(
          at
              + ": missing; copy it from your Trakt app at "
              + "https://trakt.tv/oauth/applications into the config");
    }
  }

  /**
   * Runs the flow to its end.
   *
   * @throws ProviderException when Trakt refused (denied, expired, already used, unknown code),
   *     could not be reached, or the tokens could not be saved
   */
  public Result authorize() throws ProviderException {
    JsonNode code = requestCode();
    String deviceCode = text(code, "device_code");
    out.accept(
        "Open " + text(code, "verification_url") + " and enter code " + text(code, "user_code"));
    CodePoll poll = CodePoll.start(TraktTokens.PROVIDER, code, 600, clock, sleeper);
    while (true) {
      if (!poll.waitTurn()) {
        throw stop("the code expired before it was entered");
      }
      HttpAnswer answer;
      try {
        answer = client.send(ApiRequest.post("/oauth/device/token", pollBody(deviceCode)));
      } catch (ProviderException e) {
        if (!e.retriable() || poll.failedTooOften()) {
          throw e;
        }
        continue;
      }
      switch (answer.status()) {
        case 200:
          return save(answer);
        case 400:
          poll.answered();
          break;
        case 429:
          poll.slowDown(SLOW_DOWN);
          break;
        case 404:
          throw stop("Trakt does not know this device code (404)");
        case 409:
          throw stop("this code was used already (409)");
        case 410:
          throw stop("the code expired before it was entered (410)");
        case 418:
          throw stop("the authorization was denied on Trakt (418)");
        default:
          if (answer.status() < 500 || poll.failedTooOften()) {
            throw TraktApi.failureOf(answer, client);
          }
      }
    }
  }

  private JsonNode requestCode() throws ProviderException {
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    body.put("client_id", settings.clientId());
    HttpAnswer answer = client.send(ApiRequest.post("/oauth/device/code", body.toString()));
    if (!answer.isSuccess()) {
      if (answer.status() == 401 || answer.status() == 403) {
        throw ProviderException.permanent(
            Kind.AUTH, answer.describe() + ": Trakt refused the client_id; check it in the config");
      }
      throw TraktApi.failureOf(answer, client);
    }
    JsonNode code = TraktApi.MAPPER.readTree(answer.body());
    for (String key : List.of("device_code", "user_code", "verification_url")) {
      if (text(code, key).isEmpty()) {
        throw new ProviderException(
            Kind.UNAVAILABLE, answer.describe() + ": the answer lacks " + key, true, null);
      }
    }
    return code;
  }

  private String pollBody(String deviceCode) {
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    body.put("code", deviceCode);
    body.put("client_id", settings.clientId());
    body.put("client_secret", settings.clientSecret());
    return body.toString();
  }

  private Result save(HttpAnswer answer) throws ProviderException {
    Tokens tokens =
        TraktTokenAnswer.parse(TraktApi.MAPPER.readTree(answer.body()), clock.instant(), Map.of())
            .orElseThrow(
                () ->
                    new ProviderException(
                        Kind.AUTH,
                        answer.describe() + ": the token answer is incomplete; run it again",
                        false,
                        null));
    try {
      store.save(TraktTokens.PROVIDER, instance, tokens);
      Optional<String> username = username(tokens);
      if (username.isPresent()) {
        store.save(TraktTokens.PROVIDER, instance, tokens.withExtra("username", username.get()));
      }
      return new Result(
          store.file(TraktTokens.PROVIDER, instance),
          username,
          Instant.ofEpochSecond(tokens.expiresAt()));
    } catch (TokenStoreException e) {
      throw ProviderException.permanent(
          Kind.AUTH, "TRAKT:" + instance + ": Trakt issued tokens, but " + e.getMessage());
    }
  }

  /** The account's name, best effort: the tokens are saved whatever this answers. */
  private Optional<String> username(Tokens tokens) {
    try {
      HttpAnswer answer =
          client.send(
              ApiRequest.get("/users/settings")
                  .withHeader("Authorization", "Bearer " + tokens.accessToken()));
      if (answer.isSuccess()) {
        String name = TraktApi.MAPPER.readTree(answer.body()).at("/user/username").asString("");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
      }
    } catch (ProviderException | RuntimeException e) {
      // Not needed for anything but the greeting.
    }
    return Optional.empty();
  }

  private ProviderException stop(String why) {
    return ProviderException.permanent(
        Kind.AUTH,
        "TRAKT:"
            + instance
            + ": authorization stopped: "
            + why
            + "; nothing was saved; run `cw auth trakt` again to get a new code");
  }

  private static String text(JsonNode node, String key) {
    return ServiceJson.stripped(node, key);
  }
}
