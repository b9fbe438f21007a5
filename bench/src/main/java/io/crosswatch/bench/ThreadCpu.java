package io.crosswatch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + sys) of a Linux process's live threads, summed by what they do, from {@code
 * /proc/<pid>/task/<tid>/stat} and {@code comm}: the HTTP server's threads, the run worker, the JIT
 * compilers, the garbage collector and VM thread. A thread that ended in between is not counted
 * here; the process total ({@code /proc/<pid>/stat}) still has it.
 */
final class ThreadCpu {
  /** The groups, in the order they are reported. */
  static final String HTTP = "http";

  static final String RUN = "run";
  static final String JIT = "jit";
  static final String GC_VM = "gc+vm";
  static final String OTHER = "other";

  private ThreadCpu() {}

  /** The group a thread named {@code comm} (15 characters at most, as Linux keeps it) is in. */
  static String group(String comm) {
    if (comm.startsWith("JettyServerThre") || comm.startsWith("qtp")) {
      return HTTP;
    }
    if (comm.startsWith("crosswatch-run")) {
      return RUN;
    }
    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
      return JIT;
    }
    if (comm.startsWith("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return GC_VM;
    }
    return OTHER;
  }

  /** Milliseconds of CPU per group over the live threads of {@code pid}. */
  static Map<String, Long> byGroup(long pid) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String g : new String[] {HTTP, RUN, JIT, GC_VM, OTHER}) {
      out.put(g, 0L);
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid, "task"))) {
      for (Path t : tasks) {
        try {
          String comm = Files.readString(t.resolve("comm")).strip();
          out.merge(group(comm), ticksMs(Files.readString(t.resolve("stat"))), Long::sum);
        } catch (IOException e) {
          // the thread ended while being read
        }
      }
    }
    return out;
  }

  /** utime + stime of a {@code stat} line, in milliseconds (100 clock ticks per second). */
  static long ticksMs(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  /** {@code after - before}, group by group. */
  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> out = new LinkedHashMap<>();
    after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
    return out;
  }
}
