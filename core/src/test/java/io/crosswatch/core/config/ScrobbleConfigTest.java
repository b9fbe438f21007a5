package io.crosswatch.core.config;

import static io.crosswatch.core.config.TestConfigs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.config.ScrobbleSettings.Sink;
import io.crosswatch.core.config.ScrobbleSettings.Source;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code scrobble} block: sources and sinks checked against the providers' roles. */
class ScrobbleConfigTest {
  /**
   * PLEX and JELLYFIN (which needs a {@code server_url}) report plays, TRAKT and TRACKER receive
   * them; EMBY, SIMKL and FILE have no scrobbling role here.
   */
  private static final ProviderRegistry REGISTRY =
      ProviderRegistry.of(
          TestProviderFactory.optional("EMBY", 80),
          TestProviderFactory.file(),
          TestProviderFactory.optional("PLEX", 60, "server_url", "account_token")
              .withRoles(ScrobbleRole.SOURCE),
          TestProviderFactory.tracker().withRoles(ScrobbleRole.SINK),
          TestProviderFactory.trakt().withRoles(ScrobbleRole.SINK),
          TestProviderFactory.optional("SIMKL", 40),
          TestProviderFactory.requiring("JELLYFIN", 70, "server_url")
              .withRoles(ScrobbleRole.SOURCE));

  /** CrossWatch's own default {@code scrobble} block, as its config.json ships it. */
  private static final String CROSSWATCH_BLOCK =
      "'enabled': false, 'mode': 'watch', 'delete_plex': false, 'delete_plex_types': ['movie'],"
          + " 'watch': {'autostart': false, 'routes': [], 'plex_simkl_ratings': false,"
          + " 'plex_trakt_ratings': false, 'plex_mdblist_ratings': false,"
          + " 'pause_debounce_seconds': 5, 'suppress_start_at': 99, 'filters':"
          + " {'username_whitelist': [], 'server_uuid': '', 'server_uuid_whitelist': [],"
          + " 'server_uuid_blacklist': []}},"
          + " 'webhook': {'pause_debounce_seconds': 5, 'suppress_start_at': 99,"
          + " 'suppress_autoplay_seconds': 15, 'probe_session_progress': true,"
          + " 'plex_trakt_ratings': false, 'filters_plex': {'username_whitelist': [],"
          + " 'server_uuid': '', 'server_uuid_whitelist': [], 'server_uuid_blacklist': []}},"
          + " 'trakt': {'progress_step': 25, 'watched_at': 90, 'force_stop_at': 95,"
          + " 'regress_tolerance_percent': 5}";

  private static final List<String> CROSSWATCH_WARNINGS =
      List.of(
          "scrobble.delete_plex: unknown key, ignored",
          "scrobble.delete_plex_types: unknown key, ignored",
          "scrobble.watch: unknown key, ignored",
          "scrobble.webhook: unknown key, ignored",
          "scrobble.trakt: unknown key, ignored");

  private static final String PROVIDERS =
      "'plex': {'server_url': 'http://plex.local:32400', 'instances': {'living': {}}},"
          + " 'jellyfin': {'server_url': 'http://jellyfin.local:8096'}, 'trakt': {'client_id': 'abc'},"
          + " 'simkl': {}, 'emby': {}";

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(REGISTRY);

  @Test
  void crossWatchsDefaultBlockLoadsOffWithItsOtherKeysAsWarnings() throws Exception {
    LoadedConfig loaded = load("{" + PROVIDERS + ", 'scrobble': {" + CROSSWATCH_BLOCK + "}}");

    assertThat(loaded.config().scrobble()).isEqualTo(ScrobbleSettings.DEFAULTS);
    assertThat(scrobbleWarnings(loaded)).containsExactlyInAnyOrderElementsOf(CROSSWATCH_WARNINGS);
  }

  @Test
  void crossWatchsModeIsTheDefaultViaOfSourcesThatNameNone() throws Exception {
    LoadedConfig loaded =
        load(
            "{"
                + PROVIDERS
                + ", 'scrobble': {"
                + CROSSWATCH_BLOCK.replace("'enabled': false", "'enabled': true")
                + ", 'sources': [{'provider': 'PLEX', 'users': ['alice', ' Bob ']},"
                + " {'provider': 'PLEX', 'instance': 'living', 'via': 'webhook',"
                + " 'users': ['carol']}, {'provider': 'JELLYFIN', 'users': ['dave']}],"
                + " 'sinks': [{'provider': 'TRAKT'}, {'provider': 'TRACKER'}]}}");

    ScrobbleSettings s = loaded.config().scrobble();
    assertThat(s.enabled()).isTrue();
    assertThat(s.sources())
        .containsExactly(
            new Source("PLEX", "default", Via.WATCH, List.of("alice", "Bob")),
            new Source("PLEX", "living", Via.WEBHOOK, List.of("carol")),
            new Source("JELLYFIN", "default", Via.WATCH, List.of("dave")));
    assertThat(s.sinks())
        .containsExactly(new Sink("TRAKT", "default"), new Sink("TRACKER", "default"));
    assertThat(s.sources().get(0).scrobbles("BOB")).isTrue();
    assertThat(s.sources().get(0).scrobbles("mallory")).isFalse();
    assertThat(scrobbleWarnings(loaded)).containsExactlyInAnyOrderElementsOf(CROSSWATCH_WARNINGS);
  }

