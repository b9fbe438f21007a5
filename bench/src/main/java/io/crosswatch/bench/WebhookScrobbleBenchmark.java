package io.crosswatch.bench;

import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.server.CrosswatchServer;
import io.crosswatch.server.Listen;
import io.crosswatch.server.ServeSettings;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.testkit.fake.MultipartBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Measures live scrobbling inside the service, in one JVM: {@code cw serve}'s assembly on 127.0.0.1
 * with the real webhook receivers, the real Plex and Jellyfin webhook readers and the scrobbling
 * engine (its queue in a state database on disk), sending to a sink that answers at once. Clients
 * post Plex (multipart) and Jellyfin (JSON) webhooks at a fixed rate; each viewing is a play, a
 * pause, a resume and a stop at 95 %, of its own title, by one of 20 users.
 *
 * <p>Reports: webhooks answered, stops the sink received per viewing (none is a loss, two a
 * duplicate), the time from a stop webhook's sending to the sink's stop call (p50, p99, max), heap
 * after a full GC every 5 s, process CPU time and the load average. The harness's own bookkeeping
 * (when each stop was sent, what the sink got) is allocated before the heap is first read, so the
 * heap figures follow the service's memory.
 *
 * <p>Usage: {@code WebhookScrobbleBenchmark [webhooks per second] [seconds] [workDir]} (default
 * 100, 30).
 */
