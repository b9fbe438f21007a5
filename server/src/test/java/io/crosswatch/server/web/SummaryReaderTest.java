package io.crosswatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryReaderTest {
  private static final JsonNode SUMMARY =
      JsonMapper.builder()
          .build()
          .readTree(
              """
              {"run_id": "r1", "started_at": "2026-01-02T03:04:05Z",
               "finished_at": "2026-01-02T03:04:06Z", "duration_ms": 812, "dry_run": false,
               "exit_code": 3,
               "pairs": [
                 {"id": "a", "mode": "two-way", "status": "ok", "reason": null,
                  "source": "FILE:default", "target": "TRACKER:default",
                  "features": [
                    {"feature": "watchlist", "status": "ok", "source_count": 50, "target_count": 48,
                     "planned": {"source": {"add": 1, "remove": 0, "update": 0},
                                 "target": {"add": 2, "remove": 1, "update": 0}},
                     "applied": {"source": {"add": 1, "remove": 0, "update": 0},
                                 "target": {"add": 2, "remove": 1, "update": 0}},
                     "unresolved": 0, "blocked": 0, "chunks": 1, "warnings": [], "duration_ms": 9},
                    {"feature": "ratings", "status": "blocked", "source_count": 5, "target_count": 5,
                     "planned": {"source": {"add": 0, "remove": 0, "update": 0},
                                 "target": {"add": 0, "remove": 0, "update": 3}},
                     "applied": {"source": {"add": 0, "remove": 0, "update": 0},
                                 "target": {"add": 0, "remove": 0, "update": 2}},
                     "unresolved": 1, "blocked": 4, "chunks": 1,
                     "warnings": ["mass removal guard held back 4 removals"], "duration_ms": 3}]},
                 {"id": "b", "mode": "one-way", "status": "failed", "reason": "TRAKT: auth failed",
                  "source": "FILE:default", "target": "TRAKT:default", "features": []}],
               "totals": {"added": 3, "removed": 1, "updated": 2, "unresolved": 1, "blocked": 4}}
              """);

  @Test
  void aPairsResultAddsUpWhatWasAppliedToBothSidesWithWhatWasLeftOver() {
    Map<String, PairResult> results = SummaryReader.pairResults(SUMMARY);

    assertThat(results.get("a"))
        .isEqualTo(new PairResult("r1", "2026-01-02T03:04:06Z", "ok", false, 3, 1, 2, 1, 4));
    assertThat(results.get("a").tone()).isEqualTo("warn");
    assertThat(results.get("b").tone()).isEqualTo("bad");
  }

  @Test
  void theRunTableHasARowPerFeatureTheWarningsAndWhyAPairFailed() {
    SummaryView view = SummaryReader.view(SUMMARY);

    assertThat(view.rows()).hasSize(2);
    assertThat(view.rows().get(0).toTarget()).isEqualTo("+2 −1 ~0");
    assertThat(view.rows().get(0).toSource()).isEqualTo("+1 −0 ~0");
    assertThat(view.rows().get(1).tone()).isEqualTo("warn");
    assertThat(view.warnings())
        .containsExactly("a ratings: mass removal guard held back 4 removals");
    assertThat(view.pairProblems()).containsExactly("b failed: TRAKT: auth failed");
    assertThat(view.outcome()).isEqualTo("finished, but some items are unresolved or blocked");
    assertThat(view.tone()).isEqualTo("warn");
    assertThat(view.added()).isEqualTo(3);
  }
}
