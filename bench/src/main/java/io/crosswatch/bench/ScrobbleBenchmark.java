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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * <p>The state database is real (SQLite, WAL, synchronous=FULL): every {@code accept} that queues
 * calls commits before it returns, and each sent call is marked in its own commit.
 */
public final class ScrobbleBenchmark {
  private static final String[] SINKS = {"TRAKT:default", "SIMKL:default"};
  private static final int USERS = 20;
  private static final int TITLES = 200;
  private static final int ACTIVE_VIEWINGS = 40;

  /** The reports of one viewing: start, a repeat, pause, resume, Plex's scrobble, then its stop. */
  private static final PlaybackState[] STATES = {
    PlaybackState.PLAYING,
    PlaybackState.PLAYING,
    PlaybackState.PAUSED,
    PlaybackState.PLAYING,
    PlaybackState.STOPPED,
    PlaybackState.STOPPED
  };

  private static final double[] PROGRESS = {1, 30, 40, 40, 92, 95};

  private ScrobbleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: ScrobbleBenchmark <empty state dir> [latency samples] [rate/s] [seconds]");
      System.exit(2);
    }
    Path stateDir = Path.of(args[0]);
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    System.out.printf(
        Locale.ROOT,
        "machine: %d cpus, %s, load %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        loadAverage());
    latency(stateDir.resolve("latency"), samples);
    load(stateDir.resolve("load"), rate, seconds);
  }

  /** One stopped report at a time; the time until each sink was called. */
  private static void latency(Path stateDir, int samples) throws InterruptedException {
    Map<String, RecordingSink> sinks = sinks();
    long cpu0 = processCpuNanos();
    try (ScrobbleEngine engine = engine(stateDir, sinks)) {
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
        (processCpuNanos() - cpu0) / 1e9,
        loadAverage());
  }

  /** Steady reports of many viewings; every stop must arrive once at every sink. */
  private static void load(Path stateDir, int rate, int seconds) throws InterruptedException {
    Map<String, RecordingSink> sinks = sinks();
    Random random = new Random(42);
    long cpu0 = processCpuNanos();
    String load0 = loadAverage();
    List<Long> heap = new ArrayList<>();
    long[] acceptNanos = new long[rate * seconds];
    Set<Instant> expectedStops = new HashSet<>();
    Instant base = Instant.ofEpochMilli(System.currentTimeMillis()); // the queue keeps ms
    int reports = 0;
    int viewingsStarted = 0;
    long wallStart;
    long wallEnd;
    try (ScrobbleEngine engine = engine(stateDir, sinks)) {
      List<int[]> active = new ArrayList<>(); // {user, title, next report index}
      Map<Integer, Instant> firstStop = new HashMap<>(); // by user * TITLES + title
      Set<Integer> busy = new HashSet<>();
      long interval = 1_000_000_000L / rate;
      wallStart = System.nanoTime();
      long nextSample = wallStart;
      for (int n = 0; n < rate * seconds; n++) {
        LockSupport.parkNanos(wallStart + n * interval - System.nanoTime());
        while (active.size() < ACTIVE_VIEWINGS) {
          int user = random.nextInt(USERS);
          int title = random.nextInt(TITLES);
          if (busy.add(user * TITLES + title)) {
            active.add(new int[] {user, title, 0});
            viewingsStarted++;
          }
        }
        int[] viewing = active.get(random.nextInt(active.size()));
        int step = viewing[2]++;
        int slot = viewing[0] * TITLES + viewing[1];
        Instant at = base.plusMillis(n); // unique per report: names the viewing's stop
        if (STATES[step] == PlaybackState.STOPPED && !firstStop.containsKey(slot)) {
          firstStop.put(slot, at);
          expectedStops.add(at);
        }
        long t0 = System.nanoTime();
        engine.accept(
            new PlaybackEvent(
                "PLEX",
                "default",
                "user" + viewing[0],
                "session-" + random.nextInt(3), // webhook and watcher name it differently
                title(viewing[1]),
                STATES[step],
                PROGRESS[step],
                at,
                step % 2 == 0 ? "webhook" : "watch"));
        acceptNanos[n] = System.nanoTime() - t0;
        reports++;
        if (viewing[2] == STATES.length) {
          active.remove(viewing);
          busy.remove(slot);
          firstStop.remove(slot);
        }
        if (System.nanoTime() >= nextSample) {
          heap.add(heapAfterGc());
          nextSample += 5_000_000_000L;
        }
      }
      wallEnd = System.nanoTime();
      long drainStart = System.nanoTime();
      while (!engine.pending().isEmpty() && System.nanoTime() - drainStart < 120_000_000_000L) {
        Thread.sleep(50);
      }
      heap.add(heapAfterGc());
      System.out.printf(
          Locale.ROOT,
          "load: %d reports in %.1f s (%.1f/s), %d viewings begun, %d finished (each with a"
              + " repeated stop), %d users x %d titles%n"
              + "  accept returned:        %s%n"
              + "  queue empty %.2f s after the last report; pending left: %d%n",
          reports,
          (wallEnd - wallStart) / 1e9,
          reports / ((wallEnd - wallStart) / 1e9),
          viewingsStarted,
          expectedStops.size(),
          USERS,
          TITLES,
          summary(acceptNanos),
          (System.nanoTime() - drainStart) / 1e9,
          engine.pending().size());
    }
    boolean ok = true;
    for (Map.Entry<String, RecordingSink> e : sinks.entrySet()) {
      List<Instant> stops = e.getValue().stopTimes();
      Set<Instant> distinct = new HashSet<>(stops);
      Set<Instant> missing = new HashSet<>(expectedStops);
      missing.removeAll(distinct);
      Set<Instant> unexpected = new HashSet<>(distinct);
      unexpected.removeAll(expectedStops);
      int duplicates = stops.size() - distinct.size();
      ok &= missing.isEmpty() && unexpected.isEmpty() && duplicates == 0;
      System.out.printf(
          Locale.ROOT,
          "  %s: %d stops (expected %d), missing %d, duplicates %d, unexpected %d; %d starts,"
              + " %d pauses%n",
          e.getKey(),
          stops.size(),
          expectedStops.size(),
          missing.size(),
          duplicates,
          unexpected.size(),
          e.getValue().count(ScrobbleAction.START),
          e.getValue().count(ScrobbleAction.PAUSE));
    }
    System.out.printf(
        Locale.ROOT,
        "  heap used after GC every 5 s (MB): %s%n  process CPU %.1f s, load %s -> %s%n  %s%n",
        heap.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1e6)).toList(),
        (processCpuNanos() - cpu0) / 1e9,
        load0,
        loadAverage(),
        ok ? "no loss, no duplicate" : "LOSS OR DUPLICATES");
  }

  private static ScrobbleEngine engine(Path stateDir, Map<String, RecordingSink> sinks) {
    ScrobbleSettings settings =
        new ScrobbleSettings(
            true,
            List.of(
                new Source(
                    "PLEX",
                    "default",
                    Via.WEBHOOK,
                    IntStream.range(0, USERS).mapToObj(u -> "user" + u).toList())),
            Arrays.stream(SINKS).map(s -> new Sink(s.split(":")[0], s.split(":")[1])).toList());
    return ScrobbleEngine.builder(settings, new LinkedHashMap<>(sinks), stateDir)
        .random(new Random(7))
        .build();
  }

  private static Map<String, RecordingSink> sinks() {
    Map<String, RecordingSink> sinks = new LinkedHashMap<>();
    for (String s : SINKS) {
      sinks.put(s, new RecordingSink());
    }
    return sinks;
  }

  private static Item title(int t) {
    return Item.movie("Title " + t, 1990 + t % 30, Ids.of(IdKind.TMDB, 1000 + t));
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

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** A sink that answers at once and records when each call came. */
  private static final class RecordingSink implements ScrobbleTarget {
    private final Map<String, Long> stopCalledAt = new ConcurrentHashMap<>();
    private final List<Instant> stopTimes = new ArrayList<>();
    private final Map<ScrobbleAction, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public ScrobbleOutcome scrobble(
        ScrobbleAction action, Item item, double progressPercent, Instant at) {
      long now = System.nanoTime();
      counts.merge(action, 1, Integer::sum);
      if (action == ScrobbleAction.STOP) {
        synchronized (this) {
          stopTimes.add(at);
          stopCalledAt.putIfAbsent(key(item), now);
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

    int count(ScrobbleAction action) {
      return counts.getOrDefault(action, 0);
    }
  }
}
