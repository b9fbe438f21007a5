package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import java.time.Instant;

/**
 * A tracker's side of scrobbling: one scrobble call ({@code /scrobble/start|pause|stop} with the
 * progress percentage), or for a local tracker the finished play written to its history.
 */
public interface ScrobbleTarget {

  /**
   * Sends one call. A failure the orchestrator may retry is a retriable {@link ProviderException}
   * (with the wait the service asked for in {@code retryAfter}).
   *
   * @param item the movie or episode, with the ids the source found
   * @param progressPercent from 0 to 100
   * @param at when the viewing happened (a local tracker's play time)
   */
  ScrobbleOutcome scrobble(ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException;
}
