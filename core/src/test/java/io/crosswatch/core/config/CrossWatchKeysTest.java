package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CrossWatch's own keys: those crosswatch does not use are summarized per block, those whose
 * meaning crosswatch does not follow get a warning of their own saying what it does instead.
 */
class CrossWatchKeysTest {
  @TempDir Path dir;

  private List<ConfigIssue> warnings(String singleQuotedConfig) throws ConfigException {
    Path file = TestConfigs.write(dir, TestConfigs.json(singleQuotedConfig));
    return new ConfigLoader(TestConfigs.REGISTRY, Map.of()).load(file).warnings();
  }

  private static final String PAIR =
      "'pairs': [{'source': 'FILE', 'target': 'TRACKER', 'features': {'watchlist': true}}]";

  @Test
  void crossWatchDefaultsForGuardsAndBlackboxAreWarnedAboutWithWhatHappensInstead()
      throws Exception {
    List<ConfigIssue> warnings =
        warnings(
            "{'sync': {'allow_mass_delete': true, 'drop_guard': false, 'dry_run': false,"
                + " 'include_observed_deletes': true,"
                + " 'blackbox': {'enabled': true, 'promote_after': 3}}, "
                + TestConfigs.PROVIDERS
                + ", "
                + PAIR
                + "}");

    assertThat(warnings)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "sync.allow_mass_delete: true is not followed; removals over sync.max_remove_ratio"
                + " are held back",
            "sync.drop_guard: false is not followed; a side whose snapshot shrinks below"
                + " runtime.suspect_shrink_ratio of its last known size is neither written to"
                + " nor removed from",
            "sync.blackbox: is not followed; transient failures (rate limits, 5xx, timeouts) are"
                + " retried and stay planned, never parked; only items a service rejects 3 runs"
                + " in a row are parked for 30 days (cw state)");
  }

  @Test
  void valuesThatAgreeWithCrosswatchPassSilently() throws Exception {
    List<ConfigIssue> warnings =
        warnings(
            "{'sync': {'allow_mass_delete': false, 'drop_guard': true, 'dry_run': false,"
                + " 'include_observed_deletes': true}, "
                + TestConfigs.PROVIDERS
                + ", "
                + PAIR
                + "}");

    assertThat(warnings).isEmpty();
  }

  @Test
  void dryRunAndSkippedDeletesAreNotFollowedEither() throws Exception {
    List<ConfigIssue> warnings =
        warnings(
            "{'sync': {'dry_run': true, 'include_observed_deletes': false, 'allow_mass_delete':"
                + " 'maybe'}, "
                + TestConfigs.PROVIDERS
                + ", "
                + PAIR
                + "}");

    assertThat(warnings)
        .extracting(ConfigIssue::path)
        .containsExactly("sync.dry_run", "sync.include_observed_deletes");
    assertThat(warnings.get(0).message()).contains("cw plan");
  }

  @Test
  void unusedKeysAreOneLinePerBlockAndUnknownBlocksOneLineInAll() {
    List<ConfigIssue> warnings =
        List.of(
            ConfigIssue.warning("ui", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning("trakt.timeout", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning("sync.allow_mass_delete", "true is not followed; x"),
            ConfigIssue.warning("trakt.rate_limit", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning("trakt.instances.work.scope", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning("app_auth", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning(
                "runtime.apply_chunk_size_by_provider.KODI",
                "provider KODI is not available in this build; ignored"),
            ConfigIssue.warning("pairs[0].features.ratings.extra", UnknownKeys.UNKNOWN_KEY),
            ConfigIssue.warning("pairs", "no pairs configured"));

    assertThat(UnknownKeys.summarize(warnings))
        .containsExactly(
            "2 top-level blocks crosswatch does not use, ignored: ui, app_auth",
            "trakt: 3 keys crosswatch does not use, ignored",
            "sync.allow_mass_delete: true is not followed; x",
            "runtime.apply_chunk_size_by_provider.KODI: provider KODI is not available in this"
                + " build; ignored",
            "pairs[0].features.ratings.extra: unknown key, ignored",
            "pairs: no pairs configured");
    assertThat(UnknownKeys.each(warnings)).hasSize(warnings.size());
    assertThat(UnknownKeys.countUnused(warnings)).isEqualTo(7);
  }
}
