package io.crosswatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@code cw run} importing an IMDb ratings export into an empty TRACKER, end to end (JVM
 * start included), each run with a fresh state dir and tracker database.
 *
 * <p>Usage: {@code ImportBenchmark <path to ./cw> [rows] [runs] [workDir]}. The export has IMDb's
 * ratings columns, a byte-order mark, Windows line ends and quoted commas in titles and genres;
 * four rows in five are movies, the rest series (seed 42).
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir =
        args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("crosswatch-bench-import-");
    Files.createDirectories(dir);
    writeRatings(dir.resolve("ratings.csv"), rows);
    Files.writeString(
        dir.resolve("config.json"),
        "{\"runtime\": {\"state_dir\": \"state\"},"
            + " \"imports\": {\"path\": \"ratings.csv\", \"format\": \"imdb\"},"
            + " \"tracker\": {},"
            + " \"pairs\": [{\"id\": \"imdb\", \"source\": \"IMPORT\", \"target\": \"TRACKER\","
            + " \"mode\": \"one-way\", \"features\": {\"ratings\": true}}]}");
    ChildRun.prepare(launcher);
    System.out.printf(
        "export: %,d rows, %,d bytes; %s%n",
        rows,
        Files.size(dir.resolve("ratings.csv")),
        ChildRun.command(launcher, dir.resolve("config.json")));
    System.out.println("| run | exit | totals | wall | duration_ms | CPU | peak RSS | load |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int i = 1; i <= runs; i++) {
      FileRunBenchmark.deleteTree(dir.resolve("state"));
      ChildRun run = ChildRun.start(launcher, dir.resolve("config.json"), dir, "import-" + i);
      System.out.printf("| %d | %s |%n", i, run.cells());
    }
    System.out.println("work dir: " + dir);
  }

  /** An IMDb ratings export of {@code rows} titles, as IMDb writes it. */
  static void writeRatings(Path file, int rows) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "\uFEFFConst,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,"
              + "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\r\n");
      for (int i = 0; i < rows; i++) {
        String id = String.format("tt%07d", 100_000 + i);
        boolean movie = i % 5 != 0;
        String title = "\"Title " + i + ", Part " + (1 + i % 3) + "\"";
        int year = 1950 + i % 75;
        out.write(
            String.join(
                    ",",
                    List.of(
                        id,
                        Integer.toString(random.nextInt(1, 11)),
                        String.format(
                            "20%02d-%02d-%02d",
                            10 + random.nextInt(15), random.nextInt(1, 13), random.nextInt(1, 29)),
                        title,
                        title,
                        "https://www.imdb.com/title/" + id + "/",
                        movie ? "Movie" : "TV Series",
                        "7.1",
                        movie ? "118" : "",
                        Integer.toString(year),
                        "\"Drama, Comedy\"",
                        Integer.toString(1000 + i),
                        year + "-06-01",
                        movie ? "\"Someone, Someone Else\"" : ""))
                + "\r\n");
      }
    }
  }
}
