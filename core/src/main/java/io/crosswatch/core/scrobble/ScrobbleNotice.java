package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import java.time.Instant;

/**
 * Something scrobbling did, for the service's JSONL log, its metrics and the dashboard.
 *
 * @param event {@code scrobble:start}, {@code scrobble:pause} or {@code scrobble:stop} when a
 *     viewing changed (a stop at or past 80 % is a play); {@code scrobble:sent} when a sink took a
 *     call; {@code scrobble:queued} when a call failed and waits for its retry; {@code
 *     scrobble:failed} when a call was refused for good
 * @param sink {@code PROVIDER:instance} for the last three, else {@code null}
 * @param detail a short human-readable addition (the outcome, the error, the retry time); never a
 *     secret
 */
public record ScrobbleNotice(
    String event,
    Instant at,
    String source,
    String user,
    Item item,
    String sink,
    ScrobbleAction action,
    double progressPercent,
    String detail) {}
