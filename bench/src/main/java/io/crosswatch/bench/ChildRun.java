package io.crosswatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code cw run --config F --json} as a child process (JVM start included), timed from start to
 * exit, with its peak resident memory taken by {@code /usr/bin/time -f %M} when that exists, the
 * 1-minute load average before and after, and the JSON summary it printed.
 *
 * @param label the run's name, also the stem of its files in the work dir
 * @param wallMs milliseconds from starting the process to its exit
 * @param exitCode the process's exit code
 * @param peakRssKb the largest resident set of the process in KiB, or -1 when unknown
 * @param cpuMs user + system CPU time of the process in milliseconds, or -1 when unknown
 * @param loadBefore the 1-minute load average when the run started
 * @param loadAfter the 1-minute load average when it ended
 * @param summary the {@code --json} summary, or a missing node when none was printed
 */
record ChildRun(
    String label,
    long wallMs,
    int exitCode,
    long peakRssKb,
    long cpuMs,
    double loadBefore,
    double loadAfter,
    JsonNode summary) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Path TIME = Path.of("/usr/bin/time");

  ChildRun {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * Makes the JDK HTTP server behind the fakes send with {@code TCP_NODELAY}, as real servers do.
   * Without it each small answer written as two segments (headers, then body) waits for the
   * client's delayed ACK: about 40 ms per request on Linux loopback, which would swamp the
   * per-request figures. Call before the first fake starts (the JDK reads the property once).
   */
  static void realisticSockets() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** The shell command that repeats this run by hand. */
  static String command(Path launcher, Path config) {
    return launcher + " run --config " + config + " --json";
  }

  /**
   * Runs {@code launcher run --config config --json} in {@code dir}; stdout goes to {@code
   * <label>.json}, stderr to {@code <label>.log}.
   */
  static ChildRun start(Path launcher, Path config, Path dir, String label)
      throws IOException, InterruptedException {
    return start(launcher, List.of("run", "--config", config.toString(), "--json"), dir, label);
  }

  /**
   * Runs {@code launcher} with {@code args} in {@code dir}; stdout goes to {@code <label>.json},
   * stderr to {@code <label>.log}.
   */
  static ChildRun start(Path launcher, List<String> args, Path dir, String label)
      throws IOException, InterruptedException {
    Path rss = dir.resolve(label + ".rss");
    Files.deleteIfExists(rss);
    List<String> cmd = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      cmd.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
    }
    cmd.add(launcher.toString());
    cmd.addAll(args);
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve(label + ".json").toFile())
            .redirectError(dir.resolve(label + ".log").toFile())
            .start();
    int code = p.waitFor();
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    double loadAfter = loadAverage();
    long[] usage = timed ? usage(rss) : new long[] {-1, -1};
    return new ChildRun(
        label,
        wallMs,
        code,
        usage[0],
        usage[1],
        loadBefore,
        loadAfter,
        summary(dir.resolve(label + ".json")));
  }

  /**
   * Runs {@code launcher --version} untimed, so that a stale jar is rebuilt (and the jar is in the
   * page cache) before any timed run; fails when the launcher does.
   */
  static void prepare(Path launcher) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(launcher.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(launcher + " --version exited " + code);
    }
  }

  /** {@code "1.23→2.34"}: the load average before and after the run. */
  String load() {
    return String.format("%.2f→%.2f", loadBefore, loadAfter);
  }

  /** The summary's {@code api} block of one provider instance, e.g. {@code TRAKT:default}. */
  JsonNode api(String instance) {
    return summary.path("api").path(instance);
  }

  /** The summary's totals as {@code +added −removed ~updated, unresolved u, blocked b}. */
  String totals() {
    JsonNode t = summary.path("totals");
    return String.format(
        "+%d −%d ~%d, unresolved %d, blocked %d",
        t.path("added").asLong(),
        t.path("removed").asLong(),
        t.path("updated").asLong(),
        t.path("unresolved").asLong(),
        t.path("blocked").asLong());
  }

  /**
   * The cells {@code exit | totals | wall | duration_ms | CPU | peak RSS | load} of a Markdown
   * table row, without the outer bars.
   */
  String cells() {
    return String.format(
        "%d | %s | %,d ms | %,d | %s | %s | %s",
        exitCode, totals(), wallMs, reportedMs(), cpu(), peak(), load());
  }

  /** The run's own duration as its summary reports it (without JVM start), or -1. */
  long reportedMs() {
    return summary.path("duration_ms").asLong(-1);
  }

  /** The 1-minute load average from {@code /proc/loadavg}, or -1 when unreadable. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Peak RSS (KiB) and CPU milliseconds from GNU time's {@code "%M %U %S"} line. */
  private static long[] usage(Path rss) throws IOException {
    if (!Files.exists(rss)) {
      return new long[] {-1, -1};
    }
    // GNU time writes "Command exited with non-zero status N" before the figures on failures.
    List<String> lines = Files.readAllLines(rss);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.matches("\\d+ [0-9.]+ [0-9.]+")) {
        String[] f = line.split(" ");
        double cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
        return new long[] {Long.parseLong(f[0]), Math.round(cpu * 1000)};
      }
    }
    return new long[] {-1, -1};
  }

  /** {@code "123 MB"}, or {@code "?"} when unknown. */
  String peak() {
    return peakRssKb < 0 ? "?" : (peakRssKb / 1024) + " MB";
  }

  /** {@code "4.2 s"}, or {@code "?"} when unknown. */
  String cpu() {
    return cpuMs < 0 ? "?" : String.format("%.1f s", cpuMs / 1000.0);
  }

  private static JsonNode summary(Path json) throws IOException {
    String text = Files.exists(json) ? Files.readString(json) : "";
    if (text.isBlank()) {
      return MAPPER.missingNode();
    }
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      return MAPPER.missingNode();
    }
  }
}
