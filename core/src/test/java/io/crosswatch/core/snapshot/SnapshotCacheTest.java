package io.crosswatch.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  static final List<Item> ITEMS = List.of(Item.movie("M", 2000, Ids.of(IdKind.TMDB, 1)));

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aSnapshotIsReusedWithinItsTtlAndNotAfter() {
    MutableClock clock = new MutableClock();
    SnapshotCache cache = new SnapshotCache(clock, Duration.ofSeconds(300));
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    clock.now = clock.now.plusSeconds(299);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).contains(ITEMS);
    assertThat(cache.get("FILE:default", Feature.HISTORY)).isEmpty();
    assertThat(cache.get("FILE:backup", Feature.WATCHLIST)).isEmpty();
    clock.now = clock.now.plusSeconds(1);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aWriteInvalidatesTheEntry() {
    SnapshotCache cache = new SnapshotCache(new MutableClock(), Duration.ofSeconds(300));
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    cache.invalidate("FILE:default", Feature.WATCHLIST);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aZeroTtlCachesNothing() {
    SnapshotCache cache = new SnapshotCache(new MutableClock(), Duration.ZERO);
    cache.put("FILE:default", Feature.WATCHLIST, ITEMS);
    assertThat(cache.get("FILE:default", Feature.WATCHLIST)).isEmpty();
  }
}
