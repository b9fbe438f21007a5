package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's whole SIMKL library as read in one pass, and the three feature views of it: the
 * watchlist is what sits in Plan to Watch; history is every play SIMKL records, whatever list the
 * title sits in (a dropped show keeps its watched episodes); ratings are every rated title.
 */
final class SimklLibrary {
  private final List<SimklEntry> entries;
  private final Map<String, SimklEntry> byId = new HashMap<>();

  SimklLibrary(List<SimklEntry> entries) {
    this.entries = List.copyOf(entries);
    for (SimklEntry e : this.entries) {
      Ids ids = e.title().ids();
      for (int i = 0; i < ids.size(); i++) {
        byId.putIfAbsent(key(e.group().type(), ids.kindAt(i).key(), ids.valueAt(i)), e);
      }
    }
  }

  List<SimklEntry> entries() {
    return entries;
  }

  /** The items of one feature. */
  List<Item> items(Feature feature) {
    List<Item> items = new ArrayList<>();
    for (SimklEntry e : entries) {
      switch (feature) {
        case WATCHLIST:
          if (e.onWatchlist()) {
            items.add(e.title().withListedAt(e.addedAt()));
          }
          break;
        case HISTORY:
          addPlays(e, items);
          break;
        default:
          if (e.isRated()) {
            items.add(e.title().withRating(e.rating(), e.ratedAt()));
          }
      }
    }
    return items;
  }

  private static void addPlays(SimklEntry e, List<Item> items) {
    if (e.group() == SimklGroup.MOVIES) {
      if (e.lastWatchedAt() != null) {
        // SIMKL keeps one watch time per movie: the latest.
        items.add(e.title().withWatchedAt(e.lastWatchedAt()));
      }
      return;
    }
    for (SimklEntry.EpisodePlay p : e.episodes()) {
      if (p.watchedAt() != null) {
        items.add(
            Item.episode(e.showRef(), p.season(), p.number(), null, Ids.empty())
                .withWatchedAt(p.watchedAt()));
      }
    }
  }

  /**
   * The library entry of a movie or show (any shared id), or for an episode its show's entry. Other
   * types have none.
   */
  Optional<SimklEntry> find(Item item) {
    if (item.type() == MediaType.MOVIE || item.type() == MediaType.SHOW) {
      return find(item.type(), item.ids());
    }
    if (item.show() != null) {
      return find(MediaType.SHOW, item.show().ids());
    }
    return Optional.empty();
  }

  private Optional<SimklEntry> find(MediaType type, Ids ids) {
    for (int i = 0; i < ids.size(); i++) {
      SimklEntry e = byId.get(key(type, ids.kindAt(i).key(), ids.valueAt(i)));
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String key(MediaType type, String kind, String value) {
    return type.key() + "|" + kind + ":" + value;
  }
}
