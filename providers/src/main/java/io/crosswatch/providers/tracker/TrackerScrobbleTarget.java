package io.crosswatch.providers.tracker;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The local tracker as a scrobbling sink: a stop at {@link #PLAY_THRESHOLD} % or more adds the play
 * to its history, dated when the viewing happened; a start, a pause and a stop below the threshold
 * write nothing (the tracker keeps resume points in milliseconds, and a scrobble carries only a
 * percentage), and count as sent. A play the history already holds at that time counts as recorded.
 */
final class TrackerScrobbleTarget implements ScrobbleTarget {
  /** The least progress at which a stop is a play, as on Trakt. */
  static final double PLAY_THRESHOLD = 80.0;

  private final Provider tracker;

  TrackerScrobbleTarget(Provider tracker) {
    this.tracker = tracker;
  }

  @Override
  public ScrobbleOutcome scrobble(
      ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(at, "at");
    if (action != ScrobbleAction.STOP || progressPercent < PLAY_THRESHOLD) {
      return ScrobbleOutcome.SENT;
    }
    Item play =
        new Item(
                item.type(),
                item.title(),
                item.year(),
                item.ids(),
                item.show(),
                item.season(),
                item.number(),
                null,
                null,
                null,
                null)
            .withWatchedAt(at);
    ItemOutcome outcome = tracker.add(Feature.HISTORY, List.of(play)).outcomes().get(0);
    switch (outcome.status()) {
      case CONFIRMED:
        return ScrobbleOutcome.SENT;
      case ALREADY_PRESENT:
        return ScrobbleOutcome.ALREADY_RECORDED;
      default:
        throw new ProviderException(
            ProviderException.Kind.REJECTED,
            tracker.label() + " scrobble stop: the play was not added: " + outcome.reason(),
            outcome.retriable(),
            null);
    }
  }
}
