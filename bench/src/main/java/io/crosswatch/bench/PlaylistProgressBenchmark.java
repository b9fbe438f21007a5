package io.crosswatch.bench;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlanHints;
import io.crosswatch.core.plan.PlanInput;
import io.crosswatch.core.plan.Planner;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.testkit.LibraryGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times planning of playlists and of progress with N members / resume points per side. Usage:
 * {@code PlaylistProgressBenchmark [perSide] [iterations] [all|playlists|progress]}.
 *
 * <p>Playlists: a one-way pair with {@code "order": "preserve"} onto a target that can reorder;
 * members in playlists of 50, 90 % shared with varied ids, a tenth of the target's playlists
 * shuffled (so moves are planned), and a two-way pair with baselines. Progress: two-way with 90 %
 * shared titles, half of the target's points moved, plus as many history plays on each side. A run
 * reads each list on its own (the points and plays from each side's provider, the baselines from
 * the state store), so every list but the source's points is given as items read back from their
 * JSON: no two lists share an object, as they would not in a run. Planning is single-threaded: the
 * CPU time of the planning thread is printed beside the wall time, since a shared box under load
 * stretches the wall time.
 */
public final class PlaylistProgressBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlaylistProgressBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String which = args.length > 2 ? args[2] : "all";
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    LibraryGenerator generator = new LibraryGenerator(42);
    Random random = new Random(42);

    if (!which.equals("progress")) {
      playlists(n, iterations, base, generator, random);
    }
    if (!which.equals("playlists")) {
      progress(n, iterations, base, generator, random);
    }
  }

  private static void playlists(
      int n, int iterations, Instant base, LibraryGenerator generator, Random random) {
    List<Item> sourceMembers = generator.playlists(generator.titles(n), base);
    List<Item> targetMembers =
        shuffleSome(generator.otherSide(sourceMembers, Feature.PLAYLISTS, 0.9, base), random);
    FeatureSettings preserve = new FeatureSettings(true, true, true, false, true);
    PlanHints reorders = new PlanHints(true, true, List.of(), List.of(), false);
    time(
        "playlists one-way, order preserve",
        iterations,
        new PlanInput(
            Feature.PLAYLISTS,
            SyncMode.ONE_WAY,
            preserve,
            SyncSettings.DEFAULTS,
            sourceMembers,
            targetMembers,
            null,
            null,
            List.of(),
            base,
            reorders));
    time(
        "playlists two-way, with baselines",
        iterations,
        new PlanInput(
            Feature.PLAYLISTS,
            SyncMode.TWO_WAY,
            new FeatureSettings(true, true, true, false),
            SyncSettings.DEFAULTS,
            sourceMembers,
            targetMembers,
            new Baseline(sourceMembers, base),
            new Baseline(targetMembers.subList(0, n / 2), base),
            List.of(),
            base,
            reorders));
  }

  private static void progress(
      int n, int iterations, Instant base, LibraryGenerator generator, Random random) {
    List<Item> sourceTitles = generator.titles(n);
    List<Item> sourcePoints = generator.progress(sourceTitles, base);
    List<Item> targetPoints =
        asRead(moveHalf(generator.otherSide(sourcePoints, Feature.PROGRESS, 0.9, base), random));
    List<Item> sourcePlays = asRead(generator.history(generator.titles(n), base));
    List<Item> targetPlays =
        asRead(generator.history(sourceTitles, base.minusSeconds(86_400L * 365)));
    time(
        "progress two-way, with plays",
        iterations,
        new PlanInput(
            Feature.PROGRESS,
            SyncMode.TWO_WAY,
            new FeatureSettings(true, true, true, false),
            SyncSettings.DEFAULTS,
            sourcePoints,
            targetPoints,
            new Baseline(asRead(sourcePoints), base),
            new Baseline(asRead(targetPoints), base),
            List.of(),
            base,
            new PlanHints(false, false, sourcePlays, targetPlays, false)));
  }

  private static void time(String what, int iterations, PlanInput input) {
    System.out.printf(
        "%s: %,d per side%n", what, Math.max(input.source().size(), input.target().size()));
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= iterations; i++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      Plan plan = Planner.plan(input);
      long ms = (System.nanoTime() - start) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      System.out.printf(
          "  run %d: %,d ms (%,d ms CPU); target +%,d -%,d ~%,d, source +%,d -%,d ~%,d%n",
          i,
          ms,
          cpuMs,
          plan.target().adds().size(),
          plan.target().removes().size(),
          plan.target().updates().size(),
          plan.source().adds().size(),
          plan.source().removes().size(),
          plan.source().updates().size());
    }
  }

  /** Shuffles the members of every tenth playlist (new positions), so reorders are planned. */
  private static List<Item> shuffleSome(List<Item> members, Random random) {
    java.util.Map<String, List<Item>> byList = new java.util.LinkedHashMap<>();
    for (Item m : members) {
      byList.computeIfAbsent(m.playlist().key(), k -> new ArrayList<>()).add(m);
    }
    List<Item> out = new ArrayList<>(members.size());
    int k = 0;
    for (List<Item> list : byList.values()) {
      List<Item> order = new ArrayList<>(list);
      if (k++ % 10 == 0) {
        Collections.shuffle(order, random);
      }
      for (int i = 0; i < order.size(); i++) {
        PlaylistRef ref = order.get(i).playlist();
        out.add(order.get(i).withPlaylist(ref.withPosition(i)));
      }
    }
    return out;
  }

  /** The items as a provider or the state store gives them: new objects, parsed from JSON. */
  private static List<Item> asRead(List<Item> items) {
    StringBuilder json = new StringBuilder(items.size() * 200).append('[');
    for (Item item : items) {
      json.append(json.length() > 1 ? "," : "").append(ItemJson.toJsonString(item));
    }
    List<Item> read = new ArrayList<>(items.size());
    try (JsonParser parser = JSON.createParser(json.append(']').toString())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        read.add(ItemJson.read(parser, "$[" + read.size() + "]"));
      }
    }
    return read;
  }

  /** Moves half the resume points by ten minutes, paused a day later. */
  private static List<Item> moveHalf(List<Item> points, Random random) {
    List<Item> out = new ArrayList<>(points.size());
    for (Item p : points) {
      if (random.nextBoolean()) {
        out.add(
            p.withProgress(
                p.progressMs() + 600_000, p.durationMs(), p.pausedAt().plusSeconds(86_400)));
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
