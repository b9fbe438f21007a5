package io.crosswatch.core.plan;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Tombstone;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders that keep planner tests readable. */
final class PlanFixtures {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant LAST_RUN = Instant.parse("2026-05-31T12:00:00Z");
  static final FeatureSettings ADD_REMOVE = new FeatureSettings(true, true, true, false);
  static final FeatureSettings ADD_ONLY = new FeatureSettings(true, true, false, false);
  static final FeatureSettings REWATCHES = new FeatureSettings(true, true, true, true);
  static final SyncSettings SYNC = SyncSettings.DEFAULTS;
  static final SyncSettings MIRROR = new SyncSettings(RemoveMode.MIRROR, 30, 0.5, 60);

  private PlanFixtures() {}

  static Item movie(String title, String imdb, Integer tmdb) {
    Ids ids =
        Ids.of(
            Map.of(
                IdKind.IMDB,
                imdb == null ? "" : imdb,
                IdKind.TMDB,
                tmdb == null ? "" : tmdb.toString()));
    return Item.movie(title, 2000, ids);
  }

  static Item listed(Item item, String at) {
    return item.withListedAt(Instant.parse(at));
  }

  static Item play(Item item, String at) {
    return item.withWatchedAt(Instant.parse(at));
  }

  static Item rated(Item item, int rating, String at) {
    return item.withRating(rating, at == null ? null : Instant.parse(at));
  }

  static Item episode(int showTvdb, int season, int number) {
    ShowRef show = new ShowRef("Show " + showTvdb, 2001, Ids.of(IdKind.TVDB, showTvdb));
    return Item.episode(show, season, number, "Episode " + number, Ids.empty());
  }

  static Baseline baseline(Item... items) {
    return new Baseline(List.of(items), LAST_RUN);
  }

  static Tombstone tombstone(Item item, Instant at) {
    return new Tombstone("k", item, at);
  }

  static PlanInput oneWay(Feature f, FeatureSettings s, List<Item> a, List<Item> b) {
    return new PlanInput(f, SyncMode.ONE_WAY, s, SYNC, a, b, null, null, List.of(), NOW);
  }

  static PlanInput input(
      Feature f,
      SyncMode mode,
      FeatureSettings s,
      SyncSettings sync,
      List<Item> a,
      List<Item> b,
      Baseline baseA,
      Baseline baseB,
      List<Tombstone> tombstones) {
    return new PlanInput(f, mode, s, sync, a, b, baseA, baseB, tombstones, NOW);
  }
}
