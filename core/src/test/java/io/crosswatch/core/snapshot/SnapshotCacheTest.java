package io.crosswatch.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final List<Item> ITEMS = List.of(Item.movie("M", 2000, Ids.of(IdKind.TMDB, 1)));

  @Test
  void aSnapshotIsReusedWithinItsTtlAndNotAfter() {
    MutableClock clock = new MutableClock(T0);
    SnapshotCache cache = new SnapshotCache(clock, Duration.ofSeconds(300));
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    clock.advance(Duration.ofSeconds(299));
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).contains(ITEMS);
    assertThat(cache.get("FILE:default", Feature.HISTORY)).isEmpty();
    assertThat(cache.get("FILE:backup", Feature.WATCHLIST)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aWriteInvalidatesTheEntry() {
    SnapshotCache cache = new SnapshotCache(new MutableClock(T0), Duration.ofSeconds(300));
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    cache.invalidate("FILE:default", Feature.WATCHLIST);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aZeroTtlCachesNothing() {
    SnapshotCache cache = new SnapshotCache(new MutableClock(T0), Duration.ZERO);
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }
}
