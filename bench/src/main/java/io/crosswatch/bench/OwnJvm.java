package io.crosswatch.bench;

import java.lang.management.ManagementFactory;

/** Readings of the benchmark's own JVM, for the benchmarks that run the code in-process. */
final class OwnJvm {
  private OwnJvm() {}

  /** Heap bytes in use right after a full GC. */
  static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** User + system CPU time of this process in nanoseconds, or -1 when the JVM does not say. */
  static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
