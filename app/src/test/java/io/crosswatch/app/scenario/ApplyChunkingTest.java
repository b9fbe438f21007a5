package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listedRange;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Apply chunking: writes go in chunks of {@code apply_chunk_size_by_provider[PROVIDER]} when the
 * config names the provider, else of the provider's own preferred size, else {@code
 * apply_chunk_size}; local providers (FILE, TRACKER) take each operation of a feature in one chunk
 * unless the config names them, and never pause between chunks. Within a feature removes come
 * first, then updates, then adds; history before watchlist. Each chunk is one {@code apply:chunk}
 * event (with its size, where the size came from and the pause before it) and counts in the
 * summary's {@code chunks}.
 */
class ApplyChunkingTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.write("a.json", doc("watchlist", listedRange(1, 7, AT)));
  }

  private List<JsonNode> chunkEvents(CliRun r) {
    return ws.events(r).stream()
        .filter(e -> e.get("event").asString().equals("apply:chunk"))
        .toList();
  }

  /** {@code feature op chunk/of items from pause} of each chunk event. */
  private List<String> chunks(CliRun r) {
    return chunkEvents(r).stream()
        .map(
            e ->
                e.get("feature").asString()
                    + " "
                    + e.get("op").asString()
                    + " "
                    + e.get("chunk").asInt()
                    + "/"
                    + e.get("of").asInt()
                    + " "
                    + e.get("items").asInt()
                    + " "
                    + e.get("chunk_size_from").asString()
                    + " "
                    + e.get("pause_ms").asInt())
        .toList();
  }

  /** A config with the default runtime (no chunk or pause settings) and one FILE → target pair. */
  private void defaultRuntime(String runtimeExtra, String target, String targetInstance) {
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\""
            + runtimeExtra
            + "},\n"
            + " \"file\": {\"path\": \"a.json\", \"instances\": {\"b\": {\"path\": \"b.json\"}}},\n"
            + " \"tracker\": {},\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \""
            + target
            + "\", \"target_instance\": \""
            + targetInstance
            + "\", \"mode\": \"one-way\", \"features\": {\"watchlist\": true,"
            + " \"history\": {\"enable\": true, \"rewatches\": true}, \"ratings\": true}}]}\n");
  }

  private void largeLibrary() {
    Docs d = Docs.doc().with("watchlist", listedRange(1, 250, AT));
    String[] plays = new String[230];
    String[] ratings = new String[120];
    for (int i = 0; i < plays.length; i++) {
      plays[i] = played(1000 + i, AT.plusSeconds(i));
    }
    for (int i = 0; i < ratings.length; i++) {
      ratings[i] = rated(2000 + i, 1 + i % 10, AT);
    }
    ws.write("a.json", d.with("history", plays).with("ratings", ratings).json());
  }

  @Test
  void withTheDefaultRuntimeFileToFileWritesEachOperationInOneChunkWithoutPauses() {
    defaultRuntime("", "FILE", "b");
    largeLibrary();

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(chunks(r))
        .containsExactly(
            "history add 1/1 230 local 0",
            "watchlist add 1/1 250 local 0",
            "ratings add 1/1 120 local 0");
    assertThat(ws.titles("b.json", "watchlist")).hasSize(250);
    assertThat(ws.plays("b.json")).hasSize(230);
  }

  @Test
  void withTheDefaultRuntimeFileToTrackerWritesEachOperationInOneChunkWithoutPauses() {
    defaultRuntime("", "TRACKER", "default");
    largeLibrary();

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(chunks(r))
        .containsExactly(
            "history add 1/1 230 local 0",
            "watchlist add 1/1 250 local 0",
            "ratings add 1/1 120 local 0");
    assertThat(r.feature("history").get("target_count").asInt()).isZero();
    assertThat(ws.run().nonZeroPlanned()).as("everything arrived").isEmpty();
  }

  @Test
  void aFileChunkSizeInTheConfigIsUsedAndStillWithoutPauses() {
    defaultRuntime(", \"apply_chunk_size_by_provider\": {\"FILE\": 100}", "FILE", "b");
    largeLibrary();

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(chunks(r))
        .containsExactly(
            "history add 1/3 100 config 0",
            "history add 2/3 100 config 0",
            "history add 3/3 30 config 0",
            "watchlist add 1/3 100 config 0",
            "watchlist add 2/3 100 config 0",
            "watchlist add 3/3 50 config 0",
            "ratings add 1/2 100 config 0",
            "ratings add 2/2 20 config 0");
    assertThat(ws.titles("b.json", "watchlist")).hasSize(250);
  }

  @Test
  void aTrackerChunkSizeInTheConfigIsUsed() {
    defaultRuntime(", \"apply_chunk_size_by_provider\": {\"TRACKER\": 200}", "TRACKER", "default");
    largeLibrary();

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(chunks(r))
        .containsExactly(
            "history add 1/2 200 config 0",
            "history add 2/2 30 config 0",
            "watchlist add 1/2 200 config 0",
            "watchlist add 2/2 50 config 0",
            "ratings add 1/1 120 config 0");
  }

  @Test
  void theGeneralChunkSizeDoesNotSplitWritesToALocalProvider() {
    ws.config(
        "\"apply_chunk_size\": 2, \"apply_chunk_size_by_provider\": {\"SIMKL\": 500}",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");

    CliRun r = ws.run();

    assertThat(r.feature("watchlist").get("chunks").asInt()).isEqualTo(1);
    assertThat(chunks(r)).containsExactly("watchlist add 1/1 7 local 0");
  }

  @Test
  void withinAFeatureRemovesComeFirstThenUpdatesThenAdds() {
    ws.config(
        "\"apply_chunk_size_by_provider\": {\"FILE\": 1}",
        "\"one_way_remove_mode\": \"mirror\"",
        "\"mode\": \"one-way\", \"features\": {\"ratings\": {\"remove\": true}}");
    ws.write("a.json", doc("ratings", rated(1, 5, AT), rated(2, 6, AT), rated(3, 7, AT)));
    ws.write("b.json", doc("ratings", rated(1, 3, AT), rated(4, 2, AT), rated(5, 2, AT)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.feature("ratings").get("chunks").asInt()).isEqualTo(5);
    assertThat(chunkEvents(r))
        .extracting(e -> e.get("op").asString())
        .containsExactly("remove", "remove", "update", "add", "add");
  }

  @Test
  void historyIsAppliedBeforeTheWatchlist() {
    ws.config(
        "\"apply_chunk_size_by_provider\": {\"FILE\": 2}",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true, \"history\": true}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listedRange(1, 3, AT))
            .with("history", played(4, AT), played(5, AT), played(6, AT))
            .json());

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    List<String> order =
        ws.events(r).stream()
            .filter(
                e -> List.of("feature:start", "apply:chunk").contains(e.get("event").asString()))
            .map(e -> e.get("event").asString() + " " + e.get("feature").asString())
            .toList();
    assertThat(order)
        .containsExactly(
            "feature:start history",
            "apply:chunk history",
            "apply:chunk history",
            "feature:start watchlist",
            "apply:chunk watchlist",
            "apply:chunk watchlist");
  }
}
