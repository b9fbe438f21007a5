package io.crosswatch.bench;

import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.config.ScrobbleSettings.Sink;
import io.crosswatch.core.config.ScrobbleSettings.Source;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleEngine;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Times the scrobbling engine without HTTP: from {@code accept} of a stopped report to the sink's
 * call, with sinks that answer at once; then feeds reports at a steady rate (mixed users and
 * titles, duplicates included) and checks that every viewing's stop reached every sink exactly
 * once, sampling the heap after GC while it runs. Usage: {@code ScrobbleBenchmark <empty state dir>
 * [latency samples=500] [reports per second=100] [seconds=30]}.
 *
 * <p>{@code ScrobbleBenchmark --simulated <empty state dir> [reports per simulated second=100]
 * [simulated hours=2] [minutes between heap samples=5] [titles=100000]} drives the same traffic on
 * a clock the harness moves (as fast as the engine takes it, not in real time), sending what is due
 * after every simulated second, to show the engine's memory over hours of simulated time: the heap
 * after GC must level off once the finished viewings pass the engine's memory window.
 *
 * <p>The state database is real (SQLite, WAL, synchronous=FULL): every {@code accept} that queues
 * calls commits before it returns, and each sent call is marked in its own commit.
 */
public final class ScrobbleBenchmark {
  private static final String[] SINKS = {"TRAKT:default", "SIMKL:default"};