  @Test
  void withoutAModeSourcesAreWebhooks() throws Exception {
    LoadedConfig loaded =
        load(
            "{"
                + PROVIDERS
                + ", 'scrobble': {'enabled': true, 'sources': [{'provider': 'PLEX', 'users':"
                + " ['alice']}], 'sinks': [{'provider': 'TRAKT'}]}}");

    assertThat(loaded.config().scrobble().sources())
        .extracting(Source::via)
        .containsExactly(Via.WEBHOOK);
    assertThat(scrobbleWarnings(loaded)).isEmpty();
  }

  @Test
  void scrobblingEnabledWithoutSourcesOrSinksIsAWarning() throws Exception {
    LoadedConfig loaded = load("{" + PROVIDERS + ", 'scrobble': {'enabled': true}}");

    assertThat(scrobbleWarnings(loaded))
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("scrobble.sources: scrobbling is enabled"))
        .anySatisfy(w -> assertThat(w).startsWith("scrobble.sinks: scrobbling is enabled"));
  }

  @Test
  void everyWrongSourceAndSinkIsAnErrorAtItsPath() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "{"
                        + PROVIDERS
                        + ", 'scrobble': {'enabled': true, 'mode': 'push', 'sources': ["
                        + "{'provider': 'NETFLIX', 'users': ['a']},"
                        + " {'provider': 'SIMKL', 'users': ['a']},"
                        + " {'provider': 'PLEX'},"
                        + " {'provider': 'PLEX', 'instance': 'attic', 'users': ['a']},"
                        + " {'provider': 'PLEX', 'via': 'email', 'users': []},"
                        + " {'users': ['a']}],"
                        + " 'sinks': [{'provider': 'PLEX'}, {'provider': 'TRAKT', 'instance':"
                        + " 'work'}, {'provider': 7}]}}"));

    assertThat(e.errors())
        .extracting(ConfigIssue::path)
        .containsExactlyInAnyOrder(
            "scrobble.mode",
            "scrobble.sources[0].provider",
            "scrobble.sources[1].provider",
            "scrobble.sources[2].users",
            "scrobble.sources[3].instance",
            "scrobble.sources[4].via",
            "scrobble.sources[4].users",
            "scrobble.sources[5].provider",
            "scrobble.sinks[0].provider",
            "scrobble.sinks[1].instance",
            "scrobble.sinks[2].provider");
    assertThat(messages(e, "scrobble.sources[0].provider")).contains("NETFLIX");
    assertThat(messages(e, "scrobble.sources[1].provider"))
        .contains("SIMKL is not a media server crosswatch can scrobble from")
        .contains("use one of PLEX, JELLYFIN");
    assertThat(messages(e, "scrobble.sources[2].users"))
        .contains("is required")
        .contains("[\"alice\"]");
    assertThat(messages(e, "scrobble.sources[3].instance"))
        .contains("PLEX has no instance \"attic\" (known: default, living)");
    assertThat(messages(e, "scrobble.sources[4].users")).contains("non-empty array of names");
    assertThat(messages(e, "scrobble.sources[5].provider")).contains("is required");
    assertThat(messages(e, "scrobble.sinks[0].provider"))
        .contains("PLEX is not a tracker crosswatch can scrobble to")
        .contains("TRACKER")
        .contains("TRAKT");
    assertThat(messages(e, "scrobble.sinks[1].instance"))
        .contains("TRAKT has no instance \"work\"");
    assertThat(messages(e, "scrobble.sinks[2].provider")).contains("must be a provider name");
  }

  @Test
  void aSourceWhoseProviderIsNotConfiguredIsAnError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "{'scrobble': {'sources': [{'provider': 'JELLYFIN', 'users': ['a']}],"
                        + " 'sinks': [{'provider': 'TRACKER'}]}}"));

    assertThat(e.errors())
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "scrobble.sources[0].provider: provider JELLYFIN is not configured (add a"
                + " \"jellyfin\" block)");
  }

  @Test
  void aSourceListWrittenAsAnObjectIsAnError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("{" + PROVIDERS + ", 'scrobble': {'sources': {'provider': 'PLEX'}}}"));

    assertThat(e.errors())
        .extracting(ConfigIssue::toString)
        .singleElement()
        .asString()
        .startsWith("scrobble.sources: must be an array of objects");
  }

  private LoadedConfig load(String singleQuoted) throws Exception {
    return loader.load(TestConfigs.write(dir, json(singleQuoted)));
  }

  private static List<String> scrobbleWarnings(LoadedConfig loaded) {
    return loaded.warnings().stream()
        .map(ConfigIssue::toString)
        .filter(w -> w.startsWith("scrobble"))
        .toList();
  }

  private static String messages(ConfigException e, String path) {
    return String.join(
        " | ",
        e.errors().stream().filter(i -> i.path().equals(path)).map(ConfigIssue::message).toList());
  }
}
