package io.crosswatch.bench;

import io.crosswatch.testkit.LibraryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Compares {@code cw apply} of a saved plan with {@code cw run} doing the same work: a FILE
 * watchlist of generated movies synced one-way into an empty FILE, JVM start included. The plan is
 * made once with {@code cw plan --out}; then, for each round, {@code cw run} and {@code cw apply}
 * each start from an empty target and a fresh state dir, alternating so that both see the same
 * load.
 *
 * <p>Usage: {@code ApplyBenchmark <path to ./cw> [items] [rounds] [workDir]}.
 */
public final class ApplyBenchmark {
  private ApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir =
        args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("crosswatch-bench-apply-");
    Files.createDirectories(dir);
    LibraryGenerator gen = new LibraryGenerator(42);
    LibraryFile.write(
        dir.resolve("source.json"),
        gen.watchlist(gen.movies(n), Instant.parse("2026-01-01T00:00:00Z")),
        List.of(),
        List.of());
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"runtime\": {\"state_dir\": \"state\"},"
            + " \"file\": {\"path\": \"source.json\","
            + " \"instances\": {\"copy\": {\"path\": \"target.json\"}}},"
            + " \"pairs\": [{\"id\": \"bench\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"copy\", \"mode\": \"one-way\","
            + " \"features\": {\"watchlist\": true}}]}");
    ChildRun.prepare(launcher);
    fresh(dir);
    ChildRun plan =
        ChildRun.start(
            launcher,
            List.of("plan", "--config", config.toString(), "--out", "plan.json"),
            dir,
            "plan");
    System.out.printf(
        "library: %,d watchlist movies, %,d bytes; plan: %,d bytes, exit %d, %,d ms wall, CPU %s,"
            + " load %s%n",
        n,
        Files.size(dir.resolve("source.json")),
        Files.size(dir.resolve("plan.json")),
        plan.exitCode(),
        plan.wallMs(),
        plan.cpu(),
        plan.load());
    System.out.println(
        "| round | command | exit | totals | wall | duration_ms | CPU | peak RSS | load |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int i = 1; i <= rounds; i++) {
      fresh(dir);
      print(i, "cw run", ChildRun.start(launcher, config, dir, "run-" + i));
      fresh(dir);
      print(
          i,
          "cw apply",
          ChildRun.start(
              launcher,
              List.of("apply", "--config", config.toString(), "--json", "plan.json"),
              dir,
              "apply-" + i));
    }
    System.out.println("work dir: " + dir);
  }

  /** An empty target and no state, as before the plan was made. */
  private static void fresh(Path dir) throws java.io.IOException {
    FileRunBenchmark.deleteTree(dir.resolve("state"));
    Files.deleteIfExists(dir.resolve("target.json"));
  }

  private static void print(int round, String command, ChildRun run) {
    System.out.printf("| %d | %s | %s |%n", round, command, run.cells());
  }
}
