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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The viewings the engine knows, per source, instance and user; a report belongs to the viewing
 * whose item shares an identity token with it (so a webhook and a watcher naming one title by
 * different ids, or with different session ids, report one viewing). Not thread-safe.
 */
final class Viewings {
  private final Map<String, List<Viewing>> byScope = new HashMap<>();

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
    return byScope.getOrDefault(scope, List.of()).stream()
        .filter(v -> tokens.stream().anyMatch(v.tokens()::contains))
        .max(Comparator.comparing(Viewing::updatedAt));
  }

  /** Puts {@code next} in place of {@code previous} (which may be {@code null}). */
  void replace(Viewing previous, Viewing next) {
    List<Viewing> list = byScope.computeIfAbsent(next.scope(), k -> new ArrayList<>(2));
    if (previous != null) {
      list.remove(previous);
    }
    list.add(next);
  }

  /**
   * The viewings playing or paused, most recently reported first; one stopped before the end
   * (waiting to be resumed) is not listed.
   */
  List<NowPlaying> inProgress() {
    return byScope.values().stream()
        .flatMap(List::stream)
        .filter(v -> v.phase() == Phase.PLAYING || v.phase() == Phase.PAUSED)
        .filter(v -> v.state() != PlaybackState.STOPPED)
        .sorted(Comparator.comparing(Viewing::updatedAt).reversed())
        .map(Viewing::nowPlaying)
        .toList();
  }

  /**
   * Forgets viewings in progress not reported since {@code idleBefore} (a playback whose stop never
   * came) and finished ones that ended before {@code finishedBefore}.
   */
  void prune(Instant idleBefore, Instant finishedBefore) {
    byScope
        .values()
        .forEach(
            list ->
                list.removeIf(
                    v ->
                        v.finishedAt() != null
                            ? v.finishedAt().isBefore(finishedBefore)
                            : v.updatedAt().isBefore(idleBefore)));
    byScope.values().removeIf(List::isEmpty);
  }

  /** How many viewings are held. */
  int size() {
    return byScope.values().stream().mapToInt(List::size).sum();
  }
}
