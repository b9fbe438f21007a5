package io.crosswatch.bench;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import io.crosswatch.testkit.fake.plex.PlexUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times whole {@code cw run} processes (JVM start included) indexing a media server library of N
 * items (40% movies, 60% episodes of shows of 4 seasons × 10 episodes; 60% played, 20% rated; 5% of
 * movies and shows watchlisted: favourites on Jellyfin, the Discover watchlist on Plex) on a fake
 * Jellyfin and a fake Plex started in this process, each answering every request after a standing
 * latency, and syncing history, ratings and watchlist into an empty FILE; then the no-change second
 * run. Peak RSS and CPU of the cw process come from GNU time.
 *
 * <p>Usage: {@code MediaServerRunBenchmark <path to ./cw> [items, default 20000] [workDir] [latency
 * ms, default 5] [servers, default JELLYFIN,PLEX]}. {@code -Dbench.fileChunk=N} sets {@code
 * apply_chunk_size_by_provider.FILE} (unset: the default chunk size of 100); {@code
 * -Dbench.debugHttp=true} turns on {@code debug_http}.
 */
public final class MediaServerRunBenchmark {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final int SEASONS = 4;
  private static final int EPISODES = 10;

  private MediaServerRunBenchmark() {}

  /** One fake server prepared for a run: its config block, request log and closing. */
  private interface Server extends AutoCloseable {
    String name();

    String block();

    RequestStats stats();

    void clearLog();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    ChildRun.realisticSockets();
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path root =
        args.length > 2
            ? Path.of(args[2]).toAbsolutePath()
            : Files.createTempDirectory("crosswatch-bench-servers-");
    Duration latency = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 5);
    List<String> servers = List.of((args.length > 4 ? args[4] : "JELLYFIN,PLEX").split(","));
    ChildRun.prepare(launcher);
    List<String> rows = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    for (String name : servers) {
      Supplier<Server> server =
          name.equals("PLEX") ? () -> plex(n, latency) : () -> jellyfin(n, latency);
      Path dir = root.resolve(name.toLowerCase(Locale.ROOT));
      Files.createDirectories(dir);
      rows.addAll(runOne(launcher, dir, server, commands));
    }
    System.out.println();
    System.out.printf(
        "%,d library items per server, %d ms latency per request%n", n, latency.toMillis());
    System.out.println();
    System.out.println(
        "| source → FILE | run | exit | applied | requests | by endpoint (fake's log) | wall |"
            + " cw duration_ms | cw CPU | peak RSS | load 1m (before→after) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("Reproduce:");
    System.out.printf(
        "    java%s -cp bench/target/crosswatch-bench.jar %s ./cw %d %s %d %s%n",
        System.getProperty("bench.fileChunk") == null
            ? ""
            : " -Dbench.fileChunk=" + System.getProperty("bench.fileChunk"),
        MediaServerRunBenchmark.class.getName(),
        n,
        root,
        latency.toMillis(),
        String.join(",", servers));
    commands.forEach(c -> System.out.println("    # each run: " + c));
  }

  private static List<String> runOne(
      Path launcher, Path dir, Supplier<Server> make, List<String> commands) throws Exception {
    try (Server server = make.get()) {
      Files.deleteIfExists(dir.resolve("target.json"));
      TrackerRunBenchmark.deleteTree(dir.resolve("state"));
      Path config = dir.resolve("config.json");
      Files.writeString(config, config(server));
      commands.add(ChildRun.command(launcher, config));
      List<String> rows = new ArrayList<>();
      for (String label : List.of("first", "second")) {
        server.clearLog();
        ChildRun run = ChildRun.start(launcher, config, dir, label);
        RequestStats stats = server.stats().folded(MediaServerRunBenchmark::fold);
        rows.add(
            String.format(
                "| %s | %s | %d | %s | %d | %s | %.1f s | %d | %s | %s | %s |",
                server.name(),
                label,
                run.exitCode(),
                run.totals(),
                stats.total(),
                stats.endpoints(),
                run.wallMs() / 1000.0,
                run.reportedMs(),
                run.cpu(),
                run.peak(),
                run.load()));
        System.out.printf(
            "%s %s run: exit %d, %s, wall %,d ms; cw api: %s%n",
            server.name(),
            label,
            run.exitCode(),
            run.totals(),
            run.wallMs(),
            run.summary().path("api"));
      }
      return rows;
    }
  }

  private static String config(Server server) {
    String fileChunk = System.getProperty("bench.fileChunk");
    String name = server.name();
    return "{\"runtime\": {\"state_dir\": \"state\", \"debug_http\": "
        + Boolean.getBoolean("bench.debugHttp")
        + (fileChunk == null
            ? ""
            : ", \"apply_chunk_size_by_provider\": {\"FILE\": " + Integer.parseInt(fileChunk) + "}")
        + "},"
        + " \"file\": {\"path\": \"target.json\"},"
        + " \""
        + name.toLowerCase(Locale.ROOT)
        + "\": "
        + server.block()
        + ", \"pairs\": [{\"id\": \"server-to-file\", \"source\": \""
        + name
        + "\", \"target\": \"FILE\", \"mode\": \"one-way\","
        + " \"features\": {\"watchlist\": true, \"history\": true, \"ratings\": true}}]}";
  }

