package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code cw plan --out} then {@code cw apply}: exactly the reviewed changes are applied, rechecked
 * against the present; a plan that cannot be trusted is refused and nothing is written.
 */
class PlanApplyTest {
  private static final Instant T = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config(
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"enable\": true, \"add\": true,"
            + " \"remove\": true}, \"history\": true, \"ratings\": true}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T), listed(2, T))
            .with("history", played(3, T))
            .with("ratings", rated(4, 9, T))
            .json());
    ws.write(
        "b.json",
        Docs.doc().with("watchlist", listed(5, T)).with("ratings", rated(4, 6, T)).json());
  }

  private CliRun planTo(String file) {
    return ws.plan("--out", ws.path(file).toString());
  }

  private CliRun apply(String file, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "apply";
    args[1] = ws.path(file).toString();
    args[2] = "--config";
    args[3] = ws.config().toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    return ws.cw(withJson);
  }

  @Test
  void thePlanFileHoldsTheFormatTheConfigHashAndFullItems() {
    CliRun plan = planTo("plan.json");

    assertThat(plan.code()).as(plan.toString()).isZero();
    JsonNode doc = ws.json("plan.json");
    assertThat(doc.get("format").asString()).isEqualTo("crosswatch-plan/1");
    assertThat(doc.get("config_sha256").asString()).matches("[0-9a-f]{64}");
    assertThat(doc.get("created_at").asString()).isNotEmpty();
    JsonNode pair = doc.get("pairs").get(0);
    assertThat(pair.get("id").asString()).isEqualTo("p");
    JsonNode watchlist = feature(pair, "watchlist");
    assertThat(watchlist.get("target").get("add")).hasSize(2);
    assertThat(watchlist.get("target").get("remove")).isEmpty();
    JsonNode added = watchlist.get("target").get("add").get(0);
    assertThat(added.get("ids").get("imdb").asString()).isEqualTo("tt0000001");
    assertThat(added.get("listed_at").asString()).isEqualTo(T.toString());
    assertThat(feature(pair, "ratings").get("target").get("update").get(0).get("rating").asInt())
        .isEqualTo(9);
    assertThat(feature(pair, "history").get("target").get("add")).hasSize(1);
    assertThat(ws.items("b.json", "watchlist")).hasSize(1); // planning wrote nothing
  }

  private static JsonNode feature(JsonNode pair, String name) {
    for (JsonNode f : pair.get("features")) {
      if (f.get("feature").asString().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + name + " in " + pair);
  }

  @Test
  void applyWritesExactlyThePlannedChanges() {
    planTo("plan.json");
    // Changes made after the plan are not the plan's: they wait for the next run.
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T), listed(2, T), listed(8, T))
            .with("history", played(3, T))
            .with("ratings", rated(4, 9, T))
            .json());

    CliRun r = apply("plan.json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist"))
        .containsExactlyInAnyOrder(title(5), title(1), title(2));
    assertThat(ws.plays("b.json")).containsExactly(title(3) + " @ " + T);
    assertThat(ws.items("b.json", "ratings").get(0).get("rating").asInt()).isEqualTo(9);
    assertThat(r.applied("watchlist", "target", "add")).isEqualTo(2);
    assertThat(r.applied("ratings", "target", "update")).isEqualTo(1);
    assertThat(r.summary().get("totals").get("added").asInt()).isEqualTo(3);
  }

  @Test
  void aPlanAppliedTwiceChangesNothingTheSecondTime() throws IOException {
    planTo("plan.json");
    CliRun first = apply("plan.json");
    byte[] after = ws.bytes("b.json");

    CliRun second = apply("plan.json");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(ws.bytes("b.json")).isEqualTo(after);
    // Changes already in place count as applied, and nothing is journaled for them.
    assertThat(second.applied("watchlist", "target", "add")).isEqualTo(2);
    assertThat(second.summary().get("totals").get("added").asInt()).isEqualTo(3);
    assertThat(
            ws.events(second).stream().filter(e -> e.get("event").asString().equals("apply:chunk")))
        .isEmpty();
  }

  @Test
  void anEntryWhoseSourceChangedSinceIsSkippedWithAWarning() {
    planTo("plan.json");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T))
            .with("history", played(3, T))
            .with("ratings", rated(4, 7, T))
            .json());

    CliRun r = apply("plan.json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(5), title(1));
    assertThat(ws.items("b.json", "ratings").get(0).get("rating").asInt()).isEqualTo(6);
    assertThat(r.warnings("watchlist"))
        .contains("add of " + title(2))
        .contains("the source no longer holds it");
    assertThat(r.warnings("ratings")).contains("the source rates it 7 now");
  }

  @Test
  void aRemovalIsSkippedWhenTheSourceHoldsTheItemAgain() {
    ws.runThenWaitADay(); // baselines: b holds 1, 2, 5
    ws.write("a.json", doc("watchlist", listed(1, T)));
    CliRun plan = planTo("plan.json");
    assertThat(plan.code()).as(plan.toString()).isZero();
    ws.write("a.json", doc("watchlist", listed(1, T), listed(2, T)));

    CliRun r = apply("plan.json", "--feature", "watchlist");

    assertThat(ws.titles("b.json", "watchlist")).contains(title(2));
    assertThat(r.warnings("watchlist")).contains("the source holds it again");
  }

  @Test
  void aPlanOfAnotherConfigIsRefusedUnlessForced() throws IOException {
    planTo("plan.json");
    byte[] before = ws.bytes("b.json");
    Files.writeString(ws.config(), Files.readString(ws.config()) + " ");

    CliRun refused = apply("plan.json");

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).contains("was made under another config").contains("--force");
    assertThat(ws.bytes("b.json")).isEqualTo(before);

    CliRun forced = apply("plan.json", "--force");
    assertThat(forced.code()).as(forced.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).hasSize(3);
  }

  @Test
  void aTruncatedPlanIsRefusedAndNothingIsWritten() throws IOException {
    planTo("plan.json");
    String text = Files.readString(ws.path("plan.json"));
    ws.write("plan.json", text.substring(0, text.length() / 2));

    assertRefused("not a complete plan document");
  }

  @Test
  void aTamperedPlanIsRefusedAndNothingIsWritten() throws IOException {
    planTo("plan.json");
    String text = Files.readString(ws.path("plan.json"));
    ws.write("plan.json", text.replaceFirst("\"listed_at\"", "\"command\": \"rm\", \"listed_at\""));

    assertRefused("unknown key: crosswatch never writes it");
  }

  @Test
  void anItemOfAnUnknownTypeIsRefused() throws IOException {
    planTo("plan.json");
    String text = Files.readString(ws.path("plan.json"));
    ws.write("plan.json", text.replaceFirst("\"type\":\"movie\"", "\"type\":\"podcast\""));

    assertRefused("must be movie, show, season or episode");
  }

  @Test
  void aPlanOfAnUnknownFormatVersionIsRefused() throws IOException {
    planTo("plan.json");
    String text = Files.readString(ws.path("plan.json"));
    ws.write("plan.json", text.replace("crosswatch-plan/1", "crosswatch-plan/2"));

    assertRefused("a format this version cannot read");
  }

  private void assertRefused(String message) {
    byte[] before = ws.bytes("b.json");
    List<String> logsBefore = logs();

    CliRun r = apply("plan.json");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("plan.json").contains(message).contains("nothing was written");
    assertThat(ws.bytes("b.json")).isEqualTo(before);
    assertThat(logs()).isEqualTo(logsBefore);
  }

  private List<String> logs() {
    Path logs = ws.stateDir().resolve("logs");
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    try (var files = Files.list(logs)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
