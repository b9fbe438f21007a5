package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthCommandTest {
  private static final HealthReport OK =
      HealthReport.ok(Duration.ofMillis(12), Set.of(Feature.WATCHLIST, Feature.HISTORY));
  private static final HealthReport DEGRADED =
      new HealthReport(
          Status.DEGRADED,
          "rate budget low",
          Duration.ofMillis(80),
          Set.of(Feature.RATINGS),
          Map.of("remaining", "3"));

  @Test
  void exits0WhenEveryProviderIsUsable() {
    assertThat(HealthCommand.exitCode(Map.of("FILE:default", OK, "TRAKT:default", DEGRADED)))
        .isZero();
    assertThat(HealthCommand.exitCode(Map.of())).isZero();
  }

  @Test
  void exits1WhenAProviderIsDownOrRefusesAuth() {
    HealthReport down = HealthReport.down("connection refused", Duration.ofMillis(3));
    HealthReport auth =
        new HealthReport(
            Status.AUTH_FAILED,
            "token expired; run the login again",
            Duration.ZERO,
            Set.of(),
            Map.of());

    assertThat(HealthCommand.exitCode(Map.of("FILE:default", OK, "PLEX:default", down)))
        .isEqualTo(1);
    assertThat(HealthCommand.exitCode(Map.of("TRAKT:default", auth))).isEqualTo(1);
  }

  @Test
  void jsonListsEachProviderWithStatusLatencyFeaturesAndMessage() {
    JsonNode root =
        JsonMapper.builder()
            .build()
            .readTree(
                HealthCommand.toJson(Map.of("TRAKT:default", DEGRADED, "FILE:default", OK), 0));

    assertThat(root.get("exit_code").asInt()).isZero();
    JsonNode file = root.at("/providers/0");
    assertThat(file.get("provider").asString()).isEqualTo("FILE:default");
    assertThat(file.get("status").asString()).isEqualTo("ok");
    assertThat(file.get("latency_ms").asLong()).isEqualTo(12);
    assertThat(file.get("features").toString()).isEqualTo("[\"watchlist\",\"history\"]");
    JsonNode trakt = root.at("/providers/1");
    assertThat(trakt.get("status").asString()).isEqualTo("degraded");
    assertThat(trakt.get("message").asString()).isEqualTo("rate budget low");
    assertThat(trakt.at("/details/remaining").asString()).isEqualTo("3");
  }
}
