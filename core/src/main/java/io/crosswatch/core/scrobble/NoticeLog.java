package io.crosswatch.core.scrobble;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes notices to the observers and keeps the latest ones in memory for {@code recent}. */
final class NoticeLog {
  /** How many notices {@link #recent} can return. */
  static final int CAPACITY = 100;

  private static final Logger LOG = LoggerFactory.getLogger(NoticeLog.class);

  private final List<ScrobbleObserver> observers;
  private final Deque<ScrobbleNotice> latest = new ArrayDeque<>(CAPACITY);

  NoticeLog(List<ScrobbleObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  void publish(ScrobbleNotice notice) {
    synchronized (latest) {
      if (latest.size() == CAPACITY) {
        latest.removeLast();
      }
      latest.addFirst(notice);
    }
    for (ScrobbleObserver observer : observers) {
      try {
        observer.notice(notice);
      } catch (RuntimeException e) {
        LOG.warn("a scrobble observer failed on {}: {}", notice.event(), e.toString());
      }
    }
  }

  /** The latest notices, newest first, at most {@code limit}. */
  List<ScrobbleNotice> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    synchronized (latest) {
      List<ScrobbleNotice> out = new ArrayList<>(Math.min(limit, latest.size()));
      Iterator<ScrobbleNotice> it = latest.iterator();
      while (out.size() < limit && it.hasNext()) {
        out.add(it.next());
      }
      return out;
    }
  }
}
