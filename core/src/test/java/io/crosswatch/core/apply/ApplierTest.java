package io.crosswatch.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ApplierTest {
  final List<Duration> slept = new ArrayList<>();
  final Applier applier =
      new Applier(
          slept::add,
          new SplittableRandom(7),
          new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)));

  static List<Item> movies(int n) {
    List<Item> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(Item.movie("M" + i, 2000, Ids.of(IdKind.TMDB, i)));
    }
    return items;
  }

  @Test
  void writesInChunksWithAPauseBetweenThem() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    List<ChunkResult> chunks = new ArrayList<>();
    ApplyResult r =
        applier.apply(
            p,
            Feature.WATCHLIST,
            WriteOp.ADD,
            movies(250),
            100,
            Duration.ofMillis(50),
            chunks::add);
    assertThat(p.calls).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(chunks).extracting(ChunkResult::index).containsExactly(1, 2, 3);
    assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    assertThat(r.outcomes()).hasSize(250).allMatch(ItemOutcome::succeeded);
    assertThat(r.failure()).isNull();
  }

  @Test
  void transientFailuresAreRetriedWithGrowingBackoffAndRetryAfterIsHonoured() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.failures.add(ProviderException.transientFailure("503", null));
    p.failures.add(
        new ProviderException(
            ProviderException.Kind.RATE_LIMITED, "429", true, Duration.ofSeconds(3)));
    p.failures.add(ProviderException.transientFailure("timeout", null));
    ApplyResult r =
        applier.apply(p, Feature.HISTORY, WriteOp.ADD, movies(3), 100, Duration.ZERO, c -> {});
    assertThat(r.failure()).isNull();
    assertThat(r.outcomes()).allMatch(ItemOutcome::succeeded);
    assertThat(slept).hasSize(3);
    assertThat(slept.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
    assertThat(slept.get(1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(slept.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
  }

  @Test
  void permanentFailuresAreNotRetriedAndStopTheOperation() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.failures.add(ProviderException.permanent(ProviderException.Kind.AUTH, "401 token revoked"));
    ApplyResult r =
        applier.apply(p, Feature.WATCHLIST, WriteOp.ADD, movies(150), 100, Duration.ZERO, c -> {});
    assertThat(p.calls).hasSize(1);
    assertThat(r.failure())
        .contains("provider=TEST:default feature=watchlist op=add chunk=1/2")
        .contains("401 token revoked");
    assertThat(r.notAttempted()).isEqualTo(150);
  }

  @Test
  void exhaustedRetriesEndTheOperationWithContext() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    for (int i = 0; i < 10; i++) {
      p.failures.add(ProviderException.transientFailure("503 Service Unavailable", null));
    }
    ApplyResult r =
        applier.apply(p, Feature.RATINGS, WriteOp.UPDATE, movies(5), 100, Duration.ZERO, c -> {});
    assertThat(p.calls).hasSize(4);
    assertThat(r.failure())
        .contains("op=update chunk=1/1: 503 Service Unavailable after 4 attempts");
  }

  @Test
  void itemsFailingTransientlyAreRetriedAloneAndPermanentOnesAreSettled() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    List<Item> items = movies(3);
    p.outcome =
        new Function<>() {
          int call;

          @Override
          public ItemOutcome apply(Item item) {
            if (item == items.get(0) && call++ < 1) {
              return ItemOutcome.failed(item, "busy", true);
            }
            if (item == items.get(1)) {
              return ItemOutcome.notFound(item, "not_found");
            }
            return ItemOutcome.confirmed(item);
          }
        };
    ApplyResult r =
        applier.apply(p, Feature.WATCHLIST, WriteOp.ADD, items, 100, Duration.ZERO, c -> {});
    assertThat(p.calls).extracting(List::size).containsExactly(3, 1);
    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactlyInAnyOrder(
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.NOT_FOUND);
  }

  @Test
  void anItemThatGetsNoOutcomeIsSettledAsFailedAndNeverResent() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.outcome = item -> null;
    ApplyResult r =
        applier.apply(p, Feature.HISTORY, WriteOp.ADD, movies(2), 100, Duration.ZERO, c -> {});
    assertThat(p.calls).hasSize(1);
    assertThat(r.outcomes())
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(ItemOutcome.Status.FAILED);
              assertThat(o.retriable()).isFalse();
            });
  }

  @Test
  void withTheDefaultPolicyAChunkThatAlwaysFailsTransientlyIsSentSixTimesInAll() throws Exception {
    Applier standard = new Applier(slept::add, new SplittableRandom(7), RetryPolicy.DEFAULT);
    ScriptedProvider p = new ScriptedProvider();
    for (int i = 0; i < 20; i++) {
      p.failures.add(ProviderException.transientFailure("503 Service Unavailable", null));
    }
    ApplyResult r =
        standard.apply(p, Feature.HISTORY, WriteOp.ADD, movies(3), 100, Duration.ZERO, c -> {});
    assertThat(p.calls).as("the first send and 5 retries").hasSize(6);
    assertThat(slept).hasSize(5);
    assertThat(r.failure()).contains("after 6 attempts");
    assertThat(r.notAttempted()).isEqualTo(3);
  }

  @Test
  void aChunkThatTimesOutIsSentAgainInHalvesAndTheRestOfTheOperationFollowsInHalves()
      throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.failures.add(ProviderException.timeout("read timed out after 30 s", null));
    List<ChunkResult> chunks = new ArrayList<>();
    ApplyResult r =
        applier.apply(
            p, Feature.HISTORY, WriteOp.ADD, movies(180), 100, Duration.ZERO, chunks::add);
    assertThat(p.calls).extracting(List::size).containsExactly(100, 50, 50, 50, 30);
    assertThat(r.failure()).isNull();
    assertThat(r.outcomes()).hasSize(180).allMatch(ItemOutcome::succeeded);
    assertThat(chunks).extracting(ChunkResult::attempts).containsExactly(2, 1, 1, 1);
    assertThat(chunks).extracting(ChunkResult::of).containsOnly(4);
  }

  @Test
  void aTimeoutWithAnUnknownOutcomeLeavesThatChunkPlannedAndGoesOnInHalves() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.failures.add(
        ProviderException.timeout("timed out", null).asFinal("timed out; outcome unknown"));
    ApplyResult r =
        applier.apply(p, Feature.HISTORY, WriteOp.ADD, movies(200), 100, Duration.ZERO, c -> {});
    assertThat(p.calls).extracting(List::size).containsExactly(100, 50, 50);
    assertThat(r.failure()).isNull();
    assertThat(r.outcomes()).hasSize(200);
    assertThat(r.outcomes().subList(0, 100))
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(ItemOutcome.Status.FAILED);
              assertThat(o.retriable()).as("transient: stays planned, never parked").isTrue();
            });
    assertThat(r.outcomes().subList(100, 200)).allMatch(ItemOutcome::succeeded);
  }

  @Test
  void anAccountLimitStopsTheOperationAndSaysSo() throws Exception {
    ScriptedProvider p = new ScriptedProvider();
    p.failures.add(ProviderException.permanent(ProviderException.Kind.LIMIT, "420 list is full"));
    ApplyResult r =
        applier.apply(p, Feature.WATCHLIST, WriteOp.ADD, movies(5), 100, Duration.ZERO, c -> {});
    assertThat(r.limitReached()).isTrue();
    assertThat(r.notAttempted()).isEqualTo(5);
  }

  /** A provider whose writes follow a script. */
  static final class ScriptedProvider implements Provider {
    final Deque<ProviderException> failures = new ArrayDeque<>();
    final List<List<Item>> calls = new ArrayList<>();
    Function<Item, ItemOutcome> outcome = ItemOutcome::confirmed;

    @Override
    public String name() {
      return "TEST";
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
    public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
      calls.add(List.copyOf(items));
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
      List<ItemOutcome> out = new ArrayList<>();
      for (Item i : items) {
        ItemOutcome o = outcome.apply(i);
        if (o != null) {
          out.add(o);
        }
      }
      return new WriteResult(out);
    }

    @Override
    public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
      return add(feature, items);
    }
  }
}
