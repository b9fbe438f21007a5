package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The index of a server's movie and show sections read in one pass: the snapshots of history and
 * ratings come from it, and writes find an item's rating key in it. Writes update it, so that later
 * snapshots of the same run see them. Thread-safe.
 */
final class PlexLibrary {
  private final Map<String, PlexEntry> byKey = new LinkedHashMap<>();
  private final Map<String, List<String>> byId = new HashMap<>();
  private final Map<String, String> byPlace = new HashMap<>();

  PlexLibrary(List<PlexEntry> entries) {
    for (PlexEntry e : entries) {
      byKey.put(e.ratingKey(), e);
      e.ids()
          .forEach(
              (kind, value) ->
                  byId.computeIfAbsent(token(e.type(), kind, value), k -> new ArrayList<>())
                      .add(e.ratingKey()));
      if (e.type() == MediaType.EPISODE
          && e.showKey() != null
          && e.season() != null
          && e.number() != null) {
        byPlace.putIfAbsent(place(e.showKey(), e.season(), e.number()), e.ratingKey());
      }
    }
  }

  /** How many titles the index holds. */
  synchronized int size() {
    return byKey.size();
  }

  /** Every entry, in read order. */
  synchronized List<PlexEntry> entries() {
    return List.copyOf(byKey.values());
  }

  /**
   * The snapshot of history (one play per played movie or episode, at its last viewed date) or
   * ratings (every rated movie, show or episode) within the given sections; {@code playedAt} gives
   * a played entry's play time.
   */
  synchronized List<Item> snapshot(
      Feature feature, Set<String> sections, Function<PlexEntry, Instant> playedAt) {
    List<Item> items = new ArrayList<>();
    for (PlexEntry e : byKey.values()) {
      if (!sections.contains(e.section())) {
        continue;
      }
      if (feature == Feature.HISTORY && e.played() && e.type() != MediaType.SHOW) {
        items.add(e.item().withWatchedAt(playedAt.apply(e)));
      } else if (feature == Feature.RATINGS && e.rating() != null) {
        items.add(e.item().withRating(e.rating(), e.lastRatedAt()));
      }
    }
    return items;
  }

  /**
   * The entry an item names within the given sections: by any shared id of the same type; for
   * episodes also by their show's ids, season and number.
   */
  synchronized Optional<PlexEntry> find(Item item, Set<String> sections) {
    if (item.type() == MediaType.SEASON) {
      return Optional.empty();
    }
    Optional<PlexEntry> direct = byIds(item.type(), item.ids(), sections);
    if (direct.isPresent() || item.type() != MediaType.EPISODE) {
      return direct;
    }
    if (item.show() == null || item.season() == null || item.number() == null) {
      return Optional.empty();
    }
    for (PlexEntry show : allByIds(MediaType.SHOW, item.show().ids(), sections)) {
      String key = byPlace.get(place(show.ratingKey(), item.season(), item.number()));
      if (key != null) {
        return Optional.of(byKey.get(key));
      }
    }
    return Optional.empty();
  }

  /** The entry of a rating key, if the pass read it. */
  synchronized Optional<PlexEntry> byRatingKey(String ratingKey) {
    return Optional.ofNullable(byKey.get(ratingKey));
  }

  /** Replaces one entry with {@code change} applied; returns the new entry. */
  synchronized PlexEntry update(String ratingKey, UnaryOperator<PlexEntry> change) {
    return byKey.computeIfPresent(ratingKey, (k, e) -> change.apply(e));
  }

  private Optional<PlexEntry> byIds(MediaType type, Ids ids, Set<String> sections) {
    List<PlexEntry> all = allByIds(type, ids, sections);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private List<PlexEntry> allByIds(MediaType type, Ids ids, Set<String> sections) {
    List<PlexEntry> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      IdKind kind = ids.kindAt(i);
      if (!kind.crossProvider() && kind != IdKind.PLEX) {
        continue;
      }
      for (String key : byId.getOrDefault(token(type, kind, ids.valueAt(i)), List.of())) {
        PlexEntry e = byKey.get(key);
        if (sections.contains(e.section()) && !found.contains(e)) {
          found.add(e);
        }
      }
    }
    return found;
  }

  private static String token(MediaType type, IdKind kind, String value) {
    return type.key() + "|" + kind.key() + ":" + value;
  }

  private static String place(String showKey, int season, int number) {
    return showKey + "|" + season + "|" + number;
  }
}
