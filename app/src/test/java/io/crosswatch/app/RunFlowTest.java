package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFlowTest {
  private static Config config(String... pairIds) {
    List<PairSettings> pairs =
        Arrays.stream(pairIds)
            .map(
                id ->
                    new PairSettings(
                        id, true, "FILE", "default", "FILE", "backup", SyncMode.ONE_WAY, Map.of()))
            .toList();
    return new Config(
        Path.of("/tmp/config.json"),
        RuntimeSettings.DEFAULTS,
        SyncSettings.DEFAULTS,
        Map.of(),
        pairs);
  }

  @Test
  void acceptsKnownPairIds() {
    assertThatCode(() -> RunFlow.checkPairIds(config("a", "b"), List.of("b", "a")))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownPairIsAUsageErrorNamingTheKnownOnes() {
    assertThatThrownBy(() -> RunFlow.checkPairIds(config("lib-to-backup", "b"), List.of("x", "b")))
        .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("unknown pair \"x\" (--pair); known pairs: lib-to-backup, b");
  }

  @Test
  void saysSoWhenTheConfigHasNoPairs() {
    assertThatThrownBy(() -> RunFlow.checkPairIds(config(), List.of("x")))
        .hasMessageEndingWith("known pairs: none");
  }
}
