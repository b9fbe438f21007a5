package io.crosswatch.server.web;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.mdblist.MdblistKeyCheck;
import io.crosswatch.providers.mediabrowser.EmbyProviderFactory;
import io.crosswatch.providers.mediabrowser.JellyfinProviderFactory;
import io.crosswatch.providers.mediabrowser.MediaBrowserAuthenticator;
import io.crosswatch.providers.plex.PlexPinLogin;
import io.crosswatch.providers.plex.PlexProviderFactory;
import io.crosswatch.providers.simkl.SimklPinAuth;
import io.crosswatch.providers.trakt.TraktDeviceAuth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * The sign-ins of {@code cw auth}, started from the providers page with the providers' own flow
 * classes: Trakt's and SIMKL's codes and Plex's PIN wait in the background while the page shows the
 * code; Jellyfin, Emby and MDBList answer at once. Tokens go to the state dir, never to a page.
 */
final class SignIns {
  /** How often plex.tv is asked whether the PIN was approved, and how long at most. */
  private static final Duration PLEX_POLL = Duration.ofSeconds(2);

  private static final Duration PLEX_WAIT = Duration.ofMinutes(15);

  /** One sign-in waiting for the person: the lines to show, then how it ended. */
  static final class Flow {
    final String id = UUID.randomUUID().toString();
    final String provider;
    final String instance;
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile String outcome = "";
    volatile boolean failed;

    Flow(String provider, String instance) {
      this.provider = provider;
      this.instance = instance;
    }

    boolean done() {
      return !outcome.isEmpty();
    }
  }

  /** A sign-in step that may fail with a message for the person. */
  @FunctionalInterface
  private interface Step {
    String run() throws ProviderException, TokenStoreException;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();

  SignIns(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  Optional<Flow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  /** Starts Trakt's device flow; the code appears in the flow's lines. */
  Flow trakt(JsonNode settings, String instance, Path stateDir) {
    return background(
        "TRAKT",
        instance,
        TraktDeviceAuth.problems(settings, Config.instancePath("TRAKT", instance)),
        flow ->
            () -> {
              TraktDeviceAuth.Result r =
                  new TraktDeviceAuth(settings, instance, stateDir, clock, sleeper, flow.lines::add)
                      .authorize();
              return "Authorized"
                  + r.username().map(u -> " as " + u).orElse("")
                  + "; the tokens are saved and refreshed automatically.";
            });
  }

  /** Starts SIMKL's PIN flow; the code appears in the flow's lines. */
  Flow simkl(JsonNode settings, String instance, Path stateDir) {
    return background(
        "SIMKL",
        instance,
        SimklPinAuth.problems(settings, Config.instancePath("SIMKL", instance)),
        flow ->
            () -> {
              SimklPinAuth.Result r =
                  new SimklPinAuth(settings, instance, stateDir, clock, sleeper, flow.lines::add)
                      .authorize();
              return "Authorized"
                  + r.username().map(u -> " as " + u).orElse("")
                  + "; the token is saved.";
            });
  }

  /** Starts Plex's PIN sign-in; the address to approve it appears in the flow's lines. */
  Flow plex(JsonNode settings, String instance, Path stateDir) {
    return background(
        "PLEX",
        instance,
        List.of(),
        flow ->
            () -> {
              TokenStore store = new TokenStore(stateDir);
              String clientId = plexClientId(settings, store, instance);
              PlexPinLogin login =
                  PlexPinLogin.create(
                      URI.create(text(settings, "plex_tv_url", "https://plex.tv")),
                      clientId,
                      clock,
                      sleeper);
              PlexPinLogin.Pin pin = login.start();
              flow.lines.add("Open " + pin.authUrl() + " and sign in to approve crosswatch.");
              Duration wait =
                  pin.expiresAt() == null
                      ? PLEX_WAIT
                      : Duration.between(clock.instant(), pin.expiresAt());
              String token = login.await(pin, PLEX_POLL, wait);
              store.save(
                  "PLEX",
                  instance,
                  new Tokens(token, "", 0, Map.of(PlexProviderFactory.CLIENT_ID_KEY, clientId)));
              return "Signed in; the account token is saved.";
            });
  }

  /**
   * Logs a Jellyfin or Emby user in and saves the access token; returns what to tell the person.
   */
  String mediaServer(
      String provider,
      JsonNode settings,
      String instance,
      Path stateDir,
      String user,
      String password) {
    if (text(settings, "server", "").isEmpty()) {
      return failed(
          Config.instancePath(provider, instance)
              + ".server is empty; set it to the server's address"
              + " on the Config page, e.g. http://localhost:8096");
    }
    if (user.isBlank() || password.isEmpty()) {
      return failed("Enter the user name and the password.");
    }
    return now(
        () -> {
          MediaBrowserAuthenticator authenticator =
              "EMBY".equals(provider)
                  ? new EmbyProviderFactory()
                      .authenticator(settings, instance, DiagnosticLog.silent(), false)
                  : new JellyfinProviderFactory()
                      .authenticator(settings, instance, DiagnosticLog.silent(), false);
          MediaBrowserAuthenticator.Login login =
              authenticator.authenticate(user.strip(), password);
          new TokenStore(stateDir).save(provider, instance, login.tokens());
          return "Signed in as " + login.userName() + "; the access token is saved.";
        });
  }

  /** Checks an MDBList api key and saves it when MDBList accepts it. */
  String mdblist(JsonNode settings, String instance, Path stateDir, String key) {
    if (key.isBlank()) {
      return failed("Enter the api key.");
    }
    return now(
        () -> {
          MdblistKeyCheck.Result r =
              new MdblistKeyCheck(settings, instance, stateDir, clock).check(key.strip());
          return "The api key works"
              + r.username().map(u -> " (user " + u + ")").orElse("")
              + "; it is saved.";
        });
  }

  /** Marks a message from {@link #mediaServer} or {@link #mdblist} as a failure. */
  static final String FAILED = "! ";

  private static String failed(String message) {
    return FAILED + message;
  }

  private static String now(Step step) {
    try {
      return step.run();
    } catch (ProviderException | TokenStoreException e) {
      return failed(e.getMessage());
    }
  }

  private Flow background(
      String provider,
      String instance,
      List<String> problems,
      java.util.function.Function<Flow, Step> work) {
    Flow flow = new Flow(provider, instance);
    flows.put(flow.id, flow);
    if (!problems.isEmpty()) {
      flow.failed = true;
      flow.outcome = String.join("; ", problems);
      return flow;
    }
    Step step = work.apply(flow);
    Thread thread =
        new Thread(
            () -> {
              String result = now(step);
              flow.failed = result.startsWith(FAILED);
              flow.outcome = flow.failed ? result.substring(FAILED.length()) : result;
            },
            "sign-in-" + provider + "-" + instance);
    thread.setDaemon(true);
    thread.start();
    return flow;
  }

  private static String plexClientId(JsonNode settings, TokenStore store, String instance)
      throws TokenStoreException {
    String configured = text(settings, "client_id", "");
    if (!configured.isEmpty()) {
      return configured;
    }
    return store
        .load("PLEX", instance)
        .map(t -> t.extras().getOrDefault(PlexProviderFactory.CLIENT_ID_KEY, ""))
        .filter(id -> !id.isBlank())
        .orElseGet(PlexPinLogin::newClientId);
  }

  private static String text(JsonNode settings, String key, String otherwise) {
    JsonNode v = settings.get(key);
    return v != null && v.isString() && !v.stringValue().isBlank()
        ? v.stringValue().strip()
        : otherwise;
  }
}
