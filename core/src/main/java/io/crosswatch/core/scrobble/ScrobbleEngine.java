package io.crosswatch.core.scrobble;

import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.scrobble.ScrobbleRules.Phase;
import io.crosswatch.core.scrobble.ScrobbleRules.Step;
import io.crosswatch.core.state.ScrobbleQueue;
import io.crosswatch.core.state.ScrobbleQueue.Finished;
import io.crosswatch.core.state.ScrobbleQueue.NewCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrobbling engine: applies {@link ScrobbleRules} to the reports of the configured sources and
 * users, queues each resulting call per sink in the state database before {@link #accept} returns,
 * and sends the queue in the background (one sender per sink, in order, retried with backoff).
 *
 * <p>Threads: {@link #accept}, {@link #nowPlaying} and {@link #recent} may be called from any
 * thread (webhook handlers, watchers, the dashboard); each sink has one daemon sender thread
 * (unless built with {@code sendInBackground(false)}, when {@link #sendDue} sends instead).
 * Observers are called on the thread that made the notice (for a viewing change, the one in {@code
 * accept}, while it holds the engine's lock), so they must return quickly.
 */
public final class ScrobbleEngine implements Scrobbler {
  /**
   * How long a finished viewing is remembered (in the state database): within it, further stops and
   * playing reports at or past the threshold of the same item by the same user send nothing.
   */
  public static final Duration FINISHED_WINDOW = Duration.ofHours(6);

  /**
   * How long a finished viewing stays in memory after its last report: a burst of repeats (the same
   * webhook sent again, Plex's {@code media.scrobble} with {@code media.stop}, the watcher's next
   * poll) is answered from memory; a later report finds it in the state database by one indexed
   * query, with the same outcome. Memory is then bounded by seconds of traffic.
   */
  public static final Duration RECENT_WINDOW = Duration.ofSeconds(10);

  /** A viewing in progress with no report for this long is forgotten (its stop never came). */
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(6);

  /** Calls that ended (sent or dropped) are kept this long in the queue table, then removed. */
  public static final Duration ENDED_RETENTION = Duration.ofDays(7);

  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
  private static final Duration ERROR_WAIT = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ScrobbleEngine.class);

  private final List<ScrobbleSettings.Source> sources;
  private final List<String> sinkLabels;
  private final ScrobbleQueue queue;
  private final Clock clock;
  private final NoticeLog notices;
  private final List<SinkSender> senders = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final Viewings viewings = new Viewings();
  private final AtomicLong viewingSeq = new AtomicLong();
  private final Object lock = new Object();
  private volatile boolean closed;
  private Instant lastPrune;

  private ScrobbleEngine(Builder b) {
    this.sources = b.settings.sources();
    this.sinkLabels = List.copyOf(b.sinks.keySet());
    this.clock = b.clock;
    this.notices = new NoticeLog(b.observers);
    this.queue = ScrobbleQueue.open(b.stateDir);
    RetryPolicy retries = new RetryPolicy(b.random);
    b.sinks.forEach(
        (label, target) ->
            senders.add(new SinkSender(label, target, queue, retries, clock, notices)));
    try {
      prune(clock.instant());
      reportForgottenSinks();
    } catch (RuntimeException e) {
      queue.close();
      throw e;
    }
    if (b.background) {
      for (SinkSender sender : senders) {
        Worker worker = new Worker(sender);
        workers.add(worker);
        worker.thread.start();
      }
    }
  }

  /**
   * An engine for the given sources, sending to {@code sinks} (by label, {@code PROVIDER:instance};
   * the map's order is the order calls are queued in) and keeping its queue in {@code stateDir}'s
   * state database.
   */
  public static Builder builder(
      ScrobbleSettings settings, Map<String, ScrobbleTarget> sinks, Path stateDir) {
    return new Builder(settings, sinks, stateDir);
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.crosswatch.core.state.StateException when the calls cannot be stored or a finished
   *     viewing cannot be looked up (the state database stayed locked past its busy timeout, the
   *     disk is full); the report then changed nothing and may be given again
   * @throws IllegalStateException when the engine is closed
   */
  @Override
  public void accept(PlaybackEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new IllegalStateException("the scrobble engine is closed");
    }
    if (!scrobbles(event)) {
      LOG.debug(
          "ignored a {} report of {} {}: the user is not listed for that source",
          event.via(),
          event.source(),
          event.instance());
      return;
    }
    boolean queued;
    synchronized (lock) {
      Instant now = clock.instant();
      viewings.evict(now.minus(IDLE_TIMEOUT), now.minus(RECENT_WINDOW));
      if (lastPrune == null || !now.isBefore(lastPrune.plus(PRUNE_EVERY))) {
        pruneQuietly(now);
      }
      String scope = Viewings.scope(event.source(), event.instance(), event.user());
      List<String> tokens = Viewings.tokens(event.item());
      Viewing previous = find(scope, tokens, now);
      boolean forgotten = previous != null && forgotten(previous, now);
      Phase phase = previous == null || forgotten ? Phase.NONE : previous.phase();
      boolean beforeFinish = phase == Phase.FINISHED && !event.at().isAfter(previous.finishedAt());
      Step step = ScrobbleRules.step(phase, event.state(), event.progressPercent(), beforeFinish);
      Viewing next = next(previous, step, event, scope, tokens, now);
      queued = step.action() != null;
      if (!queued && grew(previous, next)) {
        queue.updateFinished(finished(next), ItemKeys.titleKey(previous.item()));
      }
      if (queued) {
        queue.add(calls(next, step.action(), event), finished(next), now);
        // published before the senders are woken, so that a viewing's change is told first
        notices.publish(
            new ScrobbleNotice(
                "scrobble:" + step.action().key(),
                now,
                event.source(),
                event.user(),
                next.item(),
                null,
                step.action(),
                event.progressPercent(),
                "via "
                    + event.via()
                    + (step.newViewing() && phase == Phase.FINISHED ? ", rewatch" : "")));
      }
      viewings.replace(previous, next);
    }
    if (queued) {
      workers.forEach(Worker::wake);
    }
  }

  @Override
  public List<NowPlaying> nowPlaying() {
    synchronized (lock) {
      return viewings.inProgress();
    }
  }

  @Override
  public List<ScrobbleNotice> recent(int limit) {
    return notices.recent(limit);
  }

  /**
   * Sends every queued call that is due now, sink after sink, on the calling thread; for an engine
   * built with {@code sendInBackground(false)} (tests, benchmarks that drive time by hand).
   *
   * @return when the next queued call is due, or empty when the queue holds none for these sinks
   */
  public Optional<Instant> sendDue() {
    if (!workers.isEmpty()) {
      throw new IllegalStateException("this engine sends in the background");
    }
    Instant next = null;
    for (SinkSender sender : senders) {
      Optional<Instant> due = sender.drain(() -> closed);
      if (due.isPresent() && (next == null || due.get().isBefore(next))) {
        next = due.get();
      }
    }
    return Optional.ofNullable(next);
  }

  /** The calls still waiting to be sent, oldest first (for status pages and tests). */
  public List<ScrobbleQueue.Call> pending() {
    return queue.calls(ScrobbleQueue.Status.PENDING);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    workers.forEach(Worker::wake);
    for (Worker worker : workers) {
      worker.stop();
    }
    queue.close();
  }

  /**
   * The viewing a report belongs to: the one in memory, unless none there was reported within
   * {@link #RECENT_WINDOW}; then also the one finished last in the state database (within {@link
   * #FINISHED_WINDOW}) sharing a token, whichever was reported later.
   */
  private Viewing find(String scope, List<String> tokens, Instant now) {
    Viewing held = viewings.find(scope, tokens).orElse(null);
    if (held != null && !held.updatedAt().isBefore(now.minus(RECENT_WINDOW))) {
      return held;
    }
    Viewing stored =
        queue
            .finished(scope, tokens, now.minus(FINISHED_WINDOW))
            .map(this::remembered)
            .orElse(null);
    return stored != null && (held == null || stored.updatedAt().isAfter(held.updatedAt()))
        ? stored
        : held;
  }

  /** Whether a finished viewing gained ids or tokens from a report that sends nothing. */
  private static boolean grew(Viewing previous, Viewing next) {
    return previous != null
        && previous.phase() == Phase.FINISHED
        && next.phase() == Phase.FINISHED
        && (!next.tokens().equals(previous.tokens()) || !next.item().equals(previous.item()));
  }

  /** Whether a viewing is past the time it is remembered for (pruning may not have run yet). */
  private static boolean forgotten(Viewing viewing, Instant now) {
    return viewing.finishedAt() != null
        ? viewing.finishedAt().isBefore(now.minus(FINISHED_WINDOW))
        : viewing.updatedAt().isBefore(now.minus(IDLE_TIMEOUT));
  }

  private boolean scrobbles(PlaybackEvent event) {
    return sources.stream()
        .anyMatch(
            s ->
                s.provider().equalsIgnoreCase(event.source())
                    && s.instance().equals(event.instance())
                    && s.scrobbles(event.user()));
  }

  private Viewing next(
      Viewing previous,
      Step step,
      PlaybackEvent event,
      String scope,
      List<String> tokens,
      Instant now) {
    boolean fresh = previous == null || step.newViewing();
    Item item = fresh ? event.item() : merged(previous.item(), event.item());
    Set<String> allTokens = new HashSet<>(tokens);
    if (!fresh) {
      allTokens.addAll(previous.tokens());
    }
    String id =
        fresh
            ? scope
                + "|"
                + ItemKeys.titleKey(item)
                + "|"
                + now.toEpochMilli()
                + "-"
                + viewingSeq.incrementAndGet()
            : previous.id();
    PlaybackState state = step.phase() == Phase.FINISHED ? PlaybackState.STOPPED : event.state();
    Instant finishedAt =
        step.phase() != Phase.FINISHED
            ? null
            : step.action() == ScrobbleAction.STOP ? event.at() : previous.finishedAt();
    double progress =
        step.phase() == Phase.FINISHED && step.action() == null
            ? previous.progressPercent()
            : event.progressPercent();
    return new Viewing(
        id,
        scope,
        event.source(),
        event.instance(),
        event.user(),
        allTokens,
        item,
        step.phase(),
        state,
        progress,
        now,
        finishedAt);
  }

  /** The earlier item with the ids a later report adds (its own ids win). */
  private static Item merged(Item earlier, Item later) {
    Item withIds = earlier.withIds(earlier.ids().merge(later.ids()));
    return withIds.equals(earlier) ? earlier : withIds;
  }

  private List<NewCall> calls(Viewing viewing, ScrobbleAction action, PlaybackEvent event) {
    List<NewCall> calls = new ArrayList<>(sinkLabels.size());
    for (String sink : sinkLabels) {
      calls.add(
          new NewCall(
              sink,
              viewing.id(),
              action,
              event.source(),
              event.user(),
              viewing.item(),
              event.progressPercent(),
              event.at()));
    }
    return calls;
  }

  private static Finished finished(Viewing viewing) {
    if (viewing.phase() != Phase.FINISHED) {
      return null;
    }
    return new Finished(
        viewing.scope(),
        ItemKeys.titleKey(viewing.item()),
        List.copyOf(viewing.tokens()),
        viewing.item(),
        viewing.progressPercent(),
        viewing.finishedAt());
  }

  private Viewing remembered(Finished f) {
    String[] parts = f.scope().split("\\|", 3);
    return new Viewing(
        f.scope() + "|" + f.title() + "|" + f.finishedAt().toEpochMilli(),
        f.scope(),
        parts[0],
        parts.length > 1 ? parts[1] : "",
        parts.length > 2 ? parts[2] : "",
        new HashSet<>(f.tokens()),
        f.item(),
        Phase.FINISHED,
        PlaybackState.STOPPED,
        f.progressPercent(),
        f.finishedAt(),
        f.finishedAt());
  }

  private void prune(Instant now) {
    lastPrune = now;
    queue.prune(now.minus(ENDED_RETENTION), now.minus(FINISHED_WINDOW));
  }

  /** How many viewings the engine holds in memory. */
  int viewingsHeld() {
    synchronized (lock) {
      return viewings.size();
    }
  }

  /** Prunes, but a report is not refused because old rows could not be removed this time. */
  private void pruneQuietly(Instant now) {
    try {
      prune(now);
    } catch (RuntimeException e) {
      LOG.warn("could not prune the scrobble queue, trying again later: {}", e.getMessage());
    }
  }

  private void reportForgottenSinks() {
    for (String sink : queue.pendingSinks()) {
      if (!sinkLabels.contains(sink)) {
        LOG.warn(
            "the scrobble queue holds calls for {}, which is no longer a configured sink; they"
                + " stay queued until it is configured again",
            sink);
      }
    }
  }

  /** One sink's background sender thread. */
  private final class Worker implements Runnable {
    private final SinkSender sender;
    private final Thread thread;
    private boolean woken;

    Worker(SinkSender sender) {
      this.sender = sender;
      this.thread = new Thread(this, "scrobble-sender-" + sender.label());
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!closed) {
        Duration wait;
        try {
          Optional<Instant> due = sender.drain(() -> closed);
          wait =
              due.map(d -> Duration.between(clock.instant(), d))
                  .filter(d -> d.compareTo(IDLE_WAIT) < 0)
                  .orElse(IDLE_WAIT);
        } catch (RuntimeException e) {
          if (closed) {
            return;
          }
          LOG.warn("scrobble sender for {} failed, trying again: {}", sender.label(), e.toString());
          wait = ERROR_WAIT;
        }
        if (!pause(wait)) {
          return;
        }
      }
    }

    /** Waits until woken or {@code wait} passed; false when interrupted. */
    private synchronized boolean pause(Duration wait) {
      long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
      try {
        while (!woken && !closed) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      woken = false;
      return true;
    }

    synchronized void wake() {
      woken = true;
      notifyAll();
    }

    void stop() {
      try {
        thread.join(CLOSE_WAIT.toMillis());
        if (thread.isAlive()) {
          thread.interrupt();
          thread.join(1_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Builds a {@link ScrobbleEngine}; clock, randomness and the sender threads can be replaced. */
  public static final class Builder {
    private final ScrobbleSettings settings;
    private final Map<String, ScrobbleTarget> sinks;
    private final Path stateDir;
    private Clock clock = Clock.systemUTC();
    private Random random = new Random();
    private final List<ScrobbleObserver> observers = new ArrayList<>();
    private boolean background = true;

    private Builder(ScrobbleSettings settings, Map<String, ScrobbleTarget> sinks, Path stateDir) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.sinks = new LinkedHashMap<>(Objects.requireNonNull(sinks, "sinks"));
      this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The randomness of the retry jitter. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder observer(ScrobbleObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Whether sender threads send the queue (the default); without them {@link #sendDue} does, on
     * the caller's thread.
     */
    public Builder sendInBackground(boolean background) {
      this.background = background;
      return this;
    }

    /**
     * Opens the queue and starts the senders, which first send what an earlier run left queued.
     *
     * @throws io.crosswatch.core.state.StateException when the state database cannot be opened
     */
    public ScrobbleEngine build() {
      return new ScrobbleEngine(this);
    }
  }
}
