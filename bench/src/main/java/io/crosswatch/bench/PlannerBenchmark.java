package io.crosswatch.bench;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlanInput;
import io.crosswatch.core.plan.Planner;
import io.crosswatch.testkit.LibraryGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;

/**
 * Times planning of N items per side (mixed movies and episodes, 90% overlap, ids varying between
 * the sides) and reports the heap. Usage: {@code PlannerBenchmark [itemsPerSide] [iterations]}. Run
 * with {@code -Xmx1g} to show that planning fits in 1 GB.
 */
public final class PlannerBenchmark {
  private PlannerBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    LibraryGenerator generator = new LibraryGenerator(42);
    List<Item> source = generator.watchlist(generator.titles(n), base);
    List<Item> target = generator.otherSide(source, Feature.WATCHLIST, 0.9, base);
    System.gc();
    long inputHeap = usedHeap();
    System.out.printf("items per side: %,d; heap holding both sides: %,d MB%n", n, inputHeap >> 20);
    PlanInput input =
        new PlanInput(
            Feature.WATCHLIST,
            SyncMode.TWO_WAY,
            new FeatureSettings(true, true, true, false),
            SyncSettings.DEFAULTS,
            source,
            target,
            null,
            null,
            List.of(),
            base);
    for (int i = 1; i <= iterations; i++) {
      resetPeaks();
      long start = System.nanoTime();
      Plan plan = Planner.plan(input);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "run %d: %,d ms; planned +%,d on target, +%,d on source; peak heap %,d MB%n",
          i, ms, plan.target().adds().size(), plan.source().adds().size(), peakHeap() >> 20);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
