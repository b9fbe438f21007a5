package io.crosswatch.providers.progress;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resume points of services that keep them as a percentage of the runtime (Trakt, SIMKL): the
 * conversion to and from milliseconds, and the one-call-per-point write loop.
 */
public final class PercentResumePoints {

  /** One call for one point. */
  @FunctionalInterface
  public interface PointCall {
    /**
     * Sends the call for a point; {@code percent} is its share of the runtime (0–100), unused when
     * clearing.
     */
    ItemOutcome send(Item point, double percent) throws ProviderException;
  }

  /** One delete of a playback id. */
  @FunctionalInterface
  public interface PlaybackDelete {
    /** True when deleted, false when the service no longer had it (404); throws otherwise. */
    boolean delete(long playbackId) throws ProviderException;
  }

  private PercentResumePoints() {}

  /** A resume point at {@code percent} of a runtime of {@code durationMs}. */
  public static Item at(Item item, double percent, long durationMs, Instant pausedAt) {
    long positionMs = Math.round(percent / 100.0 * durationMs);
    return item.withProgress(positionMs, durationMs, pausedAt);
  }

  /**
   * Writes each point with one call at its percentage of the runtime (capped at 100). A point
   * without a runtime cannot become a percentage: it fails, not retriable, saying so.
   *
   * @param service the service's name for the message, e.g. {@code SIMKL}
   */
  public static WriteResult write(String service, List<Item> points, PointCall call)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item point : points) {
      if (point.progressMs() == null || point.durationMs() == null || point.durationMs() <= 0) {
        outcomes.add(
            ItemOutcome.failed(
                point,
                service
                    + " keeps a resume point as a percentage of the runtime, and this point's"
                    + " runtime (duration_ms) is unknown",
                false));
        continue;
      }
      double percent = Math.min(100.0, 100.0 * point.progressMs() / point.durationMs());
      outcomes.add(call.send(point, percent));
    }
    return new WriteResult(outcomes);
  }

  /**
   * Clears each point with one delete of the playback id the service holds for its title ({@code
   * held}, from the last read; a cleared id leaves it). A title the service holds no point for is
   * {@code ALREADY_PRESENT}: nothing to clear.
   */
  public static WriteResult clear(List<Item> points, Map<Item, Long> held, PlaybackDelete delete)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item point : points) {
      Optional<Item> match = held.keySet().stream().filter(h -> sameTitle(h, point)).findFirst();
      if (match.isEmpty()) {
        outcomes.add(ItemOutcome.alreadyPresent(point));
        continue;
      }
      boolean deleted = delete.delete(held.get(match.get()));
      held.remove(match.get());
      outcomes.add(deleted ? ItemOutcome.confirmed(point) : ItemOutcome.alreadyPresent(point));
    }
    return new WriteResult(outcomes);
  }

  /**
   * What a service's answer to a paused scrobble of a point means: 404 is a title it does not know
   * ({@code notFound} with {@code reason}), a 2xx is written; anything else is its own failure.
   */
  public static ItemOutcome paused(
      Item point, HttpAnswer answer, String reason, Function<HttpAnswer, ProviderException> failure)
      throws ProviderException {
    if (answer.status() == 404) {
      return ItemOutcome.notFound(point, reason);
    }
    if (!answer.isSuccess()) {
      throw failure.apply(answer);
    }
    return ItemOutcome.confirmed(point);
  }

  /**
   * What a service's answer to {@code DELETE /sync/playback/{id}} means: true when deleted, false
   * when it no longer had it (404); anything else is its own failure.
   */
  public static boolean deleted(HttpAnswer answer, Function<HttpAnswer, ProviderException> failure)
      throws ProviderException {
    if (answer.status() != 404 && !answer.isSuccess()) {
      throw failure.apply(answer);
    }
    return answer.isSuccess();
  }

  /** The same movie (a shared id), or the same episode (a show sharing an id, season, number). */
  public static boolean sameTitle(Item a, Item b) {
    if (a.type() != b.type()) {
      return false;
    }
    if (a.ids().sharesAny(b.ids())) {
      return true;
    }
    return a.show() != null
        && b.show() != null
        && a.season() != null
        && a.show().ids().sharesAny(b.show().ids())
        && a.season().equals(b.season())
        && Objects.equals(a.number(), b.number());
  }
}
