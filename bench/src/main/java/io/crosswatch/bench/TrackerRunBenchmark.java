package io.crosswatch.bench;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.testkit.LibraryGenerator;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktCatalogue;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times whole {@code cw run} processes (JVM start included) pushing a FILE library of 10,000
 * history plays (rewatches on, so every play is sent), 2,000 watchlist titles and 2,000 ratings to
 * a fake Trakt that this process starts on loopback with Trakt's real limits (1 write/s, 1000 GETs
 * per 5 min, real clock), then the no-change second run. Each chunk size gets a fresh fake and
 * state dir.
 *
 * <p>Usage: {@code TrackerRunBenchmark <path to ./cw> [chunk sizes, comma-separated, default
 * "default"] [workDir]}; the size {@code default} leaves {@code apply_chunk_size_by_provider} out
 * of the config, so that the default config's chunking applies. Prints a markdown table: requests
 * by endpoint from the fake's log, 429s, writes, the write floor (writes × 1 s), wall time, peak
 * RSS of the cw process and the load average. Three runs per size: the first applies everything,
 * the second and third should find nothing to do. {@code -Dbench.debugHttp=true} turns on {@code
 * debug_http} (one stderr line per call in {@code <run>.log}).
 */
public final class TrackerRunBenchmark {
  static final int PLAYS = 10_000;
  static final int WATCHLIST = 2_000;
  static final int RATINGS = 2_000;

  /** The id of the one pair in {@link #config}. */
  static final String PAIR_ID = "file-to-trakt";

  /** The chunk "size" that stands for no TRAKT entry in the config. */
  private static final int DEFAULT_CHUNK = 0;

  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private TrackerRunBenchmark() {}

