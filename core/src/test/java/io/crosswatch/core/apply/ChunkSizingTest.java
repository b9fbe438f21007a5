package io.crosswatch.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkSizingTest {
  private static final RuntimeSettings DEFAULTS = RuntimeSettings.DEFAULTS;

  private static RuntimeSettings naming(String provider, int size) {
    RuntimeSettings d = DEFAULTS;
    return new RuntimeSettings(
        d.debug(),
        d.debugHttp(),
        d.debugMods(),
        d.stateDir(),
        d.telemetryEnabled(),
        d.snapshotTtlSec(),
        d.applyChunkSize(),
        d.applyChunkPauseMs(),
        Map.of(provider, size),
        d.suspectMinPrev(),
        d.suspectShrinkRatio(),
        d.keepRunLogs());
  }

  @Test
  void aLocalProviderWritesTheWholeOperationInOneChunkWithoutPauses() {
    ChunkSizing s = ChunkSizing.of(DEFAULTS, new Stub(true, null), Feature.HISTORY, WriteOp.ADD, 9);
    assertThat(s.size()).isEqualTo(9);
    assertThat(s.pause()).isEqualTo(Duration.ZERO);
    assertThat(s.source()).isEqualTo("local");
  }

  @Test
  void aSizeTheConfigGivesTheProviderWinsAndLocalProvidersStillDoNotPause() {
    ChunkSizing s =
        ChunkSizing.of(
            naming("STUB", 7), new Stub(true, 1000), Feature.HISTORY, WriteOp.ADD, 100_000);
    assertThat(s.size()).isEqualTo(7);
    assertThat(s.pause()).isEqualTo(Duration.ZERO);
    assertThat(s.source()).isEqualTo("config");
  }

  @Test
  void aNetworkProviderUsesItsPreferredSizeElseTheDefaultAndPausesBetweenChunks() {
    ChunkSizing preferred =
        ChunkSizing.of(DEFAULTS, new Stub(false, 1000), Feature.RATINGS, WriteOp.ADD, 5000);
    assertThat(preferred.size()).isEqualTo(1000);
    assertThat(preferred.source()).isEqualTo("provider");
    assertThat(preferred.pause()).isEqualTo(Duration.ofMillis(50));
    ChunkSizing plain =
        ChunkSizing.of(DEFAULTS, new Stub(false, null), Feature.RATINGS, WriteOp.ADD, 5000);
    assertThat(plain.size()).isEqualTo(100);
    assertThat(plain.source()).isEqualTo("default");
    ChunkSizing named =
        ChunkSizing.of(naming("STUB", 10), new Stub(false, 1000), Feature.RATINGS, WriteOp.ADD, 50);
    assertThat(named.size()).isEqualTo(10);
  }

  @Test
  void anEmptyLocalOperationStillHasAValidSize() {
    assertThat(
            ChunkSizing.of(DEFAULTS, new Stub(true, null), Feature.HISTORY, WriteOp.ADD, 0).size())
        .isEqualTo(1);
  }

  /** A provider that is local or not and may declare a preferred size. */
  private record Stub(boolean local, Integer preferred) implements Provider {
    @Override
    public String name() {
      return "STUB";
    }

    @Override
    public String instance() {
      return "default";
    }

    @Override
    public Set<Feature> features() {
      return Set.of(Feature.values());
    }

    @Override
    public HealthReport health() {
      return HealthReport.ok(Duration.ZERO, features());
    }

    @Override
    public List<Item> snapshot(Feature feature) {
      return List.of();
    }

    @Override
    public WriteResult add(Feature feature, List<Item> items) {
      return WriteResult.allConfirmed(items);
    }

    @Override
    public WriteResult remove(Feature feature, List<Item> items) {
      return WriteResult.allConfirmed(items);
    }

    @Override
    public boolean isLocal() {
      return local;
    }

    @Override
    public OptionalInt preferredChunkSize(Feature feature, WriteOp op) {
      return preferred == null ? OptionalInt.empty() : OptionalInt.of(preferred);
    }
  }
}
