package io.crosswatch.core.scrobble;

import io.crosswatch.core.identity.MatchTokens;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.ScrobbleRules.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The viewings the engine holds in memory, per source, instance and user; a report belongs to the
 * viewing whose item shares an identity token with it (so a webhook and a watcher naming one title
 * by different ids, or with different session ids, report one viewing). Viewings are found through
 * an index of their tokens, and leave in the order they were last reported, so finding, replacing
 * and evicting cost what the viewings concerned hold, not what is held in all. Not thread-safe.
 */
final class Viewings {
  /** By scope and token ({@link #key}): the viewings holding that token (usually one). */
  private final Map<String, List<Viewing>> byToken = new HashMap<>();

  /** Viewings not finished, by id, least recently reported first. */
  private final LinkedHashMap<String, Viewing> inProgress = new LinkedHashMap<>();

  /** Finished viewings, by id, least recently reported first. */
  private final LinkedHashMap<String, Viewing> finished = new LinkedHashMap<>();

  /** The scope of a report: source, instance and user (user names compared without case). */
  static String scope(String source, String instance, String user) {
    return source.toUpperCase(Locale.ROOT) + "|" + instance + "|" + user.toLowerCase(Locale.ROOT);
  }

  /**
   * The identity tokens of an item: those the per-list matcher computes (no feature suffix), plus
   * one per server-local id (a Plex rating key, a Jellyfin or Emby item id), which identify the
   * title within the one source instance a scope belongs to.
   */
  static List<String> tokens(Item item) {
    List<String> tokens = new ArrayList<>(MatchTokens.of(item, Feature.WATCHLIST));
    Ids ids = item.ids();
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.kindAt(i).crossProvider()) {
        tokens.add(item.type().key() + "|local " + ids.kindAt(i).key() + ":" + ids.valueAt(i));
      }
    }
    return tokens;
  }

  /** The most recently updated viewing in {@code scope} sharing a token, if any. */
  Optional<Viewing> find(String scope, List<String> tokens) {
    Viewing best = null;
    for (String token : tokens) {
      for (Viewing v : byToken.getOrDefault(key(scope, token), List.of())) {
        if (best == null || v.updatedAt().isAfter(best.updatedAt())) {
          best = v;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Puts {@code next} in place of the viewing held under the id of {@code previous} ({@code null},
   * or a viewing not held, such as one read back from the state database, replaces none); {@code
   * next} counts as the most recently reported.
   */
  void replace(Viewing previous, Viewing next) {
    if (previous != null) {
      remove(previous);
    }
    (next.finishedAt() != null ? finished : inProgress).put(next.id(), next);
    for (String token : next.tokens()) {
      byToken.computeIfAbsent(key(next.scope(), token), k -> new ArrayList<>(1)).add(next);
    }
  }

  /**
   * The viewings playing or paused, most recently reported first; one stopped before the end
   * (waiting to be resumed) is not listed.
   */
  List<NowPlaying> inProgress() {
    return inProgress.values().stream()
        .filter(v -> v.phase() == Phase.PLAYING || v.phase() == Phase.PAUSED)
        .filter(v -> v.state() != PlaybackState.STOPPED)
        .sorted(Comparator.comparing(Viewing::updatedAt).reversed())
        .map(Viewing::nowPlaying)
        .toList();
  }

  /**
   * Lets go of viewings in progress not reported since {@code idleBefore} (a playback whose stop
   * never came) and of finished ones not reported since {@code finishedBefore}, oldest first: it
   * looks at no viewing it keeps beyond the first of each kind.
   */
  void evict(Instant idleBefore, Instant finishedBefore) {
    evict(inProgress, idleBefore);
    evict(finished, finishedBefore);
  }

  /** How many viewings are held. */
  int size() {
    return inProgress.size() + finished.size();
  }

  private void evict(LinkedHashMap<String, Viewing> viewings, Instant before) {
    Iterator<Viewing> oldestFirst = viewings.values().iterator();
    while (oldestFirst.hasNext()) {
      Viewing v = oldestFirst.next();
      if (!v.updatedAt().isBefore(before)) {
        return;
      }
      oldestFirst.remove();
      removeTokens(v);
    }
  }

  /** Removes the viewing held under the id of {@code viewing}, if any. */
  private void remove(Viewing viewing) {
    Viewing held = inProgress.remove(viewing.id());
    if (held == null) {
      held = finished.remove(viewing.id());
    }
    if (held != null) {
      removeTokens(held);
    }
  }

  private void removeTokens(Viewing viewing) {
    for (String token : viewing.tokens()) {
      String key = key(viewing.scope(), token);
      List<Viewing> holders = byToken.get(key);
      if (holders != null && holders.removeIf(v -> v == viewing) && holders.isEmpty()) {
        byToken.remove(key);
      }
    }
  }

  private static String key(String scope, String token) {
    return scope + "\n" + token;
  }
}
