package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.OpCounts;
import io.crosswatch.core.run.PairSummary;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.SideCounts;
import io.crosswatch.core.run.Status;
import io.crosswatch.core.run.Totals;
import io.crosswatch.core.state.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private static final PairSettings ONE_WAY =
      new PairSettings(
          "lib-to-backup",
          true,
          "FILE",
          "default",
          "FILE",
          "backup",
          SyncMode.ONE_WAY,
          Map.of(Feature.WATCHLIST, FeatureSettings.ADD_ONLY));
  private static final PairSettings TWO_WAY =
      new PairSettings(
          "both", true, "TRAKT", "default", "SIMKL", "default", SyncMode.TWO_WAY, Map.of());
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093"));

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void marksThePairStartWithItsSidesAndMode() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);

    reporter.pairStarted(ONE_WAY);
    reporter.pairStarted(TWO_WAY);

    assertThat(lines())
        .containsExactly(
            "▶ pair lib-to-backup (FILE:default → FILE:backup, one-way)",
            "▶ pair both (TRAKT:default ↔ SIMKL:default, two-way)");
  }

  @Test
  void marksTheFeatureStartAndFinishWithPlannedAndAppliedCounts() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);
    reporter.runStarted("r1", false);

    reporter.featureStarted(ONE_WAY, Feature.WATCHLIST);
    reporter.featureFinished(ONE_WAY, watchlist(new OpCounts(2, 0, 0), new OpCounts(2, 0, 0)));

    assertThat(lines())
        .containsExactly(
            "Run r1",
            "  ▷ watchlist",
            "  watchlist: planned +2 −0 ~0 → applied +2 −0 ~0 (1 chunk, 9 ms)");
  }

  @Test
  void namesANonOkStatusAndCountsUnresolvedAndBlocked() {
    FeatureSummary failed =
        new FeatureSummary(
            "history",
            Status.FAILED,
            5,
            3,
            new SideCounts(OpCounts.ZERO, new OpCounts(3, 1, 0)),
            new SideCounts(OpCounts.ZERO, new OpCounts(1, 0, 0)),
            2,
            1,
            2,
            List.of(),
            40);

    assertThat(ConsoleReporter.featureLine(failed, false))
        .isEqualTo(
            "history [failed]: planned +3 −1 ~0 → applied +1 −0 ~0"
                + " (2 chunks, 2 unresolved, 1 blocked, 40 ms)");
  }

  @Test
  void showsBothSidesWhenTheSourceSideChangesToo() {
    FeatureSummary twoWay =
        new FeatureSummary(
            "ratings",
            Status.OK,
            4,
            4,
            new SideCounts(new OpCounts(1, 0, 0), new OpCounts(0, 0, 2)),
            new SideCounts(new OpCounts(1, 0, 0), new OpCounts(0, 0, 2)),
            0,
            0,
            2,
            List.of(),
            7);

    assertThat(ConsoleReporter.featureLine(twoWay, false))
        .isEqualTo(
            "ratings: planned source +1 −0 ~0, target +0 −0 ~2"
                + " → applied source +1 −0 ~0, target +0 −0 ~2 (2 chunks, 7 ms)");
  }

  @Test
  void aDryRunShowsOnlyPlannedCounts() {
    FeatureSummary planned = watchlist(new OpCounts(2, 0, 0), OpCounts.ZERO);

    assertThat(ConsoleReporter.featureLine(planned, true))
        .isEqualTo("watchlist: planned +2 −0 ~0 (dry run, 9 ms)");
  }

  @Test
  void anUnsupportedFeatureIsOneWord() {
    FeatureSummary unsupported =
        new FeatureSummary(
            "ratings",
            Status.UNSUPPORTED,
            0,
            0,
            SideCounts.ZERO,
            SideCounts.ZERO,
            0,
            0,
            0,
            List.of(),
            0);

    assertThat(ConsoleReporter.featureLine(unsupported, false)).isEqualTo("ratings: unsupported");
  }

  @Test
  void printsWarningsWithTheirReasonsOnceEvenWhenTheSummaryRepeatsThem() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);
    FeatureSummary summary =
        new FeatureSummary(
            "watchlist",
            Status.BLOCKED,
            50,
            48,
            SideCounts.ZERO,
            SideCounts.ZERO,
            0,
            3,
            0,
            List.of("mass removal withheld", "suspect snapshot of FILE:backup"),
            5);

    reporter.pairStarted(ONE_WAY);
    reporter.warning("mass removal withheld");
    reporter.featureFinished(ONE_WAY, summary);

    assertThat(lines())
        .containsExactly(
            "▶ pair lib-to-backup (FILE:default → FILE:backup, one-way)",
            "  ! mass removal withheld",
            "  ! suspect snapshot of FILE:backup",
            "  watchlist [blocked]: planned +0 −0 ~0 → applied +0 −0 ~0 (0 chunks, 3 blocked, 5 ms)");
  }

  @Test
  void aWarningOutsideAPairIsNotIndented() {
    new ConsoleReporter(out, false, false).warning("config: unknown key, ignored");

    assertThat(lines()).containsExactly("! config: unknown key, ignored");
  }

  @Test
  void marksThePairFinishWithItsStatusAndReason() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);

    reporter.pairFinished(ONE_WAY, pair(Status.OK, null));
    reporter.pairFinished(ONE_WAY, pair(Status.FAILED, "FILE:backup is down: invalid JSON at 3:7"));
    reporter.pairFinished(ONE_WAY, pair(Status.SKIPPED, "disabled"));

    assertThat(lines())
        .containsExactly(
            "✔ pair lib-to-backup ok",
            "✘ pair lib-to-backup failed: FILE:backup is down: invalid JSON at 3:7",
            "– pair lib-to-backup skipped: disabled");
  }

  @Test
  void listsPlannedItemsOnlyForPlan() {
    ConsoleReporter plan = new ConsoleReporter(out, false, true);
    Item play =
        Item.episode(
                new ShowRef("Show 1", 1960, Ids.of(IdKind.TVDB, 300001)),
                1,
                2,
                "Pilot",
                Ids.of(IdKind.TVDB, 20010102))
            .withWatchedAt(Instant.parse("2026-01-02T03:04:05Z"));

    plan.planned(ONE_WAY, Feature.WATCHLIST, Side.TARGET, WriteOp.ADD, MATRIX);
    plan.planned(ONE_WAY, Feature.HISTORY, Side.TARGET, WriteOp.ADD, play);
    plan.planned(ONE_WAY, Feature.RATINGS, Side.SOURCE, WriteOp.UPDATE, MATRIX.withRating(8, null));
    plan.planned(ONE_WAY, Feature.WATCHLIST, Side.TARGET, WriteOp.REMOVE, MATRIX);
    new ConsoleReporter(out, false, false)
        .planned(ONE_WAY, Feature.WATCHLIST, Side.TARGET, WriteOp.ADD, MATRIX);

    assertThat(lines())
        .containsExactly(
            "    + add target watchlist: The Matrix (1999)",
            "    + add target history: Show 1 S01E02 @ 2026-01-02T03:04:05Z",
            "    ~ update source ratings: The Matrix (1999) = 8",
            "    − remove target watchlist: The Matrix (1999)");
  }

  @Test
  void endsWithTheSummaryLine() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);

    reporter.runFinished(summary(false, 812, new Totals(2, 0, 0, 0, 0), 0));

    assertThat(lines())
        .containsExactly("Done in 0.8 s: +2 −0 ~0, 0 unresolved, 0 blocked → exit 0");
  }

  @Test
  void aDryRunSummarySumsThePlannedChanges() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);

    reporter.runFinished(summary(true, 1250, new Totals(0, 0, 0, 1, 0), 3));

    assertThat(lines())
        .containsExactly(
            "Dry run done in 1.3 s: planned +2 −0 ~0, 1 unresolved, 0 blocked → exit 3");
  }

  @Test
  void drawsNoProgressOutsideATerminal() {
    ConsoleReporter reporter = new ConsoleReporter(out, false, false);

    reporter.progress("apply", 1, 10);
    reporter.progress("apply", 10, 10);

    assertThat(text()).isEmpty();
  }

  @Test
  void drawsProgressOnATerminalAndClearsItBeforeTheNextLine() {
    ConsoleReporter reporter = new ConsoleReporter(out, true, false);

    reporter.progress("snapshot TRAKT:default history", 5, 10);
    reporter.warning("slow");

    String bar = "  … snapshot TRAKT:default history 5/10 (50%)";
    assertThat(text()).isEqualTo("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r! slow\n");
  }

  @Test
  void clearsTheProgressLineWhenTheTaskCompletes() {
    ConsoleReporter reporter = new ConsoleReporter(out, true, false);

    reporter.progress("apply", 2, 2);

    String bar = "  … apply 2/2 (100%)";
    assertThat(text()).isEqualTo("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r");
  }

  @Test
  void aFeatureLeftUnchangedSaysSoInsteadOfItsCounts() {
    FeatureSummary unchanged =
        new FeatureSummary(
            "history",
            Status.OK,
            50,
            50,
            SideCounts.ZERO,
            SideCounts.ZERO,
            0,
            0,
            0,
            List.of(),
            3,
            true);

    assertThat(ConsoleReporter.featureLine(unchanged, false))
        .isEqualTo("history: unchanged since the last run, not read (3 ms)");
  }

  private static FeatureSummary watchlist(OpCounts planned, OpCounts applied) {
    return new FeatureSummary(
        "watchlist",
        Status.OK,
        50,
        48,
        new SideCounts(OpCounts.ZERO, planned),
        new SideCounts(OpCounts.ZERO, applied),
        0,
        0,
        1,
        List.of(),
        9);
  }

  private static PairSummary pair(Status status, String reason) {
    return new PairSummary(
        "lib-to-backup", "one-way", status, reason, "FILE:default", "FILE:backup", List.of());
  }

  private static RunSummary summary(boolean dryRun, long ms, Totals totals, int exitCode) {
    PairSummary pair =
        new PairSummary(
            "lib-to-backup",
            "one-way",
            Status.OK,
            null,
            "FILE:default",
            "FILE:backup",
            List.of(watchlist(new OpCounts(2, 0, 0), OpCounts.ZERO)));
    Instant start = Instant.parse("2026-11-28T06:15:00Z");
    return new RunSummary(
        "r", start, start.plusMillis(ms), ms, dryRun, exitCode, List.of(pair), totals, Map.of());
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private List<String> lines() {
    return text().lines().toList();
  }

  @Test
  void warningsFromSeveralThreadsComeOutAsWholeLinesAndAreNotRepeatedAtTheEnd() throws Exception {
    ConsoleReporter reporter = new ConsoleReporter(out, true, false);
    int threads = 8;
    int each = 200;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<String> all = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      List<String> mine = new java.util.ArrayList<>();
      for (int i = 0; i < each; i++) {
        mine.add("warning " + thread + "-" + i);
      }
      all.addAll(mine);
      pool.submit(
          () -> {
            start.await();
            for (String w : mine) {
              reporter.warning(w);
              reporter.progress("snapshot " + thread, 1, 2);
            }
            return null;
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    bytes.reset();

    reporter.featureFinished(ONE_WAY, summaryWithWarnings(all));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("warning ");
  }

  private static FeatureSummary summaryWithWarnings(List<String> warnings) {
    return new FeatureSummary(
        "watchlist", Status.OK, 0, 0, SideCounts.ZERO, SideCounts.ZERO, 0, 0, 0, warnings, 1);
  }
}
