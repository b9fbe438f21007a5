package io.crosswatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlakyProviderTest {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Item> items = new LibraryGenerator(1).watchlist(10, BASE);
  private final InMemoryProvider memory = new InMemoryProvider("TRAKT");
  private final FlakyProvider flaky = new FlakyProvider(memory);

  @Test
  void theFirstWritesFailTransientlyWithTheWaitAskedFor() throws ProviderException {
    flaky.failFirstWrites(2, Duration.ofSeconds(3));

    for (int i = 0; i < 2; i++) {
      ProviderException e =
          catchThrowableOfType(ProviderException.class, () -> flaky.add(Feature.WATCHLIST, items));
      assertThat(e.retriable()).isTrue();
      assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }
    WriteResult third = flaky.add(Feature.WATCHLIST, items);

    assertThat(third.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(memory.calls(Operation.ADD)).isEqualTo(1);
    assertThat(flaky.injectedFailures()).isEqualTo(2);
    assertThat(flaky.calls(Operation.ADD))
        .extracting(FlakyProvider.Call::result)
        .containsExactly(
            FlakyProvider.Result.INJECTED_FAILURE,
            FlakyProvider.Result.INJECTED_FAILURE,
            FlakyProvider.Result.OK);
  }

  @Test
  void randomFailuresAreDeterministicForASeed() {
    assertThat(failurePattern(99)).isEqualTo(failurePattern(99)).contains(true, false);
  }

  private List<Boolean> failurePattern(long seed) {
    FlakyProvider p =
        new FlakyProvider(new InMemoryProvider("TRAKT")).failWritesRandomly(0.5, seed);
    List<Boolean> pattern = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      try {
        p.add(Feature.WATCHLIST, items.subList(0, 1));
        pattern.add(false);
      } catch (ProviderException e) {
        assertThat(e.retriable()).isTrue();
        pattern.add(true);
      }
    }
    return pattern;
  }

  @Test
  void chosenTitlesFailPermanentlyWhileTheRestIsWritten() throws ProviderException {
    flaky
        .failItems(Set.of(ItemKeys.titleKey(items.get(0))))
        .notFoundItems(Set.of(ItemKeys.titleKey(items.get(1))));

    WriteResult result = flaky.add(Feature.WATCHLIST, items);

    assertThat(result.outcomes()).hasSize(10);
    assertThat(result.outcomes())
        .filteredOn(o -> o.item().equals(items.get(0)))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(ItemOutcome.Status.FAILED);
              assertThat(o.retriable()).isFalse();
            });
    assertThat(result.outcomes())
        .filteredOn(o -> o.item().equals(items.get(1)))
        .singleElement()
        .extracting(ItemOutcome::status)
        .isEqualTo(ItemOutcome.Status.NOT_FOUND);
    assertThat(memory.items(Feature.WATCHLIST)).containsExactlyElementsOf(items.subList(2, 10));
  }

  @Test
  void aSnapshotComesBackEmptyOnce() throws ProviderException {
    memory.put(Feature.WATCHLIST, items);
    flaky.emptySnapshotOnce(Feature.WATCHLIST);

    assertThat(flaky.snapshot(Feature.WATCHLIST)).isEmpty();
    assertThat(flaky.snapshot(Feature.WATCHLIST)).hasSize(10);
  }

  @Test
  void snapshotsCanFailTransiently() {
    flaky.failFirstSnapshots(1);

    assertThatThrownBy(() -> flaky.snapshot(Feature.HISTORY))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void theHookRunsAfterEachSuccessfulWriteAndMayStopTheRun() throws ProviderException {
    List<Integer> seen = new ArrayList<>();
    flaky
        .failFirstWrites(1)
        .afterEachWrite(
            (op, feature, written, result) -> {
              seen.add(written.size());
              if (seen.size() == 2) {
                throw new IllegalStateException("killed between chunks");
              }
            });

    assertThatThrownBy(() -> flaky.add(Feature.WATCHLIST, items.subList(0, 3)))
        .isInstanceOf(ProviderException.class);
    flaky.add(Feature.WATCHLIST, items.subList(0, 3));
    assertThatThrownBy(() -> flaky.add(Feature.WATCHLIST, items.subList(3, 5)))
        .hasMessage("killed between chunks");

    assertThat(seen).containsExactly(3, 2);
    assertThat(memory.items(Feature.WATCHLIST)).hasSize(5);
  }

  @Test
  void recordsEveryCall() throws ProviderException {
    flaky.health();
    flaky.snapshot(Feature.RATINGS);
    flaky.remove(Feature.WATCHLIST, items.subList(0, 2));

    assertThat(flaky.calls())
        .extracting(FlakyProvider.Call::op)
        .containsExactly(Operation.HEALTH, Operation.SNAPSHOT, Operation.REMOVE);
    assertThat(flaky.calls().get(2).items()).hasSize(2);
    assertThat(flaky.label()).isEqualTo("TRAKT:default");
  }
}
