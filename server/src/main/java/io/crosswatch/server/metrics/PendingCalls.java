package io.crosswatch.server.metrics;

import io.crosswatch.core.scrobble.ScrobbleNotice;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The scrobble calls that failed and wait for their retry, as the notices tell: a {@code queued}
 * call counts until a {@code sent} or {@code failed} notice of the same sink, viewing and action.
 */
final class PendingCalls {
  private final Set<String> waiting = new HashSet<>();

  synchronized void record(ScrobbleNotice n, String event) {
    String key =
        String.join(
            "\u0000",
            String.valueOf(n.sink()),
            String.valueOf(n.source()),
            String.valueOf(n.user()),
            n.item() == null ? "" : n.item().label(),
            String.valueOf(n.action()));
    if (Objects.equals(event, "queued")) {
      waiting.add(key);
    } else {
      waiting.remove(key);
    }
  }

  synchronized double size() {
    return waiting.size();
  }
}
