package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.ScrobbleRules.Phase;
import java.time.Instant;
import java.util.Set;

/**
 * One viewing of one item by one user of one source, as the engine tracks it.
 *
 * @param id names the viewing in the queue (a start or pause whose viewing moved on may be dropped)
 * @param scope source, instance and user ({@link Viewings#scope})
 * @param tokens the identity tokens of every report of the viewing so far
 * @param item the item with every id its reports carried
 * @param state the state last reported ({@code STOPPED} once finished)
 * @param finishedAt when it finished, or {@code null} while it has not
 */
record Viewing(
    String id,
    String scope,
    String source,
    String instance,
    String user,
    Set<String> tokens,
    Item item,
    Phase phase,
    PlaybackState state,
    double progressPercent,
    Instant updatedAt,
    Instant finishedAt) {

  Viewing {
    tokens = Set.copyOf(tokens);
  }

  NowPlaying nowPlaying() {
    return new NowPlaying(source, instance, user, item, state, progressPercent, updatedAt);
  }
}
