package io.crosswatch.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ApiUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The documented example summary, with the elided values filled in. */
  private static final String DOCUMENTED_EXAMPLE =
      """
      {"run_id": "20261128T061500Z-3f9a", "started_at": "2026-11-28T06:15:00Z",
       "finished_at": "2026-11-28T06:15:00.812Z", "duration_ms": 812,
       "dry_run": false, "exit_code": 0,
       "pairs": [{"id": "lib-to-backup", "mode": "one-way", "status": "ok", "reason": null,
         "source": "FILE:default", "target": "FILE:backup",
         "features": [{"feature": "watchlist", "status": "ok",
           "source_count": 50, "target_count": 48,
           "planned": {"source": {"add": 0, "remove": 0, "update": 0},
                       "target": {"add": 2, "remove": 0, "update": 0}},
           "applied": {"source": {"add": 0, "remove": 0, "update": 0},
                       "target": {"add": 2, "remove": 0, "update": 0}},
           "unresolved": 0, "blocked": 0, "chunks": 1, "warnings": [], "duration_ms": 9}]}],
       "totals": {"added": 2, "removed": 0, "updated": 0, "unresolved": 0, "blocked": 0},
       "api": {"TRAKT:default": {"requests": 5, "retries": 0, "rate_limited": 0,
                                 "by_endpoint": {"GET /sync/last_activities": 1}}}}
      """;

  private static RunSummary designExample() {
    FeatureSummary watchlist =
        new FeatureSummary(
            "watchlist",
            Status.OK,
            50,
            48,
            new SideCounts(OpCounts.ZERO, new OpCounts(2, 0, 0)),
            new SideCounts(OpCounts.ZERO, new OpCounts(2, 0, 0)),
            0,
            0,
            1,
            List.of(),
            9);
    PairSummary pair =
        new PairSummary(
            "lib-to-backup",
            "one-way",
            Status.OK,
            null,
            "FILE:default",
            "FILE:backup",
            List.of(watchlist));
    return new RunSummary(
        "20261128T061500Z-3f9a",
        Instant.parse("2026-11-28T06:15:00Z"),
        Instant.parse("2026-11-28T06:15:00.812Z"),
        812,
        false,
        0,
        List.of(pair),
        new Totals(2, 0, 0, 0, 0),
        Map.of("TRAKT:default", new ApiUsage(5, 0, 0, Map.of("GET /sync/last_activities", 1L))));
  }

  @Test
  void rendersTheDesignExampleExactly() {
    JsonNode actual = MAPPER.readTree(SummaryJson.toJson(designExample()));

    assertThat(actual).isEqualTo(MAPPER.readTree(DOCUMENTED_EXAMPLE));
  }

  @Test
  void hasEveryKeyPathOfTheDesignExampleAndNoOther() {
    JsonNode actual = MAPPER.readTree(SummaryJson.toJson(designExample()));

    assertThat(keyPaths(actual, ""))
        .containsExactlyElementsOf(keyPaths(MAPPER.readTree(DOCUMENTED_EXAMPLE), ""));
  }

  @Test
  void writesTopLevelKeysInTheDesignOrder() {
    JsonNode actual = MAPPER.readTree(SummaryJson.toJson(designExample()));

    assertThat(actual.propertyNames())
        .containsExactly(
            "run_id",
            "started_at",
            "finished_at",
            "duration_ms",
            "dry_run",
            "exit_code",
            "pairs",
            "totals",
            "api");
  }

  @Test
  void writesReasonOfAFailedPairAndNullTimesAsNull() {
    PairSummary failed =
        new PairSummary(
            "p",
            "two-way",
            Status.FAILED,
            "FILE:backup is down: file unreadable",
            "FILE:default",
            "FILE:backup",
            List.of());
    RunSummary summary =
        new RunSummary(
            "r",
            Instant.parse("2026-11-28T06:15:00.123456Z"),
            null,
            0,
            true,
            1,
            List.of(failed),
            new Totals(0, 0, 0, 0, 0),
            Map.of());

    JsonNode actual = MAPPER.readTree(SummaryJson.toJson(summary));

    assertThat(actual.get("pairs").get(0).get("reason").asString())
        .isEqualTo("FILE:backup is down: file unreadable");
    assertThat(actual.get("started_at").asString()).isEqualTo("2026-11-28T06:15:00.123Z");
    assertThat(actual.get("finished_at").isNull()).isTrue();
    assertThat(actual.get("dry_run").asBoolean()).isTrue();
    assertThat(actual.get("api").isObject()).isTrue();
    assertThat(actual.get("api").size()).isZero();
  }

  @Test
  void listsWarningsAsStrings() {
    FeatureSummary f =
        new FeatureSummary(
            "history",
            Status.BLOCKED,
            1,
            2,
            SideCounts.ZERO,
            SideCounts.ZERO,
            0,
            3,
            0,
            List.of("mass removal: 3 of 4 withheld"),
            5);
    PairSummary pair =
        new PairSummary("p", "one-way", Status.OK, null, "A:default", "B:default", List.of(f));
    RunSummary summary =
        new RunSummary(
            "r",
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            false,
            3,
            List.of(pair),
            new Totals(0, 0, 0, 0, 3),
            Map.of());

    JsonNode feature = MAPPER.readTree(SummaryJson.toJson(summary)).at("/pairs/0/features/0");

    assertThat(feature.get("status").asString()).isEqualTo("blocked");
    assertThat(feature.get("warnings").get(0).asString())
        .isEqualTo("mass removal: 3 of 4 withheld");
  }

  private static List<String> keyPaths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        String path = prefix + "/" + name;
        paths.add(path);
        paths.addAll(keyPaths(node.get(name), path));
      }
    } else if (node.isArray()) {
      Iterator<JsonNode> it = node.iterator();
      for (int i = 0; it.hasNext(); i++) {
        paths.addAll(keyPaths(it.next(), prefix + "/" + i));
      }
    }
    return paths;
  }
}
