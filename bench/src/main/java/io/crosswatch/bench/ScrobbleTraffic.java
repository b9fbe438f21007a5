package io.crosswatch.bench;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The reports of many viewings at once, mixed users and titles: 40 viewings run at once, drawn from
 * 20 users × a number of titles (a pair is reused after it finished, which the engine must treat as
 * a rewatch); each reports playing 1 %, playing 30 % (a repeat), paused 40 %, playing 40 %, stopped
 * 92 % (Plex's {@code media.scrobble}) and stopped 95 % (its {@code media.stop}), alternating
 * "webhook" and "watch" and random session ids. Remembers the time of each viewing's first stop,
 * which names the play every sink must get exactly once.
 */
final class ScrobbleTraffic {
  static final int USERS = 20;
  private static final int ACTIVE_VIEWINGS = 40;

  private static final PlaybackState[] STATES = {
    PlaybackState.PLAYING,
    PlaybackState.PLAYING,
    PlaybackState.PAUSED,
    PlaybackState.PLAYING,
    PlaybackState.STOPPED,
    PlaybackState.STOPPED
  };

  private static final double[] PROGRESS = {1, 30, 40, 40, 92, 95};

  private final Random random;
  private final int titles;
  private final List<int[]> active = new ArrayList<>(); // {user, title, next report index}
  private final Set<Long> stopped = new HashSet<>(); // by user * titles + title
  private final Set<Long> busy = new HashSet<>();
  private final Set<Instant> expectedStops = new HashSet<>();
  private int viewingsStarted;

  ScrobbleTraffic(Random random, int titles) {
    this.random = random;
    this.titles = titles;
  }

  /** The next report, made at {@code at} (which must differ from every earlier report's). */
  PlaybackEvent next(Instant at) {
    while (active.size() < ACTIVE_VIEWINGS) {
      int user = random.nextInt(USERS);
      int title = random.nextInt(titles);
      if (busy.add((long) user * titles + title)) {
        active.add(new int[] {user, title, 0});
        viewingsStarted++;
      }
    }
    int[] viewing = active.get(random.nextInt(active.size()));
    int step = viewing[2]++;
    long slot = (long) viewing[0] * titles + viewing[1];
    if (STATES[step] == PlaybackState.STOPPED && stopped.add(slot)) {
      expectedStops.add(at);
    }
    PlaybackEvent event =
        new PlaybackEvent(
            "PLEX",
            "default",
            "user" + viewing[0],
            "session-" + random.nextInt(3), // webhook and watcher name it differently
            title(viewing[1]),
            STATES[step],
            PROGRESS[step],
            at,
            step % 2 == 0 ? "webhook" : "watch");
    if (viewing[2] == STATES.length) {
      active.remove(viewing);
      busy.remove(slot);
      stopped.remove(slot);
    }
    return event;
  }

  /** The times of the first stop of every viewing that reached one: one play each. */
  Set<Instant> expectedStops() {
    return Set.copyOf(expectedStops);
  }

  /** {@link #expectedStops}, forgetting them: the next call returns only those that came since. */
  Set<Instant> takeExpectedStops() {
    Set<Instant> taken = Set.copyOf(expectedStops);
    expectedStops.clear();
    return taken;
  }

  int titles() {
    return titles;
  }

  int viewingsStarted() {
    return viewingsStarted;
  }

  static Item title(int t) {
    return Item.movie("Title " + t, 1990 + t % 30, Ids.of(IdKind.TMDB, 1000 + t));
  }
}
