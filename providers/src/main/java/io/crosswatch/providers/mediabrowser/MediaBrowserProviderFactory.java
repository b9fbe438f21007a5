package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.auth.SavedSignIn;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.RetryPolicy;
import io.crosswatch.providers.http.TrustingTls;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/** What the Jellyfin and Emby factories share: settings, the HTTP client and the provider. */
abstract class MediaBrowserProviderFactory implements ProviderFactory {
  /** The extra of a stored login that holds the user's id. */
  public static final String USER_ID_KEY = "user_id";

  /** The extra of a stored login that holds the device id its token is filed under. */
  public static final String DEVICE_ID_KEY = "device_id";

  /** The server address quoted in messages about a missing {@code server}. */
  private static final String EXAMPLE_SERVER = "http://localhost:8096";

  private final Dialect dialect;

  MediaBrowserProviderFactory(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  @Override
  public Optional<SignIn> signIn() {
    return Optional.of(new MediaBrowserSignIn(this, dialect));
  }

  @Override
  public final Set<Feature> features() {
    return MediaBrowserProvider.FEATURES;
  }

  @Override
  public final Set<IdKind> idKinds() {
    Set<IdKind> kinds = EnumSet.copyOf(LibraryIndex.EXTERNAL);
    kinds.add(dialect.localKind());
    return kinds;
  }

  /** Jellyfin and Emby report plays (webhooks, or {@code /Sessions} watched). */
  @Override
  public final Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SOURCE);
  }

  @Override
  public final String name() {
    return dialect.providerName();
  }

  @Override
  public final List<ConfigIssue> validate(JsonNode settings, String path) {
    return MediaBrowserSettings.validate(settings, path, EXAMPLE_SERVER);
  }

  @Override
  public final List<ConfigIssue> validateForUse(JsonNode settings, String path) {
    return MediaBrowserSettings.validateForUse(settings, path, EXAMPLE_SERVER);
  }

  @Override
  public final Provider create(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    String label = context.name() + ":" + context.instance();
    MediaBrowserSettings settings =
        signedIn(settings(context.settings(), context.instance()), context, label);
    HttpApiClient client =
        client(
                label,
                settings,
                context.log(),
                context.debugHttp(),
                context.sleeper(),
                context.random())
            .clock(context.clock())
            .build();
    MediaBrowserApi api = new MediaBrowserApi(client, dialect, prefixGiven(settings));
    LibraryReader reader =
        new LibraryReader(api, settings.userId(), settings, context.settingsPath(), context.log());
    MediaBrowserPlaybackSource source =
        new MediaBrowserPlaybackSource(
            dialect,
            context.instance(),
            api,
            settings.userId(),
            context.clock(),
            context.sleeper(),
            settings.sessionsPoll(),
            context.log());
    return new MediaBrowserProvider(context.instance(), settings, api, reader, source);
  }

  /**
   * The settings with the token, user id and device id that {@code cw auth} stored, when there are
   * any: the store comes before the config. A damaged token file is warned about (by name) and the
   * config's keys are used.
   */
  private static MediaBrowserSettings signedIn(
      MediaBrowserSettings s, ProviderContext context, String label) {
    return SavedSignIn.find(context, label, "access_token")
        .map(
            t ->
                s.withLogin(
                    t.accessToken(), t.extras().get(USER_ID_KEY), t.extras().get(DEVICE_ID_KEY)))
        .orElse(s);
  }

  /**
   * A login helper for this server (it needs {@link MediaBrowserSettings#server}; {@code device_id}
   * and {@code timeout} are used when set). Any token in the settings is left out.
   */
  final MediaBrowserAuthenticator authenticator(
      MediaBrowserSettings settings,
      String instance,
      DiagnosticLog log,
      boolean debugHttp,
      Sleeper sleeper) {
    HttpApiClient client =
        client(
                dialect.providerName() + ":" + instance,
                settings.anonymous(),
                log,
                debugHttp,
                sleeper,
                new SplittableRandom())
            .build();
    return new MediaBrowserAuthenticator(
        new MediaBrowserApi(client, dialect, prefixGiven(settings)), settings.deviceId());
  }

  /**
   * The one place an instance's block becomes its settings: a device id of its own ({@code
   * crosswatch-<instance>}) unless {@code device_id} names one.
   */
  static MediaBrowserSettings settings(JsonNode settings, String instance) {
    return MediaBrowserSettings.from(settings, "crosswatch-" + instance);
  }

  private HttpApiClient.Builder client(
      String label,
      MediaBrowserSettings settings,
      DiagnosticLog log,
      boolean debugHttp,
      Sleeper sleeper,
      RandomGenerator random) {
    String token = settings.accessToken();
    HttpApiClient.Builder b =
        HttpApiClient.builder(label, settings.server())
            .defaultHeader("Accept", "application/json")
            .secrets(List.of(token))
            .retry(RetryPolicy.defaults())
            .timeout(settings.timeout())
            .sleeper(sleeper)
            .random(random)
            .log(log, debugHttp);
    if (!settings.verifySsl()) {
      b.http(TrustingTls.trustingClient(Duration.ofSeconds(10)));
      log.debug(label + ": verify_ssl is false; the server's certificate is not checked");
    }
    if (dialect == Dialect.JELLYFIN) {
      // Jellyfin 12 drops the legacy X-Emby-Token: the token rides in the Authorization header.
      b.defaultHeader(dialect.identityHeader(), Dialect.identity(settings.deviceId(), token));
    } else {
      b.defaultHeader(dialect.identityHeader(), Dialect.identity(settings.deviceId(), null));
      if (!token.isEmpty()) {
        b.defaultHeader("X-Emby-Token", token);
      }
    }
    return b;
  }

  private boolean prefixGiven(MediaBrowserSettings settings) {
    String path = settings.server().getPath();
    return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith("/emby");
  }
}
