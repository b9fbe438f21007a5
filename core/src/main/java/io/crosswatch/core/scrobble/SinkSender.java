package io.crosswatch.core.scrobble;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.state.ScrobbleQueue;
import io.crosswatch.core.state.ScrobbleQueue.Call;
import io.crosswatch.core.state.ScrobbleQueue.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Sends one sink's queued calls in the order they were queued: a call the sink takes (or already
 * had) is done; one it may take later waits for its retry and holds back the calls behind it; one
 * it refuses for good is kept as failed and the next goes on. A start or pause whose viewing has a
 * later call queued is dropped unsent; a stop never is.
 */
final class SinkSender {
  private final String label;
  private final ScrobbleTarget target;
  private final ScrobbleQueue queue;
  private final RetryPolicy retries;
  private final Clock clock;
  private final NoticeLog notices;

  SinkSender(
      String label,
      ScrobbleTarget target,
      ScrobbleQueue queue,
      RetryPolicy retries,
      Clock clock,
      NoticeLog notices) {
    this.label = label;
    this.target = target;
    this.queue = queue;
    this.retries = retries;
    this.clock = clock;
    this.notices = notices;
  }

  String label() {
    return label;
  }

  /**
   * Sends every call that is due now, in order, until the queue is empty, the head waits for a
   * retry, or {@code stop} says so.
   *
   * @return when the head call is due, or empty when nothing is queued
   */
  Optional<Instant> drain(BooleanSupplier stop) {
    while (!stop.getAsBoolean()) {
      Optional<Call> head = queue.head(label);
      if (head.isEmpty()) {
        return Optional.empty();
      }
      Call call = head.get();
      Instant now = clock.instant();
      if (call.dueAt().isAfter(now)) {
        return Optional.of(call.dueAt());
      }
      if (call.action() != ScrobbleAction.STOP && queue.superseded(call)) {
        queue.finish(call.id(), Status.DROPPED, "the viewing moved on before it was sent", now);
        continue;
      }
      send(call);
    }
    return Optional.empty();
  }

  private void send(Call call) {
    try {
      ScrobbleOutcome outcome =
          target.scrobble(call.action(), call.item(), call.progressPercent(), call.at());
      String detail = outcome == ScrobbleOutcome.SENT ? "sent" : "already recorded";
      queue.finish(call.id(), Status.SENT, detail, clock.instant());
      notify("scrobble:sent", call, detail);
    } catch (ProviderException e) {
      if (e.retriable()) {
        retry(call, e.getMessage(), e.retryAfter());
      } else {
        String detail = "refused: " + e.getMessage();
        queue.finish(call.id(), Status.FAILED, detail, clock.instant());
        notify("scrobble:failed", call, detail);
      }
    } catch (RuntimeException e) {
      // An unexpected failure of the sink is retried like an outage: a play must not be lost.
      retry(call, e.toString(), Optional.empty());
    }
  }

  private void retry(Call call, String reason, Optional<Duration> retryAfter) {
    Instant now = clock.instant();
    Instant due = now.plus(retries.delay(call.attempts() + 1, retryAfter));
    String detail = reason + "; retry at " + due;
    queue.retryAt(call.id(), due, detail);
    notify("scrobble:queued", call, detail);
  }

  private void notify(String event, Call call, String detail) {
    notices.publish(
        new ScrobbleNotice(
            event,
            clock.instant(),
            call.source(),
            call.user(),
            call.item(),
            label,
            call.action(),
            call.progressPercent(),
            detail));
  }
}
