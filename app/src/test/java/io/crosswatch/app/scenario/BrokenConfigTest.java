package io.crosswatch.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken config ends {@code cw run --json} with exit 2, nothing on stdout, nothing written, and
 * stderr naming where the problem is: the JSON path, or line and column for a syntax error. (Single
 * quotes in the cases stand for double quotes.)
 */
class BrokenConfigTest {
  private static final String FILE =
      "'file': {'path': 'a.json', 'instances': {'b': {'path': 'b.json'}}}";
  private static final String PAIR =
      "'id': 'p', 'source': 'FILE', 'target': 'FILE', 'target_instance': 'b'";

  @TempDir Path dir;

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        // runtime
        broken("{'runtime': [], " + FILE + ", 'pairs': [{" + PAIR + "}]}", "runtime: "),
        broken(
            "{"
                + FILE
                + ", 'jellyfin': {'server': ''}, 'pairs': [{'source': 'FILE',"
                + " 'target': 'JELLYFIN', 'features': {'history': true}}]}",
            "jellyfin.server: is required"),
        broken(
            "{"
                + FILE
                + ", 'pairs': [{'source': 'FILE', 'target': 'EMBY',"
                + " 'features': {'history': true}}]}",
            "emby.server: is required"),
        broken(runtime("'debug': 'yes'"), "runtime.debug: "),
        broken(runtime("'debug_http': 1"), "runtime.debug_http: "),
        broken(runtime("'state_dir': 42"), "runtime.state_dir: "),
        broken(runtime("'telemetry': true"), "runtime.telemetry: "),
        broken(runtime("'telemetry': {'enabled': 'no'}"), "runtime.telemetry.enabled: "),
        broken(runtime("'snapshot_ttl_sec': -1"), "runtime.snapshot_ttl_sec: "),
        broken(runtime("'apply_chunk_size': 0"), "runtime.apply_chunk_size: "),
        broken(runtime("'apply_chunk_size': '100'"), "runtime.apply_chunk_size: "),
        broken(runtime("'apply_chunk_size': 2.5"), "runtime.apply_chunk_size: "),
        broken(runtime("'apply_chunk_pause_ms': -50"), "runtime.apply_chunk_pause_ms: "),
        broken(
            runtime("'apply_chunk_size_by_provider': 500"),
            "runtime.apply_chunk_size_by_provider: "),
        broken(
            runtime("'apply_chunk_size_by_provider': {'K-ODI': 5}"),
            "runtime.apply_chunk_size_by_provider.K-ODI: "),
        broken(
            runtime("'apply_chunk_size_by_provider': {'FILE': 0}"),
            "runtime.apply_chunk_size_by_provider.FILE: "),
        broken(runtime("'suspect_min_prev': -3"), "runtime.suspect_min_prev: "),
        broken(runtime("'suspect_shrink_ratio': 1.5"), "runtime.suspect_shrink_ratio: "),
        broken(runtime("'keep_run_logs': 0"), "runtime.keep_run_logs: "),
        broken(runtime("'keep_run_logs': -1"), "runtime.keep_run_logs: "),
        broken(runtime("'keep_run_logs': '200'"), "runtime.keep_run_logs: "),
        // sync
        broken("{'sync': 'mirror', " + FILE + ", 'pairs': [{" + PAIR + "}]}", "sync: "),
        broken(sync("'one_way_remove_mode': 'delete'"), "sync.one_way_remove_mode: "),
        broken(sync("'tombstone_ttl_days': -1"), "sync.tombstone_ttl_days: "),
        broken(sync("'max_remove_ratio': 2"), "sync.max_remove_ratio: "),
        broken(sync("'history_match_window_sec': '60'"), "sync.history_match_window_sec: "),
        // provider blocks
        broken("{'file': 'a.json', 'pairs': [{" + PAIR + "}]}", "file: "),
        broken("{'file': {'path': ''}, 'pairs': []}", "file.path: "),
        broken("{'file': {'path': 'a.json', 'instances': ['b']}}", "file.instances: "),
        broken(
            "{'file': {'path': 'a.json', 'instances': {'b': {}}}, 'pairs': [{" + PAIR + "}]}",
            "file.instances.b.path: "),
        broken(
            "{'file': {'path': 'a.json', 'instances': {'b': {'path': 7}}},"
                + " 'pairs': [{"
                + PAIR
                + "}]}",
            "file.instances.b.path: "),
        // pairs
        broken("{" + FILE + ", 'pairs': {}}", "pairs: "),
        broken("{" + FILE + ", 'pairs': ['FILE']}", "pairs[0]: "),
        broken(pair(PAIR + ", 'mode': 'both'"), "pairs[0].mode: "),
        broken(pair("'id': 'p', 'target': 'FILE', 'target_instance': 'b'"), "pairs[0].source: "),
        broken(pair("'id': 'p', 'source': 'FILE', 'target': 7"), "pairs[0].target: "),
        broken(
            pair("'id': 'p', 'source': 'FOO', 'target': 'FILE', 'target_instance': 'b'"),
            "pairs[0].source: "),
        broken(
            pair("'id': 'p', 'source': 'FILE', 'target': 'FILE', 'target_instance': 'bakup'"),
            "pairs[0].target_instance: "),
        broken(
            pair(
                "'id': 'p', 'source': 'FILE', 'source_instance': 1, 'target': 'FILE',"
                    + " 'target_instance': 'b'"),
            "pairs[0].source_instance: "),
        broken(pair("'id': 'p', 'source': 'FILE', 'target': 'FILE'"), "pairs[0]: "),
        broken(pair(PAIR + ", 'enabled': 'yes'"), "pairs[0].enabled: "),
        broken(pair(PAIR.replace("'p'", "''")), "pairs[0].id: "),
        broken(pair(PAIR + ", 'features': 'all'"), "pairs[0].features: "),
        broken(pair(PAIR + ", 'features': {'watchlist': 'yes'}"), "pairs[0].features.watchlist: "),
        broken(
            pair(PAIR + ", 'features': {'history': {'rewatches': 'no'}}"),
            "pairs[0].features.history.rewatches: "),
        broken(
            pair(PAIR + ", 'features': {'ratings': {'remove': 1}}"),
            "pairs[0].features.ratings.remove: "),
        broken("{" + FILE + ", 'pairs': [{" + PAIR + "}, {" + PAIR + "}]}", "pairs[1].id: "),
        // syntax
        broken("{\n  'runtime': {\n    'debug': tru\n  }\n}", "line 3, column"),
        broken("{'pairs': [\n  {'mode': 'one-way',\n   'mode': 'two-way'}]}", "line 3, column"),
        broken("{'runtime': {'debug': true}", "line 1, column"),
        brokenRaw("", "the file is empty"));
  }

  private static String runtime(String members) {
    return "{'runtime': {" + members + "}, " + FILE + ", 'pairs': [{" + PAIR + "}]}";
  }

  private static String sync(String members) {
    return "{'sync': {" + members + "}, " + FILE + ", 'pairs': [{" + PAIR + "}]}";
  }

  private static String pair(String members) {
    return "{" + FILE + ", 'pairs': [{" + members + "}]}";
  }

  private static Arguments broken(String config, String where) {
    return Arguments.of(config.replace('\'', '"'), where);
  }

  private static Arguments brokenRaw(String config, String where) {
    return Arguments.of(config, where);
  }

  @ParameterizedTest
  @MethodSource("brokenConfigs")
  void aBrokenConfigExits2WithNothingOnStdoutAndStderrNamingWhere(String config, String where) {
    Workspace ws = new Workspace(dir);
    ws.write("config.json", config);
    ws.write("a.json", Docs.doc("watchlist", Docs.listed(1, Workspace.START)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(where);
    assertThat(ws.path("b.json")).doesNotExist();
    assertThat(ws.stateDir()).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("brokenConfigs")
  void validateReportsTheSameProblem(String config, String where) {
    Workspace ws = new Workspace(dir);
    ws.write("config.json", config);

    CliRun r = ws.cw("validate", "--config", ws.config().toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(where);
  }
}