  private ScrobbleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: ScrobbleBenchmark <empty state dir> [latency samples] [rate/s] [seconds]\n"
              + "       ScrobbleBenchmark --simulated <empty state dir> [rate/s] [hours]"
              + " [minutes between samples] [titles]");
      System.exit(2);
    }
    if (args[0].equals("--simulated") && args.length > 1) {
      System.out.printf(Locale.ROOT, "machine: %s, load %s%n", machine(), loadAverage());
      simulated(
          Path.of(args[1]),
          args.length > 2 ? Integer.parseInt(args[2]) : 100,
          args.length > 3 ? Double.parseDouble(args[3]) : 2,
          args.length > 4 ? Integer.parseInt(args[4]) : 5,
          args.length > 5 ? Integer.parseInt(args[5]) : 100_000);
      return;
    }
    Path stateDir = Path.of(args[0]);
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    System.out.printf(Locale.ROOT, "machine: %s, load %s%n", machine(), loadAverage());
    latency(stateDir.resolve("latency"), samples);
    load(stateDir.resolve("load"), rate, seconds);
  }

  /** One stopped report at a time; the time until each sink was called. */
  private static void latency(Path stateDir, int samples) throws InterruptedException {
    Map<String, RecordingSink> sinks = sinks(true);
    long cpu0 = OwnJvm.cpuNanos();
    try (ScrobbleEngine engine = engine(stateDir, sinks, Clock.systemUTC(), true)) {
      int warmup = Math.min(100, samples);
      long[] acceptNanos = new long[samples];
      long[] callNanos = new long[samples];
      for (int i = 0; i < warmup + samples; i++) {
        Item item = Item.movie("Latency " + i, 2000, Ids.of(IdKind.TMDB, 500_000 + i));
        String key = key(item);
        long t0 = System.nanoTime();
        engine.accept(
            new PlaybackEvent(
                "PLEX",
                "default",
                "user0",
                "s" + i,
                item,
                PlaybackState.STOPPED,
                95,
                Instant.now(),
                "webhook"));
        long accepted = System.nanoTime();
        long called = 0;
        for (RecordingSink sink : sinks.values()) {
          called = Math.max(called, sink.awaitStop(key, 10_000));
        }
        if (i >= warmup) {
          acceptNanos[i - warmup] = accepted - t0;
          callNanos[i - warmup] = called - t0;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "latency, %d stopped reports one at a time (after %d warm-up), 2 sinks:%n"
              + "  accept returned:        %s%n"
              + "  last sink called:       %s%n",
          samples,
          warmup,
          summary(acceptNanos),
          summary(callNanos));
    }
    System.out.printf(
        Locale.ROOT,
        "  process CPU %.1f s, load %s%n",
        (OwnJvm.cpuNanos() - cpu0) / 1e9,
        loadAverage());
  }

  /** Steady reports of many viewings; every stop must arrive once at every sink. */
  private static void load(Path stateDir, int rate, int seconds) throws InterruptedException {
    Map<String, RecordingSink> sinks = sinks(false);
    ScrobbleTraffic traffic = new ScrobbleTraffic(new Random(42), 200);
    long cpu0 = OwnJvm.cpuNanos();
    String load0 = loadAverage();
    List<Long> heap = new ArrayList<>();
    long[] acceptNanos = new long[rate * seconds];
    Instant base = Instant.ofEpochMilli(System.currentTimeMillis()); // the queue keeps ms
    int reports = 0;
    long wallStart;
    long wallEnd;
    try (ScrobbleEngine engine = engine(stateDir, sinks, Clock.systemUTC(), true)) {
      long interval = 1_000_000_000L / rate;
      wallStart = System.nanoTime();
      long nextSample = wallStart;
      for (int n = 0; n < rate * seconds; n++) {
        LockSupport.parkNanos(wallStart + n * interval - System.nanoTime());
        // unique per report: names the viewing's stop
        PlaybackEvent event = traffic.next(base.plusMillis(n));
        long t0 = System.nanoTime();
        engine.accept(event);
        acceptNanos[n] = System.nanoTime() - t0;
        reports++;
        if (System.nanoTime() >= nextSample) {
          heap.add(OwnJvm.heapAfterGc());
          nextSample += 5_000_000_000L;
        }
      }
      wallEnd = System.nanoTime();
      long drainStart = System.nanoTime();
      while (!engine.pending().isEmpty() && System.nanoTime() - drainStart < 120_000_000_000L) {
        Thread.sleep(50);
      }
      heap.add(OwnJvm.heapAfterGc());
      System.out.printf(
          Locale.ROOT,
          "load: %d reports in %.1f s (%.1f/s), %d viewings begun, %d finished (each with a"
              + " repeated stop), %d users x %d titles%n"
              + "  accept returned:        %s%n"
              + "  queue empty %.2f s after the last report; pending left: %d%n",
          reports,
          (wallEnd - wallStart) / 1e9,
          reports / ((wallEnd - wallStart) / 1e9),
          traffic.viewingsStarted(),
          traffic.expectedStops().size(),
          ScrobbleTraffic.USERS,
          traffic.titles(),
          summary(acceptNanos),
          (System.nanoTime() - drainStart) / 1e9,
          engine.pending().size());
    }
    boolean ok = everyStopOnce(sinks, traffic.expectedStops());
    System.out.printf(
        Locale.ROOT,
        "  heap used after GC every 5 s (MB): %s%n  process CPU %.1f s, load %s -> %s%n  %s%n",
        heap.stream().map(ScrobbleBenchmark::megabytes).toList(),
        (OwnJvm.cpuNanos() - cpu0) / 1e9,
        load0,
        loadAverage(),
        ok ? "no loss, no duplicate" : "LOSS OR DUPLICATES");
  }

  /**
   * The same traffic on a simulated clock, as fast as the engine takes it: {@code rate} reports per
   * simulated second for {@code hours}, sending what is due after every simulated second; the heap
   * after GC every {@code sampleMinutes} of simulated time.
   */
  private static void simulated(
      Path stateDir, int rate, double hours, int sampleMinutes, int titles) {
    Map<String, RecordingSink> sinks = sinks(false);
    ScrobbleTraffic traffic = new ScrobbleTraffic(new Random(42), titles);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T18:00:00Z"));
    Duration tick = Duration.ofSeconds(1).dividedBy(rate);
    long total = Math.round(hours * 3600 * rate);
    long perSample = (long) sampleMinutes * 60 * rate;
    long cpu0 = OwnJvm.cpuNanos();
    long wall0 = System.nanoTime();
    String load0 = loadAverage();
    System.out.printf(
        Locale.ROOT,
        "simulated: %d reports/s of simulated time for %.1f h (%d reports), %d users x %d titles,"
            + " engine memory window %d s, finished viewings remembered %d h%n"
            + "  simulated time | heap after GC | playing now | wall s | process CPU s | load%n",
        rate,
        hours,
        total,
        ScrobbleTraffic.USERS,
        titles,
        ScrobbleEngine.RECENT_WINDOW.toSeconds(),
        ScrobbleEngine.FINISHED_WINDOW.toHours());
    // compared every simulated second, so that the harness's own bookkeeping stays small
    Map<String, StopCount> counts = new LinkedHashMap<>();
    sinks.keySet().forEach(label -> counts.put(label, StopCount.NONE));
    Runnable tally =
        () -> {
          Set<Instant> expected = traffic.takeExpectedStops();
          sinks.forEach(
              (label, sink) ->
                  counts.merge(
                      label, StopCount.of(sink.takeStopTimes(), expected), StopCount::plus));
        };
    try (ScrobbleEngine engine = engine(stateDir, sinks, clock, false)) {
      for (long n = 1; n <= total; n++) {
        engine.accept(traffic.next(clock.instant()));
        clock.advance(tick);
        if (n % rate == 0 || n == total) {
          engine.sendDue();
          tally.run();
        }
        if (n % perSample == 0 || n == total) {
          System.out.printf(
              Locale.ROOT,
              "  %s | %s MB | %d | %.0f | %.1f | %s%n",
              Duration.ofSeconds(n / rate).toString().substring(2).toLowerCase(Locale.ROOT),
              megabytes(OwnJvm.heapAfterGc()),
              engine.nowPlaying().size(),
              (System.nanoTime() - wall0) / 1e9,
              (OwnJvm.cpuNanos() - cpu0) / 1e9,
              loadAverage());
        }
      }
    }
    boolean ok = print(counts, sinks);
    System.out.printf(
        Locale.ROOT,
        "  %d viewings begun, %d finished; wall %.1f s, process CPU %.1f s, load %s -> %s%n  %s%n",
        traffic.viewingsStarted(),
        counts.values().iterator().next().expected(),
        (System.nanoTime() - wall0) / 1e9,
        (OwnJvm.cpuNanos() - cpu0) / 1e9,
        load0,
        loadAverage(),
        ok ? "no loss, no duplicate" : "LOSS OR DUPLICATES");
  }

  /** Prints each sink's stops against the expected ones; whether each came exactly once. */
  private static boolean everyStopOnce(Map<String, RecordingSink> sinks, Set<Instant> expected) {
    Map<String, StopCount> counts = new LinkedHashMap<>();
    sinks.forEach((label, sink) -> counts.put(label, StopCount.of(sink.stopTimes(), expected)));
    return print(counts, sinks);
  }

  private static boolean print(Map<String, StopCount> counts, Map<String, RecordingSink> sinks) {
    boolean ok = true;
    for (Map.Entry<String, StopCount> e : counts.entrySet()) {
      StopCount c = e.getValue();
      ok &= c.ok();
      System.out.printf(
          Locale.ROOT,
          "  %s: %d stops (expected %d), missing %d, duplicates %d, unexpected %d; %d starts,"
              + " %d pauses%n",
          e.getKey(),
          c.stops(),
          c.expected(),
          c.missing(),
          c.duplicates(),
          c.unexpected(),
          sinks.get(e.getKey()).count(ScrobbleAction.START),
          sinks.get(e.getKey()).count(ScrobbleAction.PAUSE));
    }
    return ok;
  }

  /** How the stops one sink received compare with the plays expected. */
  private record StopCount(int stops, int expected, int missing, int duplicates, int unexpected) {
    static final StopCount NONE = new StopCount(0, 0, 0, 0, 0);

    static StopCount of(List<Instant> stops, Set<Instant> expected) {
      Set<Instant> distinct = new HashSet<>(stops);
      Set<Instant> missing = new HashSet<>(expected);
      missing.removeAll(distinct);
      Set<Instant> unexpected = new HashSet<>(distinct);
      unexpected.removeAll(expected);
      return new StopCount(
          stops.size(),
          expected.size(),
          missing.size(),
          stops.size() - distinct.size(),
          unexpected.size());
    }

    StopCount plus(StopCount o) {
      return new StopCount(
          stops + o.stops,
          expected + o.expected,
          missing + o.missing,
          duplicates + o.duplicates,
          unexpected + o.unexpected);
    }

    boolean ok() {
      return missing == 0 && duplicates == 0 && unexpected == 0;
    }
  }

  private static ScrobbleEngine engine(
      Path stateDir, Map<String, RecordingSink> sinks, Clock clock, boolean background) {
    ScrobbleSettings settings =
        new ScrobbleSettings(
            true,
            List.of(
                new Source(
                    "PLEX",
                    "default",
                    Via.WEBHOOK,
                    IntStream.range(0, ScrobbleTraffic.USERS).mapToObj(u -> "user" + u).toList())),
            Arrays.stream(SINKS).map(s -> new Sink(s.split(":")[0], s.split(":")[1])).toList());
    return ScrobbleEngine.builder(settings, new LinkedHashMap<>(sinks), stateDir)
        .clock(clock)
        .random(new Random(7))
        .sendInBackground(background)
        .build();
  }

  private static Map<String, RecordingSink> sinks(boolean timed) {
    Map<String, RecordingSink> sinks = new LinkedHashMap<>();
    for (String s : SINKS) {
      sinks.put(s, new RecordingSink(timed));
    }
    return sinks;
  }

  private static String key(Item item) {
    return item.ids().value(IdKind.TMDB);
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cpus, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * A sink that answers at once and records the time each stop names; a timed one also records when
   * the first stop of each item came (one entry per item: only for the latency run).
   */
  private static final class RecordingSink implements ScrobbleTarget {
    private final boolean timed;
    private final Map<String, Long> stopCalledAt = new ConcurrentHashMap<>();
    private final List<Instant> stopTimes = new ArrayList<>();
    private final Map<ScrobbleAction, Integer> counts = new ConcurrentHashMap<>();

    RecordingSink(boolean timed) {
      this.timed = timed;
    }

    @Override
    public ScrobbleOutcome scrobble(
        ScrobbleAction action, Item item, double progressPercent, Instant at) {
      long now = System.nanoTime();
      counts.merge(action, 1, Integer::sum);
      if (action == ScrobbleAction.STOP) {
        synchronized (this) {
          stopTimes.add(at);
          if (timed) {
            stopCalledAt.putIfAbsent(key(item), now);
          }
          notifyAll();
        }
      }
      return ScrobbleOutcome.SENT;
    }

    /** When the stop of the item keyed {@code key} came (System.nanoTime), waiting for it. */
    synchronized long awaitStop(String key, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (!stopCalledAt.containsKey(key)) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("no stop for " + key + " within " + millis + " ms");
        }
        wait(left);
      }
      return stopCalledAt.get(key);
    }

    synchronized List<Instant> stopTimes() {
      return List.copyOf(stopTimes);
    }

    /** {@link #stopTimes}, forgetting them: the next call returns only those that came since. */
    synchronized List<Instant> takeStopTimes() {
      List<Instant> taken = List.copyOf(stopTimes);
      stopTimes.clear();
      return taken;
    }

    int count(ScrobbleAction action) {
      return counts.getOrDefault(action, 0);
    }
  }
}