  public static void main(String[] args) throws Exception {
    ChildRun.realisticSockets();
    Path launcher = Path.of(args[0]).toAbsolutePath();
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 1 ? args[1] : "default").split(",")) {
      sizes.add(s.strip().equals("default") ? DEFAULT_CHUNK : Integer.parseInt(s.strip()));
    }
    Path root =
        args.length > 2
            ? Path.of(args[2]).toAbsolutePath()
            : Files.createTempDirectory("crosswatch-bench-trakt-");
    ChildRun.prepare(launcher);
    List<String> rows = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    for (int size : sizes) {
      Path dir = root.resolve("chunk-" + chunkLabel(size));
      Files.createDirectories(dir);
      rows.addAll(runOne(launcher, dir, size, commands));
    }
    System.out.println();
    System.out.println(
        "| TRAKT chunk | run | exit | requests | by endpoint (fake's log) | 429s |"
            + " writes sent (accepted) | floor (accepted writes × 1 s) | wall | wall / floor |"
            + " first→last write answer | cw duration_ms | cw CPU | peak RSS |"
            + " load 1m (before→after) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("Reproduce:");
    System.out.println(
        "    java -cp bench/target/crosswatch-bench.jar "
            + TrackerRunBenchmark.class.getName()
            + " ./cw "
            + String.join(",", sizes.stream().map(TrackerRunBenchmark::chunkLabel).toList())
            + " "
            + root);
    commands.forEach(c -> System.out.println("    # each run: " + c));
  }

  private static List<String> runOne(Path launcher, Path dir, int chunk, List<String> commands)
      throws Exception {
    try (FakeTraktServer trakt = FakeTraktServer.builder().watchlistLimit(10_000).build().start()) {
      Library lib = seed(trakt.catalogue());
      Files.deleteIfExists(dir.resolve("source.json"));
      LibraryFile.write(dir.resolve("source.json"), lib.watchlist, lib.history, lib.ratings);
      deleteTree(dir.resolve("state"));
      Path config = dir.resolve("config.json");
      Files.writeString(config, config(trakt, chunk));
      commands.add(ChildRun.command(launcher, config));
      List<String> rows = new ArrayList<>();
      for (String label : List.of("first", "second", "third")) {
        trakt.clearLog();
        ChildRun run = ChildRun.start(launcher, config, dir, label);
        RequestStats stats = RequestStats.of(trakt.requests());
        writeLog(dir.resolve(label + ".requests.tsv"), trakt.requests());
        rows.add(row(chunk, run, stats));
        TraktUser u = trakt.user();
        System.out.printf(
            "chunk %s, %s run: exit %d, %s; Trakt holds %d plays, %d watchlist, %d ratings;"
                + " cw api: %s%n",
            chunkLabel(chunk),
            label,
            run.exitCode(),
            run.totals(),
            u.plays().size(),
            u.watchlist().size(),
            u.ratings().size(),
            run.api("TRAKT:default"));
      }
      return rows;
    }
  }

  /** Every request the fake received: arrival time, ms since the previous write, status, call. */
  private static void writeLog(Path file, List<RecordedRequest> log) throws IOException {
    StringBuilder sb = new StringBuilder("arrived\tms_since_previous_write\tstatus\tendpoint\n");
    Instant previousWrite = null;
    for (RecordedRequest r : log) {
      String gap = "";
      if (!r.method().equals("GET")) {
        gap = previousWrite == null ? "" : Long.toString(between(previousWrite, r.at()));
        previousWrite = r.at();
      }
      sb.append(r.at()).append('\t').append(gap).append('\t').append(r.status()).append('\t');
      sb.append(r.endpoint()).append('\n');
    }
    Files.writeString(file, sb);
  }

  private static long between(Instant a, Instant b) {
    return Duration.between(a, b).toMillis();
  }

  /** The chunk size as written in the table: a number, or {@code default} for none configured. */
  private static String chunkLabel(int chunk) {
    return chunk == DEFAULT_CHUNK ? "default" : Integer.toString(chunk);
  }

  private static String row(int chunk, ChildRun run, RequestStats s) {
    long accepted = s.acceptedWrites();
    double floor = accepted;
    double wall = run.wallMs() / 1000.0;
    return String.format(
        "| %s | %s | %d | %d | %s | %d | %d (%d) | %.0f s | %.1f s | %s | %.1f s | %d | %s | %s | %s"
            + " |",
        chunkLabel(chunk),
        run.label(),
        run.exitCode(),
        s.total(),
        s.endpoints(),
        s.tooMany(),
        s.writes(),
        accepted,
        floor,
        wall,
        floor == 0 ? "–" : String.format("%.2f", wall / floor),
        s.writeSpan().toMillis() / 1000.0,
        run.reportedMs(),
        run.cpu(),
        run.peak(),
        run.load());
  }

  /**
   * A config pushing {@code source.json} to the fake {@code trakt}, with {@code chunk} as TRAKT's
   * chunk size ({@code 0}: the default config's).
   */
  static String config(FakeTraktServer trakt, int chunk) {
    return "{\"runtime\": {\"state_dir\": \"state\", \"debug_http\": "
        + Boolean.getBoolean("bench.debugHttp")
        + (chunk == DEFAULT_CHUNK
            ? ""
            : ", \"apply_chunk_size_by_provider\": {\"TRAKT\": " + chunk + "}")
        + "},"
        + " \"file\": {\"path\": \"source.json\"},"
        + " "
        + trakt.configBlock()
        + ","
        + " \"pairs\": [{\"id\": \""
        + PAIR_ID
        + "\", \"source\": \"FILE\", \"target\": \"TRAKT\","
        + " \"mode\": \"one-way\", \"features\": {\"watchlist\": true,"
        + " \"history\": {\"enable\": true, \"add\": true, \"remove\": false, \"rewatches\": true},"
        + " \"ratings\": true}}]}";
  }

  /** The three features of the source file. */
  record Library(List<Item> watchlist, List<Item> history, List<Item> ratings) {}

  /**
   * Generates the library (ratings of the first watched titles, watchlist of unwatched ones) and
   * teaches the fake's catalogue every title, so that Trakt finds them all.
   */
  static Library seed(TraktCatalogue catalogue) {
    LibraryGenerator gen = new LibraryGenerator(11);
    List<Item> watched = gen.titles(PLAYS * 3 / 4);
    List<Item> history = gen.history(watched, BASE);
    if (history.size() < PLAYS) {
      throw new IllegalStateException("generator gave " + history.size() + " plays");
    }
    history = List.copyOf(history.subList(0, PLAYS));
    List<Item> ratings = gen.ratings(watched.subList(0, RATINGS), BASE);
    List<Item> listed = gen.titles(WATCHLIST);
    List<Item> watchlist = gen.watchlist(listed, BASE);
    CatalogueSeeder seeder = new CatalogueSeeder(catalogue);
    watched.forEach(seeder::add);
    listed.forEach(seeder::add);
    return new Library(watchlist, history, ratings);
  }

  /** Adds generated titles to the fake's catalogue with the ids the generator gave them. */
  private static final class CatalogueSeeder {
    private final TraktCatalogue catalogue;
    private final Map<String, TraktTitle> shows = new HashMap<>();
    private long nextMovie = 50_000_000;
    private long nextShow = 60_000_000;
    private long nextEpisode = 70_000_000;

    CatalogueSeeder(TraktCatalogue catalogue) {
      this.catalogue = catalogue;
    }

    void add(Item item) {
      Ids ids = item.ids();
      if (item.type() == MediaType.MOVIE) {
        String trakt = ids.value(IdKind.TRAKT);
        catalogue.addMovie(
            item.title(),
            item.year(),
            trakt != null ? Long.parseLong(trakt) : nextMovie++,
            ids.value(IdKind.IMDB),
            Long.valueOf(ids.value(IdKind.TMDB)));
        return;
      }
      ShowRef ref = item.show();
      TraktTitle show =
          shows.computeIfAbsent(
              ref.ids().value(IdKind.IMDB),
              imdb ->
                  catalogue.addShow(
                      ref.title(),
                      ref.year(),
                      nextShow++,
                      imdb,
                      null,
                      Long.valueOf(ref.ids().value(IdKind.TVDB))));
      catalogue.addEpisode(
          show,
          item.season(),
          item.number(),
          item.title(),
          nextEpisode++,
          null,
          null,
          Long.valueOf(ids.value(IdKind.TVDB)));
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