  /** Path segments that are ids (digits, or 24–32 hex digits) become {@code {id}}. */
  static String fold(String endpoint) {
    List<String> segs = new ArrayList<>();
    for (String seg : endpoint.split("/", -1)) {
      segs.add(seg.matches("\\d+|[0-9a-fA-F]{24,32}") ? "{id}" : seg);
    }
    return String.join("/", segs);
  }

  /** Which library titles get which state: index-based, so that both servers agree. */
  private static boolean played(int i) {
    return i % 5 < 3;
  }

  private static boolean rated(int i) {
    return i % 10 == 1 || i % 10 == 4;
  }

  private static int rating(int i) {
    return 1 + i % 10;
  }

  private static boolean listed(int i) {
    return i % 20 == 4;
  }

  private static Instant at(int i) {
    return BASE.minusSeconds(60L * (i + 1));
  }

  private static Server jellyfin(int n, Duration latency) {
    FakeMediaBrowserServer jf = FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).build();
    int movies = n * 2 / 5;
    List<MbItem> items = new ArrayList<>(jf.library().generateMovies(movies));
    for (int show = 1; items.size() < n; show++) {
      MbItem series = jf.library().generateSeries(show, SEASONS, EPISODES);
      items.addAll(jf.library().episodes(series));
      if (listed(show)) {
        jf.user().setFavorite(series, true);
      }
    }
    MbUser user = jf.user();
    for (int i = 0; i < items.size(); i++) {
      MbItem item = items.get(i);
      if (played(i)) {
        user.markPlayed(item, at(i));
      }
      if (rated(i)) {
        user.rate(item, (double) rating(i));
      }
      if (listed(i) && i < movies) {
        user.setFavorite(item, true);
      }
    }
    jf.faults().latency(latency);
    jf.start();
    String block =
        "{\"server\": \""
            + jf.baseUrl()
            + "\", \"access_token\": \""
            + FakeMediaBrowserServer.ACCESS_TOKEN
            + "\", \"user_id\": \""
            + user.id()
            + "\"}";
    return new Server() {
      @Override
      public String name() {
        return "JELLYFIN";
      }

      @Override
      public String block() {
        return block;
      }

      @Override
      public RequestStats stats() {
        return RequestStats.of(jf.requests());
      }

      @Override
      public void clearLog() {
        jf.clearLog();
      }

      @Override
      public void close() {
        jf.close();
      }
    };
  }

  private static Server plex(int n, Duration latency) {
    FakePlex plex = FakePlex.builder().build();
    PlexSection movieSection = plex.catalogue().addMovieSection("Movies");
    PlexSection showSection = plex.catalogue().addShowSection("TV Shows");
    int movies = n * 2 / 5;
    List<PlexTitle> items = new ArrayList<>(plex.catalogue().generateMovies(movieSection, movies));
    PlexUser user = plex.user();
    for (int show = 1; items.size() < n; show++) {
      PlexTitle s = plex.catalogue().generateShow(showSection, SEASONS, EPISODES);
      items.addAll(plex.catalogue().episodes(s));
      if (listed(show)) {
        user.addToWatchlist(s, at(show));
      }
    }
    for (int i = 0; i < items.size(); i++) {
      PlexTitle t = items.get(i);
      if (played(i)) {
        user.play(t, at(i));
      }
      if (rated(i)) {
        user.rate(t, (double) rating(i), at(i));
      }
      if (listed(i) && t.type() == MediaType.MOVIE) {
        user.addToWatchlist(t, at(i));
      }
    }
    plex.faults().latency(latency);
    plex.discoverFaults().latency(latency);
    plex.plexTvFaults().latency(latency);
    plex.start();
    String block =
        "{\"server_url\": \""
            + plex.serverUrl()
            + "\", \"discover_url\": \""
            + plex.discoverUrl()
            + "\", \"plex_tv_url\": \""
            + plex.plexTvUrl()
            + "\", \"account_token\": \""
            + FakePlex.TOKEN
            + "\", \"client_id\": \"crosswatch-bench\"}";
    return new Server() {
      @Override
      public String name() {
        return "PLEX";
      }

      @Override
      public String block() {
        return block;
      }

      @Override
      public RequestStats stats() {
        return RequestStats.of("server ", plex.requests())
            .plus(RequestStats.of("discover ", plex.discoverRequests()))
            .plus(RequestStats.of("plex.tv ", plex.plexTvRequests()));
      }

      @Override
      public void clearLog() {
        plex.clearLogs();
      }

      @Override
      public void close() {
        plex.close();
      }
    };
  }
}
