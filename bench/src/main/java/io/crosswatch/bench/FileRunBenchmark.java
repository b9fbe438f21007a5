package io.crosswatch.bench;

import io.crosswatch.core.model.Item;
import io.crosswatch.testkit.LibraryGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Times whole {@code cw run} processes (JVM start included) syncing a generated FILE library into
 * an empty FILE with the default runtime settings, then three no-change runs.
 *
 * <p>Usage: {@code FileRunBenchmark <path to ./cw> [itemsPerFeature] [workDir]}: runs go through
 * the launcher, with its JVM options, as a user's would. {@code
 * -Dbench.runtime='"apply_chunk_size": 10000, "apply_chunk_pause_ms": 0'} adds runtime keys (the
 * earlier measurements used those).
 */
public final class FileRunBenchmark {
  private FileRunBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("crosswatch-bench-");
    Files.createDirectories(dir);
    String runtime = System.getProperty("bench.runtime", "");
    writeLibrary(dir.resolve("source.json"), n);
    deleteTree(dir.resolve("state"));
    Files.deleteIfExists(dir.resolve("target.json"));
    Files.writeString(
        dir.resolve("config.json"),
        "{\"runtime\": {\"state_dir\": \"state\""
            + (runtime.isBlank() ? "" : ", " + runtime)
            + "},"
            + " \"file\": {\"path\": \"source.json\","
            + " \"instances\": {\"copy\": {\"path\": \"target.json\"}}},"
            + " \"pairs\": [{\"id\": \"bench\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"copy\", \"mode\": \"one-way\", \"features\":"
            + " {\"watchlist\": true, \"history\": true, \"ratings\": true}}]}");
    System.out.printf(
        "library: %,d items per feature (%,d in all), %,d bytes%n",
        n, 3 * n, Files.size(dir.resolve("source.json")));
    for (String run :
        List.of("first run", "no-change run 1", "no-change run 2", "no-change run 3")) {
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  launcher.toString(), "run", "--config", dir.resolve("config.json").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("last-run.log").toFile())
              .start();
      int code = p.waitFor();
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("%s: %,d ms wall, exit %d%n", run, ms, code);
    }
    System.out.println("work dir: " + dir);
  }

  /** Deletes a folder and everything in it, so that a reused work dir starts afresh. */
  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void writeLibrary(Path file, int n) throws IOException {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    LibraryGenerator gen = new LibraryGenerator(7);
    List<Item> titles = gen.titles(n);
    LibraryFile.write(
        file,
        gen.watchlist(titles, base),
        gen.history(titles, base).subList(0, n),
        gen.ratings(titles, base));
  }
}
