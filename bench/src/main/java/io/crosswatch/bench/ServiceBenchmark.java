package io.crosswatch.bench;

import io.crosswatch.core.run.RunIds;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures {@code cw serve} as a child process ({@code java -jar crosswatch.jar serve}, the
 * launcher's JVM options) on 127.0.0.1 and an ephemeral port: resident memory at idle after a
 * quick-start run, 200 clients on {@code GET /api/status} during a FILE → Trakt run (to a fake
 * Trakt this process serves, with Trakt's limits) and during a long FILE → FILE run, each after 10
 * s of the same load, 50 clients following one run's events, and {@code GET /api/runs} with 10,000
 * runs recorded. Every loop is bounded in time or count.
 *
 * <p>The status clients are a {@link ClosedLoopLoad}: 200 keep-alive connections driven by one
 * thread, each with a request always outstanding, so that the clients cost far less CPU than the
 * service they measure on the same cores. The CPU of the service (and of its request threads, its
 * run, its JIT and its collector), of the load thread and of the whole harness JVM are printed
 * separately.
 *
 * <p>Usage: {@code ServiceBenchmark <app/target/crosswatch.jar> <examples/quickstart> [workDir]}.
 */
public final class ServiceBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The JVM options {@code ./cw serve} starts the service with. */
  private static final String SERVE_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseG1GC";

  private final Path jar;
  private final Path dir;

  private ServiceBenchmark(Path jar, Path dir) {
    this.jar = jar;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    ChildRun.realisticSockets();
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path quickstart = Path.of(args[1]).toAbsolutePath();
    Path dir =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("crosswatch-serve-bench-");
    Files.createDirectories(dir);
    ServiceBenchmark b = new ServiceBenchmark(jar, dir.toAbsolutePath());
    System.out.printf(
        "cores %d, JDK %s, load %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        ChildRun.loadAverage());
    // -Dbench.parts=status or =runs measures one part only (after the quick-start run, always).
    List<String> parts = List.of(System.getProperty("bench.parts", "status,runs").split(","));
    String summary = b.idleMemory(quickstart);
    if (parts.contains("status")) {
      b.statusLoadAndEvents();
    }
    if (parts.contains("runs")) {
      b.manyRuns(summary);
    }
    System.out.println("work dir: " + dir);
  }

  /** 1. RSS at idle after one quick-start run; returns that run's summary JSON. */
  private String idleMemory(Path quickstart) throws Exception {
    Path ws = Files.createDirectories(dir.resolve("quickstart"));
    Files.copy(
        quickstart.resolve("config.json"),
        ws.resolve("config.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        quickstart.resolve("library.json"),
        ws.resolve("library.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Service s = start(ws, "quickstart");
    try {
      System.out.printf("quickstart: RSS after start %,d KiB%n", s.rssKb());
      String id = s.startRun("{}");
      String summary = s.awaitSummary(id, 120);
      Thread.sleep(5_000);
      System.out.printf(
          "quickstart: run %s exit %s; idle RSS 5 s after the run %,d KiB; after 10 more s %,d KiB%n",
          id, JSON.readTree(summary).path("exit_code"), s.rssKb(), sleepThen(10_000, s));
      return summary;
    } finally {
      s.stop();
    }
  }

  private static long sleepThen(long ms, Service s) throws Exception {
    Thread.sleep(ms);
    return s.rssKb();
  }

  /** 2 and 3: 200 clients on /api/status during one run; 50 followers of another run's events. */
  private void statusLoadAndEvents() throws Exception {
    // -Dbench.statusRuns=file or =trakt: the status load during one kind of run only
    List<String> kinds = List.of(System.getProperty("bench.statusRuns", "file,trakt").split(","));
    if (kinds.contains("trakt")) {
      statusDuringTraktRun();
    }
    Path ws = Files.createDirectories(dir.resolve("load"));
    int n = Integer.getInteger("bench.items", 50_000);
    FileRunBenchmark.writeLibrary(ws.resolve("source.json"), n);
    Files.writeString(
        ws.resolve("config.json"),
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_size\": 1000,"
            + " \"apply_chunk_pause_ms\": 150},"
            + " \"file\": {\"path\": \"source.json\", \"instances\":"
            + " {\"a\": {\"path\": \"a.json\"}, \"b\": {\"path\": \"b.json\"}}},"
            + " \"pairs\": ["
            + "{\"id\": \"load\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"a\", \"mode\": \"one-way\", \"features\":"
            + " {\"watchlist\": true, \"history\": true, \"ratings\": true}},"
            + "{\"id\": \"events\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"b\", \"mode\": \"one-way\", \"features\":"
            + " {\"watchlist\": true, \"history\": true, \"ratings\": true}}]}");
    Service s = start(ws, "load");
    try {
      if (kinds.contains("file")) {
        statusLoad(s, "FILE -> FILE run of " + (3 * n + 2) + " items", "load");
      }

      // 3. event followers
      String ev = s.startRun("{\"pairs\": [\"events\"]}");
      int followers = 50;
      long[] counts = new long[followers];
      List<Thread> fts = new ArrayList<>();
      for (int f = 0; f < followers; f++) {
        int slot = f;
        Thread t =
            new Thread(
                () -> {
                  try {
                    counts[slot] = s.countEvents(ev);
                  } catch (Exception e) {
                    counts[slot] = -1;
                  }
                });
        fts.add(t);
        t.start();
      }
      long followStart = System.nanoTime();
      for (Thread t : fts) {
        t.join(Math.max(1, 600_000 - (System.nanoTime() - followStart) / 1_000_000));
      }
      String evSummary = s.awaitSummary(ev, 600);
      long lines;
      try (var l = Files.lines(ws.resolve("state/logs/" + ev + ".jsonl"))) {
        lines = l.filter(x -> !x.isBlank()).count();
      }
      long complete = Arrays.stream(counts).filter(c -> c == lines).count();
      System.out.printf(
          "events: run %s, JSONL log %d lines; %d of %d followers got every event; counts %s;"
              + " totals %s; followers done in %,d ms%n",
          ev,
          lines,
          complete,
          followers,
          Arrays.stream(counts).distinct().sorted().boxed().toList(),
          totals(evSummary),
          (System.nanoTime() - followStart) / 1_000_000);
    } finally {
      s.stop();
    }
  }

  /**
   * 2b. The status load during a run that mostly waits, as a real one does: the library of {@link
   * TrackerRunBenchmark} (10,000 plays, 2,000 watchlist titles, 2,000 ratings) pushed to a fake
   * Trakt with Trakt's real limits (one write per second), which this process serves on loopback.
   */
  private void statusDuringTraktRun() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("trakt"));
    try (FakeTraktServer trakt = FakeTraktServer.builder().watchlistLimit(10_000).build().start()) {
      TrackerRunBenchmark.Library lib = TrackerRunBenchmark.seed(trakt.catalogue());
      LibraryFile.write(ws.resolve("source.json"), lib.watchlist(), lib.history(), lib.ratings());
      TrackerRunBenchmark.deleteTree(ws.resolve("state"));
      Files.writeString(ws.resolve("config.json"), TrackerRunBenchmark.config(trakt, 0));
      Service s = start(ws, "trakt");
      try {
        statusLoad(
            s,
            "FILE -> TRAKT (fake, real limits) run of "
                + (lib.watchlist().size() + lib.history().size() + lib.ratings().size())
                + " items",
            TrackerRunBenchmark.PAIR_ID);
      } finally {
        s.stop();
      }
    }
  }

  /**
   * 200 closed-loop clients on {@code /api/status} for 10 s while {@code pair} runs; first the same
   * load for {@code bench.warmupSeconds} (default 10) before the run starts, not measured, so that
   * the figures are those of a service that has been up for a while rather than of its first
   * seconds (its JIT compiling the request path). {@code -Dbench.warmupSeconds=0} measures the cold
   * service.
   */
  private static void statusLoad(Service s, String runLabel, String pair) throws Exception {
    // -Dbench.withRun=false: without the run, to tell their costs apart
    boolean withRun = Boolean.parseBoolean(System.getProperty("bench.withRun", "true"));
    int clients = Integer.getInteger("bench.clients", 200);
    ClosedLoopLoad load =
        new ClosedLoopLoad(
            s.address(),
            ClosedLoopLoad.get(s.address(), "/api/status", "Authorization: Bearer " + s.token()),
            ServiceBenchmark::isStatus,
            System::nanoTime);
    int warmup = Integer.getInteger("bench.warmupSeconds", 10);
    if (warmup > 0) {
      ClosedLoopLoad.Result w =
          load.run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(30));
      System.out.printf(
          "status: warm-up %d s before the run: %,d requests, %d errors, p99 %.2f ms%n",
          warmup, w.requests(), w.errors(), w.percentileMs(99));
    }
    String id = withRun ? s.startRun("{\"pairs\": [\"" + pair + "\"]}") : "none";
    Thread.sleep(1_000);
    double loadBefore = ChildRun.loadAverage();
    long serviceCpu = s.cpuMs();
    Map<String, Long> serviceThreads = ThreadCpu.byGroup(s.process().pid());
    long ownCpu = ownCpuMs();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long loadThreadCpu = mx.getCurrentThreadCpuTime();
    ClosedLoopLoad.Result r = load.run(clients, Duration.ofSeconds(10), Duration.ofSeconds(30));
    long loadThreadCpuUsed = (mx.getCurrentThreadCpuTime() - loadThreadCpu) / 1_000_000;
    long ownCpuUsed = ownCpuMs() - ownCpu;
    Map<String, Long> serviceThreadsUsed =
        ThreadCpu.minus(ThreadCpu.byGroup(s.process().pid()), serviceThreads);
    long serviceCpuUsed = s.cpuMs() - serviceCpu;
    double loadAfter = ChildRun.loadAverage();
    JsonNode status = JSON.readTree(s.get("/api/status").body());
    double seconds = r.elapsedNs() / 1e9;
    System.out.printf(
        "status during the %s: %d clients (one keep-alive connection each, closed loop), 10 s"
            + " (%.2f s to the last answer), %,d requests (%,.0f answers/s), %d errors, p50 %.2f ms, p90 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms; run still going at the end: %s; load %.2f -> %.2f%n",
        withRun ? runLabel : "no run",
        clients,
        seconds,
        r.requests(),
        r.answers() / seconds,
        r.errors(),
        r.percentileMs(50),
        r.percentileMs(90),
        r.percentileMs(99),
        r.maxMs(),
        id.equals(status.path("running_run_id").asString("")),
        loadBefore,
        loadAfter);
    System.out.printf(
        "status: CPU (user + sys) of the service %,d ms (%.3f ms per answer), by thread %s;"
            + " of the clients: the load thread %,d ms (%.3f ms per answer), the harness JVM"
            + " %,d ms%n",
        serviceCpuUsed,
        serviceCpuUsed / (double) Math.max(1, r.answers()),
        serviceThreadsUsed,
        loadThreadCpuUsed,
        loadThreadCpuUsed / (double) Math.max(1, r.answers()),
        ownCpuUsed);
    System.out.printf(
        "status: HTTP threads of the service %.3f ms CPU per answer%n",
        serviceThreadsUsed.get(ThreadCpu.HTTP) / (double) Math.max(1, r.answers()));
    if (withRun) {
      String loadSummary = s.awaitSummary(id, 600);
      System.out.println("status: the run " + id + " summary totals " + totals(loadSummary));
    }
  }

  /** 4. GET /api/runs with 10,000 runs recorded through the state store. */
  private void manyRuns(String summary) throws Exception {
    Path ws = Files.createDirectories(dir.resolve("runs"));
    Files.writeString(
        ws.resolve("config.json"),
        "{\"runtime\": {\"state_dir\": \"state\"}, \"file\": {\"path\": \"lib.json\"},"
            + " \"tracker\": {}, \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\","
            + " \"target\": \"TRACKER\", \"features\": {\"watchlist\": true}}]}");
    int count = 10_000;
    long t0 = System.nanoTime();
    Random random = new Random(42);
    try (StateStore store = SqliteStateStore.open(Files.createDirectories(ws.resolve("state")))) {
      Instant base = Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < count; i++) {
        Instant at = base.plus(Duration.ofMinutes(10L * i));
        String id = RunIds.next(Clock.fixed(at, ZoneOffset.UTC), random);
        store.runStarted(id, at, false, i % 2 == 0 ? "schedule" : "cli");
        store.runFinished(id, at.plusSeconds(3), 0, summary);
      }
    }
    System.out.printf(
        "runs: %,d runs recorded in %,d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
    Service s = start(ws, "runs");
    try {
      System.out.printf(
          "runs: load %.2f, service CPU so far %,d ms%n", ChildRun.loadAverage(), s.cpuMs());
      for (String q :
          List.of("/api/status", "/api/runs", "/api/runs?limit=100", "/api/runs?limit=10000")) {
        for (int i = 0; i < 5; i++) {
          s.get(q); // warm-up
        }
        long[] ms = new long[20];
        int size = 0;
        for (int i = 0; i < ms.length; i++) {
          long a = System.nanoTime();
          HttpResponse<String> r = s.get(q);
          ms[i] = System.nanoTime() - a;
          if (r.statusCode() != 200) {
            throw new IllegalStateException(q + " answered " + r.statusCode());
          }
          size = r.body().length();
          if (i == 0 && q.startsWith("/api/runs")) {
            System.out.printf(
                "runs: %s returns %d runs%n", q, JSON.readTree(r.body()).path("runs").size());
          }
        }
        Arrays.sort(ms);
        System.out.printf(
            "runs: %s (%,d bytes): median %.1f ms, min %.1f ms, max %.1f ms over 20 requests;"
                + " load %.2f, service CPU %,d ms%n",
            q, size, ms[10] / 1e6, ms[0] / 1e6, ms[19] / 1e6, ChildRun.loadAverage(), s.cpuMs());
      }
      System.out.printf("runs: RSS %,d KiB%n", s.rssKb());
    } finally {
      s.stop();
    }
  }

  private static String totals(String summaryJson) {
    JsonNode n = JSON.readTree(summaryJson);
    return "exit " + n.path("exit_code") + " " + n.path("totals");
  }

  /** Whether a status answer's body is a JSON object with the status's keys. */
  private static boolean isStatus(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n.isObject() && n.has("version") && n.has("running_run_id") && n.has("last_run");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** CPU time (user + sys) of this JVM, the clients' side. */
  private static long ownCpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }

  /** The launcher's JVM options for short commands. */
  private List<String> java() {
    return java("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  private List<String> java(String options) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(List.of(options.strip().split("\\s+")));
    cmd.addAll(List.of("-jar", jar.toString()));
    return cmd;
  }

  /** Makes a token with {@code cw web token create}, then starts {@code cw serve}. */
  private Service start(Path ws, String name) throws Exception {
    List<String> tok = java();
    tok.addAll(
        List.of("web", "token", "create", "bench", "--config", ws.resolve("config.json") + ""));
    Process tp =
        new ProcessBuilder(tok)
            .directory(ws.toFile())
            .redirectError(ws.resolve(name + "-token.err").toFile())
            .start();
    String token = new String(tp.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!tp.waitFor(60, TimeUnit.SECONDS) || tp.exitValue() != 0 || !token.startsWith("cwt_")) {
      throw new IllegalStateException("cw web token create failed: " + token);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // The launcher's options for cw serve; -Dbench.serveOpts="..." tries others.
    List<String> cmd = java(System.getProperty("bench.serveOpts", SERVE_OPTIONS));
    cmd.addAll(
        List.of(
            "serve",
            "--config",
            ws.resolve("config.json").toString(),
            "--listen",
            "127.0.0.1:" + port));
    Process p =
        new ProcessBuilder(cmd)
            .directory(ws.toFile())
            .redirectOutput(ws.resolve(name + "-serve.out").toFile())
            .redirectError(ws.resolve(name + "-serve.err").toFile())
            .start();
    Service s = new Service(p, "http://127.0.0.1:" + port, token);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (s.get("/healthz").statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("cw serve did not answer; see " + name + "-serve.err");
      }
      Thread.sleep(100);
    }
    return s;
  }

  /** A running {@code cw serve} child. */
  private record Service(Process process, String base, String token) {
    InetSocketAddress address() {
      URI u = URI.create(base);
      return new InetSocketAddress(u.getHost(), u.getPort());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String startRun(String body) throws IOException, InterruptedException {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 202) {
        throw new IllegalStateException("POST /api/runs: " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body()).path("run_id").asString();
    }

    String awaitSummary(String id, int seconds) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        HttpResponse<String> r = get("/api/runs/" + id);
        if (r.statusCode() == 200 && JSON.readTree(r.body()).has("exit_code")) {
          return r.body();
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("run " + id + " did not finish in " + seconds + " s");
    }

    /** Follows the run's event stream to its end; the number of {@code data:} events. */
    long countEvents(String id) throws IOException, InterruptedException {
      HttpResponse<InputStream> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/events"))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(600))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        return -2;
      }
      long n = 0;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data: ")) {
            n++;
          }
        }
      }
      return n;
    }

    /** CPU time (user + sys) of the service process so far, from {@code /proc/<pid>/stat}. */
    long cpuMs() throws IOException {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux)
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    long rssKb() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
