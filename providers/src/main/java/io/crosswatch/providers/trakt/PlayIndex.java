package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Trakt play id of a history item (title + watch time to the second), which is what
 * removing one play needs. Items match by any shared id, episodes also by show id and numbers.
 */
final class PlayIndex {
  private final Map<String, List<Long>> byKey = new HashMap<>();
  private final Set<Long> taken = new java.util.HashSet<>();

  void add(Item play, long playId) {
    for (String key : keys(play)) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(playId);
    }
  }

  /** Keeps a play id from being handed out (it is already spoken for). */
  void markTaken(long playId) {
    taken.add(playId);
  }

  /** A play id of this item not handed out before, if any. */
  Optional<Long> take(Item item) {
    if (item.watchedAt() == null) {
      return Optional.empty();
    }
    for (String key : keys(item)) {
      for (long id : byKey.getOrDefault(key, List.of())) {
        if (taken.add(id)) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> keys(Item item) {
    Set<String> keys = new LinkedHashSet<>();
    if (item.watchedAt() == null) {
      return keys;
    }
    String at = "@" + item.watchedAt().getEpochSecond();
    String type = item.type().key();
    idKeys(item.ids(), type + "|", at, keys);
    if (item.type() == MediaType.EPISODE
        && item.show() != null
        && item.season() != null
        && item.number() != null) {
      idKeys(
          item.show().ids(),
          type + "|s" + item.season() + "e" + item.number() + "|show:",
          at,
          keys);
    }
    return keys;
  }

  private static void idKeys(Ids ids, String prefix, String at, Set<String> keys) {
    for (int i = 0; i < ids.size(); i++) {
      keys.add(prefix + ids.kindAt(i).key() + ":" + ids.valueAt(i) + at);
    }
  }
}