public final class WebhookScrobbleBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(8))
          .build();
  private static final long RUNTIME_MS = 6_000_000;
  private static final int USERS = 20;
  private static final int WARM_UP = 20;
  private static final String[] PLEX_STEPS = {
    "media.play", "media.pause", "media.resume", "media.stop"
  };
  private static final String[] JELLYFIN_STEPS = {
    "PlaybackStart", "PlaybackProgress", "PlaybackProgress", "PlaybackStop"
  };
  private static final double[] PERCENT = {1, 30, 30, 95};

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path dir =
        args.length > 2
            ? Path.of(args[2])
            : Files.createTempDirectory("crosswatch-scrobble-bench-");
    Files.createDirectories(dir);
    new WebhookScrobbleBenchmark().run(dir.toAbsolutePath(), rate, seconds);
    System.exit(0);
  }

  private void run(Path dir, int rate, int seconds) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "cores %d, JDK %s, load %.2f, %d webhooks/s for %d s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        ChildRun.loadAverage(),
        rate,
        seconds);
    List<String> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      users.add("user" + u);
    }
    String quoted = "\"" + String.join("\", \"", users) + "\"";
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        """
        {"plex": {}, "jellyfin": {"server": "http://127.0.0.1:9"}, "instant": {}, "pairs": [],
         "scrobble": {"enabled": true,
           "sources": [{"provider": "PLEX", "via": "webhook", "users": [%s]},
                       {"provider": "JELLYFIN", "via": "webhook", "users": [%s]}],
           "sinks": [{"provider": "INSTANT"}]}}
        """
            .formatted(quoted, quoted));
    // Each viewing's four webhooks go out `spread` ticks apart, so 10 viewings are under way at
    // once; the run ends with whole rounds of viewings.
    int spread = 10;
    int total = rate * seconds - (rate * seconds) % (4 * spread);
    int viewings = total / 4;
    InstantSink sink = new InstantSink(WARM_UP + viewings, WebhookScrobbleBenchmark::slotOfImdb);
    List<ProviderFactory> factories = new ArrayList<>(ProviderRegistry.load().factories());
    factories.add(sink);
    Path state = dir.resolve("state");
    CrosswatchServer server =
        CrosswatchServer.start(
            new ServeSettings(
                config, state, ProviderRegistry.of(factories), Clock.systemUTC(), "bench"),
            new Listen("127.0.0.1", 0),
            List.of());
    WebhookSecrets secrets = new WebhookSecrets(state);
    String base = "http://127.0.0.1:" + server.port();
    String plexUrl =
        base + "/webhook/plex?token=" + secrets.secret("PLEX", "default", Instant.now());
    String jellyfinUrl =
        base + "/webhook/jellyfin?token=" + secrets.secret("JELLYFIN", "default", Instant.now());

    // The harness's own bookkeeping is allocated here, before the heap is first read.
    AtomicLongArray stopSent = new AtomicLongArray(WARM_UP + viewings);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    // Warm-up: 20 viewings, not counted.
    for (int v = 0; v < WARM_UP; v++) {
      for (int step = 0; step < 4; step++) {
        send(plexUrl, jellyfinUrl, -1 - v, step, null, new AtomicInteger(), new AtomicInteger())
            .join();
      }
    }
    waitFor(() -> sink.viewingsStopped() >= WARM_UP, Duration.ofSeconds(60));
    sink.resetCallCounts();

    List<Long> heap = new ArrayList<>();
    heap.add(OwnJvm.heapAfterGc());
    long cpuBefore = OwnJvm.cpuNanos();
    double loadBefore = ChildRun.loadAverage();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger tick = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    var task =
        clock.scheduleAtFixedRate(
            () -> {
              int t = tick.getAndIncrement();
              if (t >= total) {
                return;
              }
              // Tick t belongs to step (t / spread) % 4 of viewing (t / (4 * spread)) * spread + t
              // % spread.
              int round = t / (4 * spread);
              int step = (t / spread) % 4;
              int viewing = round * spread + t % spread;
              inFlight.incrementAndGet();
              send(plexUrl, jellyfinUrl, viewing, step, stopSent, ok, failed)
                  .whenComplete((r, e) -> inFlight.decrementAndGet());
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
    long nextSample = System.nanoTime() + 5_000_000_000L;
    while (tick.get() < total) {
      Thread.sleep(100);
      if (System.nanoTime() >= nextSample) {
        heap.add(OwnJvm.heapAfterGc());
        nextSample += 5_000_000_000L;
      }
    }
    task.cancel(false);
    clock.shutdown();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    waitFor(() -> inFlight.get() == 0, Duration.ofSeconds(60));
    waitFor(() -> sink.viewingsStopped() >= WARM_UP + viewings, Duration.ofSeconds(120));
    Thread.sleep(2000); // late duplicates would arrive now
    long cpu = OwnJvm.cpuNanos() - cpuBefore;
    heap.add(OwnJvm.heapAfterGc());

    Map<ScrobbleAction, Integer> byAction = new EnumMap<>(ScrobbleAction.class);
    for (ScrobbleAction action : ScrobbleAction.values()) {
      byAction.put(action, sink.calls(action));
    }
    int stopsReceived = 0;
    int lost = 0;
    int duplicated = 0;
    List<Long> latencies = new ArrayList<>();
    for (int v = 0; v < viewings; v++) {
      int slot = WARM_UP + v;
      int n = sink.stops(slot);
      stopsReceived += n;
      lost += n == 0 ? 1 : 0;
      duplicated += n > 1 ? 1 : 0;
      long sent = stopSent.get(slot);
      long got = sink.firstStopNanos(slot);
      if (sent != 0 && got != 0) {
        latencies.add((got - sent) / 1_000);
      }
    }
    latencies.sort(null);
    System.out.printf(
        Locale.ROOT,
        "webhooks: %d sent in %.1f s, %d answered 200, %d failed%n",
        total,
        sendSeconds,
        ok.get(),
        failed.get());
    System.out.printf(
        Locale.ROOT,
        "viewings: %d; stops received %d; lost %d; duplicated %d; calls by action %s%n",
        viewings,
        stopsReceived,
        lost,
        duplicated,
        byAction);
    if (sink.callsOutsideSlots() > 0) {
      System.out.printf("calls for items of no viewing: %d%n", sink.callsOutsideSlots());
    }
    System.out.printf(
        Locale.ROOT,
        "stop webhook sent -> sink stop call: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n",
        pct(latencies, 0.50) / 1000.0,
        pct(latencies, 0.99) / 1000.0,
        latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1000.0,
        latencies.size());
    System.out.printf(
        Locale.ROOT,
        "heap after full GC, every 5 s (MB): %s%n",
        heap.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1e6)).toList());
    System.out.printf(
        Locale.ROOT,
        "process CPU %.1f s (user+sys) over %.1f s; load %.2f before, %.2f after%n",
        cpu / 1e9,
        sendSeconds,
        loadBefore,
        ChildRun.loadAverage());
    server.close();
  }

  private static CompletableFuture<?> send(
      String plexUrl,
      String jellyfinUrl,
      int viewing,
      int step,
      AtomicLongArray stopSent,
      AtomicInteger ok,
      AtomicInteger failed) {
    String user = "user" + Math.floorMod(viewing, USERS);
    String imdb = imdb(viewing);
    boolean plex = Math.floorMod(viewing, 2) == 0;
    HttpRequest.Builder b;
    if (plex) {
      MultipartBody body =
          MultipartBody.of("payload", plex(PLEX_STEPS[step], user, imdb, viewing, PERCENT[step]));
      b =
          HttpRequest.newBuilder(URI.create(plexUrl))
              .header("Content-Type", body.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    } else {
      b =
          HttpRequest.newBuilder(URI.create(jellyfinUrl))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      jellyfin(
                          JELLYFIN_STEPS[step], user, imdb, viewing, PERCENT[step], step == 1)));
    }
    if (step == 3 && stopSent != null) {
      stopSent.set(WARM_UP + viewing, System.nanoTime());
    }
    return HTTP.sendAsync(
            b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (r, e) -> {
              if (e == null && r.statusCode() == 200) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
                if (failed.get() <= 5) {
                  System.out.println(
                      "failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                }
              }
              return null;
            });
  }

  /** The sink's slot of the viewing an IMDb id names: warm-up viewings first, -1 for others. */
  private static int slotOfImdb(String imdb) {
    if (!imdb.matches("tt\\d{7}")) {
      return -1;
    }
    return Integer.parseInt(imdb.substring(2)) - 5_000_000 + WARM_UP;
  }

  private static String imdb(int viewing) {
    return String.format(Locale.ROOT, "tt%07d", 5_000_000 + viewing);
  }

  private static String plex(String event, String user, String imdb, int viewing, double percent) {
    return """
        {"event": "%s", "user": true, "owner": true, "Account": {"id": 1, "title": "%s"},
         "Server": {"title": "Office", "uuid": "54664a3d"},
         "Player": {"local": true, "title": "Plex Web", "uuid": "player-%d"},
         "Metadata": {"type": "movie", "title": "Film %d", "year": 2001, "ratingKey": "%d",
                      "key": "/library/metadata/%d", "viewOffset": %d, "duration": %d,
                      "Guid": [{"id": "imdb://%s"}]}}
        """
        .formatted(
            event,
            user,
            viewing,
            viewing,
            viewing,
            viewing,
            Math.round(RUNTIME_MS * percent / 100),
            RUNTIME_MS,
            imdb);
  }

  private static String jellyfin(
      String event, String user, String imdb, int viewing, double percent, boolean paused) {
    long ticks = RUNTIME_MS * 10_000;
    return """
        {"NotificationType": "%s", "UtcTimestamp": "%s", "Name": "Film %d", "ItemType": "Movie",
         "ItemId": "item-%d", "RunTimeTicks": %d, "Year": 2001, "Provider_imdb": "%s",
         "PlaybackPositionTicks": %d, "IsPaused": %s, "NotificationUsername": "%s",
         "PlaySessionId": "session-%d"}
        """
        .formatted(
            event,
            Instant.now(),
            viewing,
            viewing,
            ticks,
            imdb,
            Math.round(ticks * percent / 100),
            paused,
            user,
            viewing);
  }

  private static long pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
