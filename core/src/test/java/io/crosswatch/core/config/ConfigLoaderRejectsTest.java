package io.crosswatch.core.config;

import static io.crosswatch.core.config.TestConfigs.json;
import static io.crosswatch.core.config.TestConfigs.withPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.provider.ConfigIssue;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken configs: each yields exactly one error, which starts with the JSON path of the problem
 * ({@code CONFIG} stands for the config file's path).
 */
class ConfigLoaderRejectsTest {
  private static final String KNOWN =
      "(known: FILE, TRACKER, TRAKT, SIMKL, MDBLIST, PLEX, JELLYFIN, EMBY";

  @TempDir Path dir;

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        // file and syntax
        broken("empty file", "", "CONFIG: the file is empty"),
        broken("blank file", " \n\t\n", "CONFIG: the file is empty"),
        broken(
            "root is an array", "[]", "CONFIG: the top level must be a JSON object, got an array"),
        broken(
            "root is a string", "\"x\"", "CONFIG: the top level must be a JSON object, got \"x\""),
        broken(
            "invalid literal",
            "{\n  \"runtime\": {\n    \"debug\": tru\n  }\n}",
            "CONFIG line 3, column 14: Unrecognized token (an unquoted value)"),
        broken(
            "missing comma",
            "{\n  \"pairs\": [\n    {\"id\": \"a\" \"enabled\": true}\n  ]\n}",
            "CONFIG line 3, column 16: Unexpected character ('\"' (code 34)):"
                + " was expecting comma to separate Object entries (near pairs[0].id)"),
        broken(
            "unclosed object",
            "{\"runtime\": {\"debug\": true}",
            "CONFIG line 1, column 28: unexpected end of file"),
        broken(
            "trailing content",
            "{}\n{}",
            "CONFIG line 2, column 1: unexpected content after the top-level object"),
        broken("comment", "// settings\n{}", "CONFIG line 1, column 1: Unexpected character ('/'"),
        broken(
            "duplicate key",
            "{\"pairs\": [\n  {\"mode\": \"one-way\",\n   \"mode\": \"two-way\"}]}",
            "CONFIG line 3, column 10: duplicate key \"mode\" in pairs[0]"),
        broken(
            "duplicate top-level key",
            "{\"runtime\": {},\n \"runtime\": {}}",
            "CONFIG line 2, column 11: duplicate key \"runtime\" in the top-level object"),
        // runtime
        broken(
            "runtime not an object", "{'runtime': []}", "runtime: must be an object, got an array"),
        broken(
            "string for boolean",
            "{'runtime': {'debug': 'yes'}}",
            "runtime.debug: must be true or false, got \"yes\""),
        broken(
            "number for boolean",
            "{'runtime': {'debug_http': 1}}",
            "runtime.debug_http: must be true or false, got 1"),
        broken(
            "null for boolean",
            "{'runtime': {'debug_mods': null}}",
            "runtime.debug_mods: must be true or false, got null"),
        broken(
            "number for state_dir",
            "{'runtime': {'state_dir': 42}}",
            "runtime.state_dir: must be a string, got 42"),
        broken(
            "telemetry not an object",
            "{'runtime': {'telemetry': true}}",
            "runtime.telemetry: must be an object, got true"),
        broken(
            "telemetry.enabled not a boolean",
            "{'runtime': {'telemetry': {'enabled': 'no'}}}",
            "runtime.telemetry.enabled: must be true or false, got \"no\""),
        broken(
            "negative snapshot ttl",
            "{'runtime': {'snapshot_ttl_sec': -1}}",
            "runtime.snapshot_ttl_sec: must be an integer ≥ 0, got -1"),
        broken(
            "negative chunk size",
            "{'runtime': {'apply_chunk_size': -5}}",
            "runtime.apply_chunk_size: must be an integer ≥ 1, got -5"),
        broken(
            "zero chunk size",
            "{'runtime': {'apply_chunk_size': 0}}",
            "runtime.apply_chunk_size: must be an integer ≥ 1, got 0"),
        broken(
            "string chunk size",
            "{'runtime': {'apply_chunk_size': '100'}}",
            "runtime.apply_chunk_size: must be an integer ≥ 1, got \"100\""),
        broken(
            "fractional chunk size",
            "{'runtime': {'apply_chunk_size': 1.5}}",
            "runtime.apply_chunk_size: must be an integer ≥ 1, got 1.5"),
        broken(
            "huge chunk size",
            "{'runtime': {'apply_chunk_size': 99999999999}}",
            "runtime.apply_chunk_size: must be an integer from 1 to 2147483647, got 99999999999"),
        broken(
            "negative chunk pause",
            "{'runtime': {'apply_chunk_pause_ms': -50}}",
            "runtime.apply_chunk_pause_ms: must be an integer ≥ 0, got -50"),
        broken(
            "chunk sizes not an object",
            "{'runtime': {'apply_chunk_size_by_provider': 500}}",
            "runtime.apply_chunk_size_by_provider: must be an object, got 500"),
        broken(
            "chunk size of unknown provider",
            "{'runtime': {'apply_chunk_size_by_provider': {'K-ODI': 500}}}",
            "runtime.apply_chunk_size_by_provider.K-ODI: unknown provider \"K-ODI\" "
                + KNOWN
                + ")"),
        broken(
            "chunk size of lower-case provider",
            "{'runtime': {'apply_chunk_size_by_provider': {'simkl': 5}}}",
            "runtime.apply_chunk_size_by_provider.simkl: unknown provider \"simkl\" "
                + KNOWN
                + "; provider names are upper case)"),
        broken(
            "zero provider chunk size",
            "{'runtime': {'apply_chunk_size_by_provider': {'SIMKL': 0}}}",
            "runtime.apply_chunk_size_by_provider.SIMKL: must be an integer ≥ 1, got 0"),
        broken(
            "negative suspect_min_prev",
            "{'runtime': {'suspect_min_prev': -3}}",
            "runtime.suspect_min_prev: must be an integer ≥ 0, got -3"),
        broken(
            "shrink ratio above 1",
            "{'runtime': {'suspect_shrink_ratio': 1.5}}",
            "runtime.suspect_shrink_ratio: must be a number between 0 and 1, got 1.5"),
        broken(
            "negative shrink ratio",
            "{'runtime': {'suspect_shrink_ratio': -0.1}}",
            "runtime.suspect_shrink_ratio: must be a number between 0 and 1, got -0.1"),
        broken(
            "string shrink ratio",
            "{'runtime': {'suspect_shrink_ratio': '0.1'}}",
            "runtime.suspect_shrink_ratio: must be a number between 0 and 1, got \"0.1\""),
        broken(
            "zero kept run logs",
            "{'runtime': {'keep_run_logs': 0}}",
            "runtime.keep_run_logs: must be an integer ≥ 1, got 0"),
        broken(
            "negative kept run logs",
            "{'runtime': {'keep_run_logs': -5}}",
            "runtime.keep_run_logs: must be an integer ≥ 1, got -5"),
        broken(
            "string kept run logs",
            "{'runtime': {'keep_run_logs': '200'}}",
            "runtime.keep_run_logs: must be an integer ≥ 1, got \"200\""),
        broken(
            "fractional kept run logs",
            "{'runtime': {'keep_run_logs': 2.5}}",
            "runtime.keep_run_logs: must be an integer ≥ 1, got 2.5"),
        // sync
        broken(
            "sync not an object", "{'sync': 'mirror'}", "sync: must be an object, got \"mirror\""),
        broken(
            "unknown remove mode",
            "{'sync': {'one_way_remove_mode': 'delete'}}",
            "sync.one_way_remove_mode: must be \"source_deletes\" or \"mirror\", got \"delete\""),
        broken(
            "negative tombstone ttl",
            "{'sync': {'tombstone_ttl_days': -1}}",
            "sync.tombstone_ttl_days: must be an integer ≥ 0, got -1"),
        broken(
            "remove ratio above 1",
            "{'sync': {'max_remove_ratio': 2}}",
            "sync.max_remove_ratio: must be a number between 0 and 1, got 2"),
        broken(
            "string match window",
            "{'sync': {'history_match_window_sec': '60'}}",
            "sync.history_match_window_sec: must be an integer ≥ 0, got \"60\""),
        // provider blocks
        broken(
            "provider block not an object",
            "{'file': 'library.json'}",
            "file: must be an object, got \"library.json\""),
        broken(
            "provider settings rejected",
            "{'file': {'path': ''}}",
            "file.path: must be a non-empty string"),
        broken(
            "instances not an object",
            "{'file': {'path': 'a', 'instances': ['b']}}",
            "file.instances: must be an object, got an array"),
        broken(
            "instance not an object",
            "{'file': {'path': 'a', 'instances': {'backup': 'b.json'}}}",
            "file.instances.backup: must be an object, got \"b.json\""),
        broken(
            "named instance rejected",
            "{'file': {'path': 'a', 'instances': {'backup': {}}}}",
            "file.instances.backup.path: is required"),
        broken(
            "instance named default",
            "{'file': {'path': 'a', 'instances': {'default': {'path': 'b'}}}}",
            "file.instances.default: instance name must be non-empty and not \"default\""),
        broken(
            "broken block used by a pair",
            "{'file': [], 'pairs': [{'source': 'FILE', 'target': 'TRACKER'}]}",
            "file: must be an object, got an array"),
        broken(
            "broken instance used by a pair",
            "{'file': {'path': 'a', 'instances': {'b': 1}},"
                + " 'pairs': [{'source': 'FILE', 'source_instance': 'b', 'target': 'TRACKER'}]}",
            "file.instances.b: must be an object, got 1"),
        // pairs
        broken(
            "pairs not an array",
            "{'pairs': {}}",
            "pairs: must be an array of pairs, got an object"),
        broken(
            "pair not an object",
            "{'pairs': ['FILE']}",
            "pairs[0]: must be an object, got \"FILE\""),
        broken(
            "unknown mode",
            withPair("{'source': 'FILE', 'target': 'TRACKER', 'mode': 'both'}"),
            "pairs[0].mode: must be \"one-way\" or \"two-way\", got \"both\""),
        broken(
            "missing source",
            withPair("{'target': 'TRACKER'}"),
            "pairs[0].source: is required: one of FILE, TRACKER, TRAKT, SIMKL, MDBLIST, PLEX,"
                + " JELLYFIN, EMBY"),
        broken(
            "missing target",
            withPair("{'source': 'FILE'}"),
            "pairs[0].target: is required: one of FILE,"),
        broken(
            "number for target",
            withPair("{'source': 'FILE', 'target': 7}"),
            "pairs[0].target: must be a provider name (FILE, TRACKER, TRAKT, SIMKL, MDBLIST, PLEX,"
                + " JELLYFIN, EMBY), got 7"),
        broken(
            "unknown provider",
            withPair("{'source': 'FOO', 'target': 'TRACKER'}"),
            "pairs[0].source: unknown provider \"FOO\" " + KNOWN + ")"),
        broken(
            "lower-case provider",
            withPair("{'source': 'file', 'target': 'TRACKER'}"),
            "pairs[0].source: unknown provider \"file\" "
                + KNOWN
                + "; provider names are upper case)"),
        broken(
            "unknown instance",
            withPair("{'source': 'FILE', 'target': 'FILE', 'target_instance': 'bakup'}"),
            "pairs[0].target_instance: FILE has no instance \"bakup\" (known: default, backup)"),
        broken(
            "number for instance",
            withPair("{'source': 'FILE', 'source_instance': 1, 'target': 'TRACKER'}"),
            "pairs[0].source_instance: must be a string, got 1"),
        broken(
            "same source and target",
            withPair("{'source': 'FILE', 'target': 'FILE'}"),
            "pairs[0]: source and target are the same instance FILE:default"),
        broken(
            "provider not configured",
            "{'pairs': [{'source': 'TRACKER', 'target': 'FILE'}]}",
            "pairs[0].target: provider FILE is not configured (add a \"file\" block)"),
        broken(
            "string for enabled",
            withPair("{'enabled': 'yes', 'source': 'FILE', 'target': 'TRACKER'}"),
            "pairs[0].enabled: must be true or false, got \"yes\""),
        broken(
            "empty id",
            withPair("{'id': '', 'source': 'FILE', 'target': 'TRACKER'}"),
            "pairs[0].id: must be a non-empty string (or left out for \"pair-1\")"),
        broken(
            "number for id",
            withPair("{'id': 5, 'source': 'FILE', 'target': 'TRACKER'}"),
            "pairs[0].id: must be a string, got 5"),
        broken(
            "duplicate ids",
            withPair(
                "{'id': 'a', 'source': 'FILE', 'target': 'TRACKER'}, {'id': 'a', 'source': 'TRACKER', 'target': 'FILE'}"),
            "pairs[1].id: duplicate pair id \"a\" (also used by pairs[0])"),
        broken(
            "default id already taken",
            withPair(
                "{'id': 'pair-2', 'source': 'FILE', 'target': 'TRACKER'}, {'source': 'TRACKER', 'target': 'FILE'}"),
            "pairs[1].id: is missing and the default id \"pair-2\" is taken by pairs[0]"),
        broken(
            "features not an object",
            withPair("{'source': 'FILE', 'target': 'TRACKER', 'features': ['watchlist']}"),
            "pairs[0].features: must be an object, got an array"),
        broken(
            "string for feature",
            withPair("{'source': 'FILE', 'target': 'TRACKER', 'features': {'watchlist': 'yes'}}"),
            "pairs[0].features.watchlist: must be true, false or an object, got \"yes\""),
        broken(
            "string for feature flag",
            withPair(
                "{'source': 'FILE', 'target': 'TRACKER', 'features': {'history': {'remove': 'no'}}}"),
            "pairs[0].features.history.remove: must be true or false, got \"no\""),
        broken(
            "number for rewatches",
            withPair(
                "{'source': 'FILE', 'target': 'TRACKER', 'features': {'history': {'rewatches': 0}}}"),
            "pairs[0].features.history.rewatches: must be true or false, got 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigs")
  void isRejectedNamingThePath(String name, String text, String expected) {
    Path file = TestConfigs.write(dir, text);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(TestConfigs.REGISTRY).load(file));

    assertThat(e).as("no ConfigException for: %s", name).isNotNull();
    assertThat(e.errors())
        .singleElement()
        .extracting(ConfigIssue::toString)
        .asString()
        .startsWith(expected.replace("CONFIG", file.toString()));
    assertThat(e.getMessage()).isEqualTo(e.errors().get(0).toString());
  }

  /** A case; single quotes in {@code text} become double quotes unless it is raw JSON. */
  private static Arguments broken(String name, String text, String expected) {
    boolean raw = text.isEmpty() || !text.contains("'");
    return Arguments.of(name, raw ? text : json(text), expected);
  }
}
