package io.crosswatch.core.config;

import static io.crosswatch.core.config.TestConfigs.json;
import static io.crosswatch.core.config.TestConfigs.withPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConfigLoaderTest {
  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(TestConfigs.REGISTRY);

  private static final String README_EXAMPLE =
      """
      {
        "runtime": {
          "debug": false, "debug_http": false, "debug_mods": false,
          "state_dir": "",
          "telemetry": {"enabled": false},
          "snapshot_ttl_sec": 300,
          "apply_chunk_size": 100,
          "apply_chunk_pause_ms": 50,
          "apply_chunk_size_by_provider": {"SIMKL": 500},
          "suspect_min_prev": 20,
          "suspect_shrink_ratio": 0.10
        },
        "sync": {
          "one_way_remove_mode": "source_deletes",
          "tombstone_ttl_days": 30,
          "max_remove_ratio": 0.5,
          "history_match_window_sec": 60
        },
        "file":  {"path": "library.json", "instances": {"backup": {"path": "backup.json"}}},
        "tracker": {},
        "trakt": {"client_id": "", "client_secret": "", "access_token": "", "refresh_token": "",
                  "expires_at": 0, "base_url": "https://api.trakt.tv"},
        "pairs": [
          {"id": "lib-to-backup", "enabled": true,
           "source": "FILE", "source_instance": "default",
           "target": "FILE", "target_instance": "backup",
           "mode": "one-way",
           "features": {
             "watchlist": {"enable": true, "add": true, "remove": false},
             "history":   {"enable": true, "add": true, "remove": false},
             "ratings":   {"enable": true, "add": true, "remove": false}
           }}
        ]
      }
      """;

  private LoadedConfig load(String text) throws ConfigException {
    return loader.load(TestConfigs.write(dir, text));
  }

  /** The message of the config error that loading {@code text} (quotes as {@code '}) ends in. */
  private String errorOf(String text) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(json(text)));
    assertThat(e).as("a config error").isNotNull();
    return e.getMessage();
  }

  private static List<String> lines(List<ConfigIssue> issues) {
    return issues.stream().map(ConfigIssue::toString).toList();
  }

  @Test
  void loadsTheDesignExampleWithEveryValue() throws Exception {
    LoadedConfig loaded = load(README_EXAMPLE);
    Config config = loaded.config();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(config.file()).isEqualTo(dir.resolve("config.json").toAbsolutePath());
    assertThat(config.directory()).isEqualTo(dir.toAbsolutePath());
    assertThat(config.runtime())
        .isEqualTo(
            new RuntimeSettings(
                false,
                false,
                false,
                null,
                false,
                300,
                100,
                50,
                Map.of("SIMKL", 500),
                20,
                0.10,
                200));
    assertThat(config.runtime().chunkSizeFor("SIMKL")).isEqualTo(500);
    assertThat(config.runtime().chunkSizeFor("FILE")).isEqualTo(100);
    assertThat(config.sync()).isEqualTo(new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 0.5, 60));

    assertThat(config.providerInstances()).containsOnlyKeys("FILE", "TRACKER", "TRAKT");
    assertThat(config.providerInstances().get("FILE")).containsOnlyKeys("default", "backup");
    assertThat(config.instanceSettings("FILE", "default").orElseThrow().toString())
        .isEqualTo(json("{'path':'library.json'}"));
    assertThat(config.instanceSettings("FILE", "backup").orElseThrow().toString())
        .isEqualTo(json("{'path':'backup.json'}"));
    assertThat(config.instanceSettings("TRACKER", "default").orElseThrow().isEmpty()).isTrue();
    JsonNode trakt = config.instanceSettings("TRAKT", "default").orElseThrow();
    assertThat(trakt.get("base_url").stringValue()).isEqualTo("https://api.trakt.tv");
    assertThat(trakt.size()).isEqualTo(6);

    FeatureSettings on = new FeatureSettings(true, true, false, false);
    assertThat(config.pairs())
        .containsExactly(
            new PairSettings(
                "lib-to-backup",
                true,
                "FILE",
                "default",
                "FILE",
                "backup",
                SyncMode.ONE_WAY,
                Map.of(
                    Feature.WATCHLIST,
                    on,
                    Feature.HISTORY,
                    on,
                    Feature.RATINGS,
                    on,
                    Feature.PLAYLISTS,
                    FeatureSettings.OFF,
                    Feature.PROGRESS,
                    FeatureSettings.OFF)));
  }

  @Test
  void playlistsTakeAnOrderAndProgressIsAFeatureLikeTheOthers() throws Exception {
    LoadedConfig loaded =
        load(
            json(
                """
                {'tracker': {}, 'file': {'path': 'a.json'},
                 'pairs': [{'id': 'p', 'source': 'FILE', 'target': 'TRACKER',
                   'features': {'playlists': {'add': true, 'remove': true, 'order': 'preserve'},
                                'progress': true}}]}
                """));

    assertThat(lines(loaded.warnings())).isEmpty();
    PairSettings pair = loaded.config().pairs().get(0);
    assertThat(pair.feature(Feature.PLAYLISTS))
        .isEqualTo(new FeatureSettings(true, true, true, false, true));
    assertThat(pair.feature(Feature.PROGRESS)).isEqualTo(FeatureSettings.ADD_ONLY);
  }

  @Test
  void aPlaylistOrderOtherThanPreserveOrIgnoreIsAnErrorNamingItsPath() {
    String text =
        json(
            """
            {'tracker': {}, 'file': {'path': 'a.json'},
             'pairs': [{'source': 'FILE', 'target': 'TRACKER',
               'features': {'playlists': {'order': 'sorted'}}}]}
            """);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(text));
    assertThat(e.getMessage())
        .contains("pairs[0].features.playlists.order: must be \"preserve\" or \"ignore\"");
  }

  @Test
  void anEmptyObjectGivesTheDefaultsAndWarnsThatThereAreNoPairs() throws Exception {
    LoadedConfig loaded = load("{}");

    assertThat(loaded.config().runtime()).isEqualTo(RuntimeSettings.DEFAULTS);
    assertThat(loaded.config().sync()).isEqualTo(SyncSettings.DEFAULTS);
    assertThat(loaded.config().providerInstances()).isEmpty();
    assertThat(loaded.config().pairs()).isEmpty();
    assertThat(lines(loaded.warnings())).containsExactly("pairs: no pairs configured");
  }

  @Test
  void aMinimalPairGetsItsDefaults() throws Exception {
    PairSettings pair =
        load(withPair("{'source': 'FILE', 'target': 'FILE', 'target_instance': 'backup'}"))
            .config()
            .pairs()
            .get(0);

    assertThat(pair.id()).isEqualTo("pair-1");
    assertThat(pair.enabled()).isTrue();
    assertThat(pair.sourceLabel()).isEqualTo("FILE:default");
    assertThat(pair.targetLabel()).isEqualTo("FILE:backup");
    assertThat(pair.mode()).isEqualTo(SyncMode.ONE_WAY);
    assertThat(pair.features())
        .containsOnlyKeys(Feature.values())
        .allSatisfy((feature, settings) -> assertThat(settings).isEqualTo(FeatureSettings.OFF));
  }

  @Test
  void idsDefaultToTheirOneBasedPosition() throws Exception {
    String pair = "{'source': 'FILE', 'target': 'TRACKER'}";
    List<PairSettings> pairs =
        load(json("{" + TestConfigs.PROVIDERS + ", 'pairs': [" + pair + ", " + pair + "]}"))
            .config()
            .pairs();

    assertThat(pairs).extracting(PairSettings::id).containsExactly("pair-1", "pair-2");
  }

  @Test
  void aFeatureGivenAsTrueAddsWithoutRemovingAndFalseOrMissingIsOff() throws Exception {
    PairSettings pair =
        load(withPair(
                "{'source': 'FILE', 'target': 'TRACKER', 'mode': 'two-way',"
                    + " 'features': {'watchlist': true, 'ratings': false}}"))
            .config()
            .pairs()
            .get(0);

    assertThat(pair.mode()).isEqualTo(SyncMode.TWO_WAY);
    assertThat(pair.feature(Feature.WATCHLIST)).isEqualTo(FeatureSettings.ADD_ONLY);
    assertThat(pair.feature(Feature.RATINGS)).isEqualTo(FeatureSettings.OFF);
    assertThat(pair.feature(Feature.HISTORY)).isEqualTo(FeatureSettings.OFF);
  }

  @Test
  void featureObjectsDefaultToEnableAndAddAndOnlyHistoryTakesRewatches() throws Exception {
    LoadedConfig loaded =
        load(
            withPair(
                "{'source': 'FILE', 'target': 'TRACKER', 'features': {"
                    + "'watchlist': {'remove': true, 'rewatches': true},"
                    + "'history': {'add': false, 'rewatches': true},"
                    + "'ratings': {'enable': false}}}"));
    PairSettings pair = loaded.config().pairs().get(0);

    assertThat(pair.feature(Feature.WATCHLIST))
        .isEqualTo(new FeatureSettings(true, true, true, false));
    assertThat(pair.feature(Feature.HISTORY))
        .isEqualTo(new FeatureSettings(true, false, false, true));
    assertThat(pair.feature(Feature.RATINGS).enable()).isFalse();
    assertThat(lines(loaded.warnings()))
        .containsExactly("pairs[0].features.watchlist.rewatches: unknown key, ignored");
  }

  @Test
  void namedInstancesHoldTheirOwnSettingsWithoutInheritingTheDefault() throws Exception {
    Config config =
        load(json(
                "{'file': {'path': 'main.json', 'extra': 1, 'instances': {"
                    + "'a': {'path': 'a.json'}, 'b': {'path': 'b.json'}}},"
                    + " 'pairs': [{'source': 'FILE', 'source_instance': 'a',"
                    + " 'target': 'FILE', 'target_instance': 'b'}]}"))
            .config();

    assertThat(config.providerInstances().get("FILE").keySet())
        .containsExactlyInAnyOrder("default", "a", "b");
    assertThat(config.instanceSettings("FILE", "a").orElseThrow().toString())
        .isEqualTo(json("{'path':'a.json'}"));
    assertThat(config.instanceSettings("FILE", "default").orElseThrow().has("instances")).isFalse();
    assertThat(config.pairs().get(0).sourceLabel()).isEqualTo("FILE:a");
  }

  @Test
  void aBlockOfOnlyNamedInstancesHasNoDefaultWhenTheProviderNeedsSettings() {
    String text =
        json(
            "{'file': {'instances': {'a': {'path': 'a.json'}}},"
                + " 'pairs': [{'source': 'FILE', 'target': 'TRACKER'}]}");

    assertThatThrownBy(() -> load(text))
        .isInstanceOf(ConfigException.class)
        .hasMessage("pairs[0].source_instance: FILE has no instance \"default\" (known: a)");
  }

  @Test
  void theProviderValidatesEachInstanceAtItsOwnPath() {
    String text = json("{'file': {'path': 1, 'instances': {'b': {'pth': 'x'}}}}");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(text));

    assertThat(lines(e.errors()))
        .containsExactly(
            "file.path: must be a non-empty string", "file.instances.b.path: is required");
    assertThat(lines(e.issues())).contains("file.instances.b.pth: unknown key, ignored");
  }

  @Test
  void aRelativeStateDirResolvesAgainstTheConfigFolder() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("conf"));
    Path file = TestConfigs.write(sub, json("{'runtime': {'state_dir': '../state/./cw'}}"));

    RuntimeSettings runtime = loader.load(file).config().runtime();

    assertThat(runtime.stateDir()).isEqualTo(dir.resolve("state/cw").toAbsolutePath());
  }

  @Test
  void anAbsoluteStateDirIsKeptAndAnEmptyOneIsUnset() throws Exception {
    Path absolute = dir.resolve("elsewhere").toAbsolutePath();
    String text = "{\"runtime\": {\"state_dir\": " + quote(absolute.toString()) + "}}";

    assertThat(load(text).config().runtime().stateDir()).isEqualTo(absolute);
    assertThat(load(json("{'runtime': {'state_dir': ''}}")).config().runtime().stateDir()).isNull();
  }

  @Test
  void keepRunLogsTakesAnyPositiveIntegerAndDefaultsTo200() throws Exception {
    assertThat(load(json("{'runtime': {'keep_run_logs': 1}}")).config().runtime().keepRunLogs())
        .isEqualTo(1);
    assertThat(load(json("{'runtime': {'keep_run_logs': 5000}}")).config().runtime().keepRunLogs())
        .isEqualTo(5000);
    assertThat(load("{}").config().runtime().keepRunLogs()).isEqualTo(200);
    assertThat(load("{}").warnings()).noneMatch(w -> w.toString().contains("keep_run_logs"));
  }

  @Test
  void chunkSizesTakeAnyPositiveIntegerAndKnownProvidersWithoutAFactory() throws Exception {
    RuntimeSettings runtime =
        load(json(
                "{'runtime': {'apply_chunk_size': 10000,"
                    + " 'apply_chunk_size_by_provider': {'PLEX': 1, 'SIMKL': 2147483647}}}"))
            .config()
            .runtime();

    assertThat(runtime.applyChunkSize()).isEqualTo(10000);
    assertThat(runtime.chunkSizeFor("PLEX")).isEqualTo(1);
    assertThat(runtime.chunkSizeFor("SIMKL")).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aCrossWatchConfigLoadsWithWarnings() throws Exception {
    String text =
        json(
            """
            {
              'plex': {'server_url': 'http://10.0.0.2:32400', 'account_token': 'secret-plex'},
              'trakt': {'client_id': 'abc', 'access_token': 'secret-trakt', 'expires_at': 0,
                        'history': {'libraries': []}},
              'tracker': {},
              'crosswatch': {'root_dir': '/config/.cw_provider'},
              'scrobble': {'enabled': false},
              'ui': {'theme': 'flat-dark'},
              'runtime': {'debug': false, 'telemetry': {'enabled': true},
                          'max_profiles_per_provider': 10,
                          'apply_chunk_size_by_provider': {'SIMKL': 500, 'PLEX': 500}},
              'sync': {'enable_add': true, 'one_way_remove_mode': 'mirror',
                       'tombstone_ttl_days': 1, 'bidirectional': {'enabled': false}},
              'pairs': [
                {'id': 'p1', 'source': 'PLEX', 'target': 'TRAKT', 'mode': 'two-way',
                 'features': {'watchlist': {'enable': true, 'add': true, 'remove': true},
                              'playlists': {'enable': false}}},
                {'id': 'p2', 'source': 'TRAKT', 'target': 'TRACKER',
                 'features': {'history': true}}
              ]
            }
            """);

    LoadedConfig loaded = load(text);

    assertThat(lines(loaded.warnings()))
        .containsExactly(
            "runtime.max_profiles_per_provider: unknown key, ignored",
            "sync.enable_add: unknown key, ignored",
            "sync.bidirectional: unknown key, ignored",
            "trakt.history: unknown key, ignored",
            "crosswatch: unknown key, ignored",
            "ui: unknown key, ignored");
    Config config = loaded.config();
    assertThat(config.runtime().telemetryEnabled()).isTrue();
    assertThat(config.sync().oneWayRemoveMode()).isEqualTo(RemoveMode.MIRROR);
    assertThat(config.providerInstances()).containsOnlyKeys("PLEX", "TRAKT", "TRACKER");
    assertThat(config.pairs()).extracting(PairSettings::id).containsExactly("p1", "p2");
    assertThat(config.pairs().get(0).source()).isEqualTo("PLEX");
    assertThat(String.join("\n", lines(loaded.warnings()))).doesNotContain("secret");
  }

  @Test
  void aPairMayUseAProviderThatNeedsNoSettingsWithoutItsBlock() throws Exception {
    Config config = load(withPair("{'source': 'FILE', 'target': 'TRACKER'}")).config();

    assertThat(config.instanceSettings("TRACKER", "default")).isPresent();
    assertThat(config.pairs().get(0).targetLabel()).isEqualTo("TRACKER:default");
  }

  @Test
  void everyErrorIsReportedNotOnlyTheFirst() {
    String text =
        json(
            "{'runtime': {'apply_chunk_size': 0, 'debug': 'yes'},"
                + " 'sync': {'max_remove_ratio': 1.5},"
                + " 'pairs': [{'source': 'FOO', 'target': 'TRACKER', 'mode': 'both'},"
                + " {'id': 'x', 'unknown': 1, 'source': 'TRACKER', 'target': 'TRACKER'}]}");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(text));

    assertThat(e.getMessage().lines())
        .containsExactly(
            "runtime.debug: must be true or false, got \"yes\"",
            "runtime.apply_chunk_size: must be an integer ≥ 1, got 0",
            "sync.max_remove_ratio: must be a number between 0 and 1, got 1.5",
            "pairs[0].source: unknown provider \"FOO\" (known: FILE, TRACKER, TRAKT, SIMKL,"
                + " MDBLIST, PLEX, JELLYFIN, EMBY)",
            "pairs[0].mode: must be \"one-way\" or \"two-way\", got \"both\"",
            "pairs[1]: source and target are the same instance TRACKER:default");
    assertThat(lines(e.issues())).contains("pairs[1].unknown: unknown key, ignored");
  }

  @Test
  void aMissingFileSaysWhereItWasLookedForAndHowToFixIt() {
    Path missing = dir.resolve("nowhere/config.json");

    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            missing
                + ": config file not found; create it, or pass another file with --config PATH"
                + " (or set CW_CONFIG)");
  }

  @Test
  void aFolderIsNotAConfigFile() {
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir + ": is a folder");
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    assertThat(load("\uFEFF{\"pairs\": []}").config().pairs()).isEmpty();
  }

  @Test
  void aProviderTheRegistryLacksIsSkippedWhenItsBlockIsThereAndTheBlockIsAnUnknownKey()
      throws Exception {
    ConfigLoader fileOnly = new ConfigLoader(ProviderRegistry.of(TestProviderFactory.file()));
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        json(
            "{'plex': {}, 'file': {'path': 'a.json'},"
                + " 'pairs': [{'source': 'PLEX', 'target': 'FILE'}]}"));

    LoadedConfig loaded = fileOnly.load(file);

    assertThat(lines(loaded.warnings()))
        .containsExactlyInAnyOrder(
            "plex: unknown key, ignored",
            "pairs[0].source: provider PLEX is not available in this build;"
                + " the pair will be skipped");
    assertThat(loaded.config().pairs())
        .singleElement()
        .extracting(PairSettings::source)
        .isEqualTo("PLEX");
  }

  @Test
  void aProviderTheRegistryLacksIsUnknownWithoutItsBlock() {
    ConfigLoader fileOnly = new ConfigLoader(ProviderRegistry.of(TestProviderFactory.file()));

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                fileOnly.load(
                    TestConfigs.write(
                        dir,
                        json(
                            "{'file': {'path': 'a.json'},"
                                + " 'pairs': [{'source': 'PLEX', 'target': 'FILE'}]}"))));

    assertThat(e.getMessage())
        .isEqualTo("pairs[0].source: unknown provider \"PLEX\" (known: FILE)");
  }

  @Test
  void aPairOfAServiceThisBuildLacksIsSkippedWithAWarningWhenTheConfigHasItsBlock()
      throws Exception {
    // CrossWatch's configs carry a block for every service CrossWatch has, and may pair them.
    LoadedConfig loaded =
        load(
            json(
                "{'anilist': {'client_id': ''}, 'file': {'path': 'a.json'},"
                    + " 'pairs': [{'id': 'anime', 'source': 'ANILIST', 'target': 'FILE'},"
                    + " {'id': 'kept', 'source': 'FILE', 'target': 'TRACKER'}]}"));

    assertThat(lines(loaded.warnings()))
        .contains(
            "pairs[0].source: provider ANILIST is not available in this build;"
                + " the pair will be skipped",
            "anilist: unknown key, ignored");
    assertThat(loaded.config().pairs())
        .extracting(PairSettings::id, PairSettings::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anime", "ANILIST"),
            org.assertj.core.groups.Tuple.tuple("kept", "FILE"));
  }

  @Test
  void anUnknownUpperCaseNameWithoutItsBlockIsATypoAndAnError() {
    String message =
        errorOf(
            "{'trakt': {}, 'file': {'path': 'a.json'},"
                + " 'pairs': [{'source': 'FILE', 'target': 'TRAKTT'}]}");

    assertThat(message)
        .isEqualTo(
            "pairs[0].target: unknown provider \"TRAKTT\" (known: FILE, TRACKER, TRAKT, SIMKL,"
                + " MDBLIST, PLEX, JELLYFIN, EMBY)");
  }

  @Test
  void aLowerCaseNameIsAnErrorEvenWhenItsBlockExists() {
    String message =
        errorOf(
            "{'kodi': {}, 'file': {'path': 'a.json'},"
                + " 'pairs': [{'source': 'kodi', 'target': 'FILE'}]}");

    assertThat(message).startsWith("pairs[0].source: unknown provider \"kodi\" (known:");
  }

  @Test
  void aProviderWithoutAListOrderComesAfterTheOthersAndNamesBreakTies() {
    ProviderRegistry registry =
        ProviderRegistry.of(
            TestProviderFactory.optional("ZED", 1000),
            TestProviderFactory.optional("IMPORT", 1000),
            TestProviderFactory.file());

    assertThat(registry.names()).containsExactly("FILE", "IMPORT", "ZED");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\") + "\"";
  }
}
