package io.crosswatch.app;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.OpCounts;
import io.crosswatch.core.run.PairSummary;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.SideCounts;
import io.crosswatch.core.run.Status;
import io.crosswatch.core.run.Totals;
import io.crosswatch.core.state.Side;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Human output of a run: start and finish markers per pair and feature, planned and applied counts,
 * warnings with their reasons, planned items (for {@code cw plan}), progress on a real terminal,
 * and a final summary line.
 */
public final class ConsoleReporter implements RunListener {
  private final PrintStream out;
  private final boolean interactive;
  private final boolean listPlanned;
  private final Set<String> shownWarnings = new HashSet<>();
  private boolean dryRun;
  private boolean inPair;
  private int progressWidth;
  private String progressKey = "";

  /**
   * @param out where the human output goes (stdout, or stderr when {@code --json})
   * @param interactive whether {@code out} is a real terminal outside CI (progress is drawn)
   * @param listPlanned whether each planned item is listed (for {@code cw plan})
   */
  public ConsoleReporter(PrintStream out, boolean interactive, boolean listPlanned) {
    this.out = Objects.requireNonNull(out, "out");
    this.interactive = interactive;
    this.listPlanned = listPlanned;
  }

  /** Prints the run header. */
  public synchronized void runStarted(String runId, boolean dryRun) {
    this.dryRun = dryRun;
    line("Run " + runId + (dryRun ? " (dry run: nothing is written)" : ""));
  }

  @Override
  public synchronized void pairStarted(PairSettings pair) {
    inPair = true;
    String arrow = pair.mode() == SyncMode.TWO_WAY ? " ↔ " : " → ";
    String mode = pair.mode() == null ? "?" : pair.mode().key();
    line(
        "▶ pair "
            + pair.id()
            + " ("
            + pair.sourceLabel()
            + arrow
            + pair.targetLabel()
            + ", "
            + mode
            + ")");
  }

  @Override
  public synchronized void featureStarted(PairSettings pair, Feature feature) {
    line("  ▷ " + feature.key());
  }

  @Override
  public synchronized void planned(
      PairSettings pair, Feature feature, Side side, WriteOp op, Item item) {
    if (!listPlanned) {
      return;
    }
    line(
        "    "
            + symbol(op)
            + " "
            + op.key()
            + " "
            + side.key()
            + " "
            + feature.key()
            + ": "
            + describe(feature, item));
  }

  /** Debug lines (sent only when a debug flag is on) go out marked, beside the markers. */
  @Override
  public synchronized void debug(String message) {
    line((inPair ? "  · " : "· ") + message);
  }

  @Override
  public synchronized void warning(String message) {
    shownWarnings.add(message);
    line((inPair ? "  ! " : "! ") + message);
  }

  @Override
  public synchronized void featureFinished(PairSettings pair, FeatureSummary summary) {
    for (String warning : summary.warnings()) {
      if (!shownWarnings.contains(warning)) {
        warning(warning);
      }
    }
    line("  " + featureLine(summary, dryRun));
  }

  @Override
  public synchronized void pairFinished(PairSettings pair, PairSummary summary) {
    String mark =
        switch (summary.status()) {
          case OK -> "✔";
          case FAILED -> "✘";
          default -> "–";
        };
    String reason = summary.reason() == null ? "" : ": " + summary.reason();
    line(mark + " pair " + summary.id() + " " + summary.status().key() + reason);
    inPair = false;
  }

  @Override
  public synchronized void progress(String task, long done, long total) {
    if (!interactive || total <= 0) {
      return;
    }
    long percent = Math.min(100, done * 100 / total);
    String key = task + percent;
    if (key.equals(progressKey) && done < total) {
      return;
    }
    progressKey = key;
    String text = String.format(Locale.ROOT, "  … %s %d/%d (%d%%)", task, done, total, percent);
    clearProgress();
    out.print("\r" + text);
    out.flush();
    progressWidth = text.length();
    if (done >= total) {
      clearProgress();
    }
  }

  /** Prints the final summary line. */
  public synchronized void runFinished(RunSummary summary) {
    Objects.requireNonNull(summary, "summary");
    Totals t = summary.totals() == null ? Totals.ZERO : summary.totals();
    String time = Texts.seconds(summary.durationMs());
    String counts =
        summary.dryRun()
            ? "planned " + Texts.ops(plannedTotal(summary))
            : "+" + t.added() + " −" + t.removed() + " ~" + t.updated();
    line(
        (summary.dryRun() ? "Dry run done in " : "Done in ")
            + time
            + ": "
            + counts
            + ", "
            + t.unresolved()
            + " unresolved, "
            + t.blocked()
            + " blocked → exit "
            + summary.exitCode());
  }

  /** The finish line of one feature, without indentation. */
  static String featureLine(FeatureSummary f, boolean dryRun) {
    Status status = f.status();
    boolean nothing = Texts.both(f.planned()).total() == 0 && Texts.both(f.applied()).total() == 0;
    if (nothing && (status == Status.SKIPPED || status == Status.UNSUPPORTED)) {
      return f.feature() + ": " + status.key();
    }
    if (f.unchanged()) {
      return f.feature() + ": unchanged since the last run, not read (" + f.durationMs() + " ms)";
    }
    StringBuilder s = new StringBuilder(f.feature());
    if (status != Status.OK) {
      s.append(" [").append(status.key()).append(']');
    }
    boolean twoSided = hasSource(f.planned()) || hasSource(f.applied());
    s.append(": planned ").append(counts(f.planned(), twoSided));
    if (!dryRun) {
      s.append(" → applied ").append(counts(f.applied(), twoSided));
    }
    List<String> notes = new ArrayList<>();
    if (dryRun) {
      notes.add("dry run");
    } else {
      notes.add(Texts.plural(f.chunks(), "chunk"));
    }
    if (f.unresolved() > 0) {
      notes.add(f.unresolved() + " unresolved");
    }
    if (f.blocked() > 0) {
      notes.add(f.blocked() + " blocked");
    }
    notes.add(f.durationMs() + " ms");
    return s.append(" (").append(String.join(", ", notes)).append(')').toString();
  }

  private static boolean hasSource(SideCounts c) {
    return c != null && c.source() != null && c.source().total() > 0;
  }

  private static String counts(SideCounts c, boolean twoSided) {
    SideCounts counts = c == null ? SideCounts.ZERO : c;
    if (!twoSided) {
      return Texts.ops(counts.target());
    }
    return "source " + Texts.ops(counts.source()) + ", target " + Texts.ops(counts.target());
  }

  private static OpCounts plannedTotal(RunSummary summary) {
    OpCounts sum = OpCounts.ZERO;
    for (PairSummary p : summary.pairs()) {
      for (FeatureSummary f : p.features()) {
        sum = sum.plus(Texts.both(f.planned()));
      }
    }
    return sum;
  }

  private static String symbol(WriteOp op) {
    return switch (op) {
      case ADD -> "+";
      case REMOVE -> "−";
      case UPDATE -> "~";
    };
  }

  /** The item's label plus what the feature changes: the play time or the rating. */
  static String describe(Feature feature, Item item) {
    String label = item.label();
    if (feature == Feature.HISTORY && item.watchedAt() != null) {
      return label + " @ " + item.watchedAt();
    }
    if (feature == Feature.RATINGS && item.rating() != null) {
      return label + " = " + item.rating();
    }
    return label;
  }

  private void line(String text) {
    clearProgress();
    out.println(text);
  }

  private void clearProgress() {
    if (progressWidth > 0) {
      out.print("\r" + " ".repeat(progressWidth) + "\r");
      progressWidth = 0;
    }
  }
}
