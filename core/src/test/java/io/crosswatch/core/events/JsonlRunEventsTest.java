package io.crosswatch.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonlRunEventsTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T06:15:00.250Z"), ZoneOffset.UTC);

  @TempDir Path stateDir;

  @Test
  void createsTheLogsFolderAndNamesTheFileAfterTheRun() {
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "20261128T061500Z-3f9a", CLOCK)) {
      assertThat(events.file()).isEqualTo(stateDir.resolve("logs/20261128T061500Z-3f9a.jsonl"));
    }
    assertThat(stateDir.resolve("logs/20261128T061500Z-3f9a.jsonl")).isRegularFile();
  }

  @Test
  void writesOneObjectPerLineWithEventAndTimestampFirst() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pair", "lib-to-backup");
    fields.put("feature", Feature.WATCHLIST);
    fields.put("side", Side.TARGET);
    fields.put("count", 2);
    fields.put("bytes", 5_000_000_000L);
    fields.put("ratio", 0.5);
    fields.put("dry_run", false);
    fields.put("reason", null);
    fields.put("ops", List.of("add", "remove"));
    fields.put("by_side", Map.of("target", Map.of("add", 2)));
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r1", CLOCK)) {
      events.emit("run:start", Map.of("run_id", "r1"));
      events.emit("plan", fields);
    }

    List<String> lines = lines("r1");
    assertThat(lines).hasSize(2);
    JsonNode first = MAPPER.readTree(lines.get(0));
    assertThat(first.propertyNames()).containsExactly("event", "ts", "run_id");
    assertThat(first.get("event").asString()).isEqualTo("run:start");
    assertThat(first.get("ts").asString()).isEqualTo("2026-11-28T06:15:00.250Z");

    JsonNode plan = MAPPER.readTree(lines.get(1));
    assertThat(plan.propertyNames())
        .containsExactly(
            "event", "ts", "pair", "feature", "side", "count", "bytes", "ratio", "dry_run",
            "reason", "ops", "by_side");
    assertThat(plan.get("feature").asString()).isEqualTo("watchlist");
    assertThat(plan.get("side").asString()).isEqualTo("target");
    assertThat(plan.get("count").asInt()).isEqualTo(2);
    assertThat(plan.get("bytes").asLong()).isEqualTo(5_000_000_000L);
    assertThat(plan.get("ratio").asDouble()).isEqualTo(0.5);
    assertThat(plan.get("dry_run").isBoolean()).isTrue();
    assertThat(plan.get("reason").isNull()).isTrue();
    assertThat(plan.get("ops").get(1).asString()).isEqualTo("remove");
    assertThat(plan.at("/by_side/target/add").asInt()).isEqualTo(2);
  }

  @Test
  void writesItemsInTheNormalizedShapeAndTimesInUtc() throws IOException {
    Item matrix =
        Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093"))
            .withListedAt(Instant.parse("2026-01-02T03:04:05Z"));
    Clock paris = Clock.fixed(Instant.parse("2026-11-28T06:15:00Z"), ZoneId.of("Europe/Paris"));
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r2", paris)) {
      events.emit("apply:chunk", Map.of("items", List.of(matrix)));
    }

    JsonNode line = MAPPER.readTree(lines("r2").get(0));
    assertThat(line.get("ts").asString()).isEqualTo("2026-11-28T06:15:00Z");
    assertThat(line.at("/items/0/title").asString()).isEqualTo("The Matrix");
    assertThat(line.at("/items/0/ids/imdb").asString()).isEqualTo("tt0133093");
    assertThat(line.at("/items/0/listed_at").asString()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void dropsFieldsThatLookLikeSecretsAtAnyDepth() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", "TRAKT:default");
    fields.put("access_token", "s3cr3t-1");
    fields.put("client_secret", "s3cr3t-2");
    fields.put("Password", "s3cr3t-3");
    fields.put("api_key", "s3cr3t-4");
    fields.put("mdblistApiKey", "s3cr3t-5");
    fields.put("settings", Map.of("refresh-token", "s3cr3t-6", "base_url", "http://x"));
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r3", CLOCK)) {
      events.emit("health", fields);
    }

    String text = Files.readString(stateDir.resolve("logs/r3.jsonl"));
    assertThat(text).doesNotContain("s3cr3t");
    JsonNode line = MAPPER.readTree(text);
    assertThat(line.propertyNames()).containsExactly("event", "ts", "provider", "settings");
    assertThat(line.at("/settings/base_url").asString()).isEqualTo("http://x");
  }

  @Test
  void fieldsCannotOverrideEventOrTimestamp() throws IOException {
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r4", CLOCK)) {
      events.emit("guard", Map.of("event", "forged", "ts", "yesterday", "n", 1));
    }

    JsonNode line = MAPPER.readTree(lines("r4").get(0));
    assertThat(line.get("event").asString()).isEqualTo("guard");
    assertThat(line.get("ts").asString()).isEqualTo("2026-11-28T06:15:00.250Z");
    assertThat(line.size()).isEqualTo(3);
  }

  @Test
  void eachLineIsOnDiskBeforeTheWriterIsClosed() throws IOException {
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r5", CLOCK)) {
      events.emit("run:start", Map.of());
      assertThat(lines("r5")).hasSize(1);
      events.emit("run:done", Map.of("exit_code", 0));
      assertThat(lines("r5")).hasSize(2);
    }
  }

  @Test
  void appendsToAnExistingLogAndIgnoresEventsAfterClose() throws IOException {
    JsonlRunEvents first = JsonlRunEvents.open(stateDir, "r6", CLOCK);
    first.emit("run:start", Map.of());
    first.close();
    first.emit("late", Map.of());
    first.close();
    try (JsonlRunEvents second = JsonlRunEvents.open(stateDir, "r6", CLOCK)) {
      second.emit("run:done", Map.of());
    }

    assertThat(lines("r6"))
        .extracting(l -> MAPPER.readTree(l).get("event").asString())
        .containsExactly("run:start", "run:done");
  }

  @Test
  void keepsMultiLineStringsOnOneLine() throws IOException {
    try (JsonlRunEvents events = JsonlRunEvents.open(stateDir, "r7", CLOCK)) {
      events.emit("guard", Map.of("message", "line one\nline two"));
    }

    assertThat(lines("r7")).hasSize(1);
    assertThat(MAPPER.readTree(lines("r7").get(0)).get("message").asString())
        .isEqualTo("line one\nline two");
  }

  @Test
  void reportsAnUnwritableLogsFolderWithItsPath() throws IOException {
    Files.writeString(stateDir.resolve("logs"), "not a folder");

    assertThatThrownBy(() -> JsonlRunEvents.open(stateDir, "r8", CLOCK))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(stateDir.resolve("logs").toString());
  }

  private List<String> lines(String runId) throws IOException {
    String text =
        Files.readString(
            stateDir.resolve("logs").resolve(runId + ".jsonl"), StandardCharsets.UTF_8);
    return Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void decryptedConfigValuesAreMaskedInsideStringsAndTheLineStaysJson() {
    KnownSecrets.add("decrypted-events-secret-77");

    String line =
        JsonlRunEvents.line(
            "feature:done",
            CLOCK.instant(),
            Map.of("warnings", List.of("TRAKT refused \"decrypted-events-secret-77\""), "n", 7));

    assertThat(line).doesNotContain("decrypted-events-secret-77");
    JsonNode node = MAPPER.readTree(line);
    assertThat(node.get("warnings").get(0).asString()).isEqualTo("TRAKT refused \"***\"");
    assertThat(node.get("n").asInt()).isEqualTo(7);
  }
}
