package io.crosswatch.app;

import io.crosswatch.core.state.BaselineCount;
import io.crosswatch.core.state.ParkedItem;
import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.core.state.Tombstone;
import io.crosswatch.core.state.UnresolvedItem;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cw state}: inspects and mends the state of past runs. */
@Command(
    name = "state",
    description = "Inspects and mends state: runs, tombstones, unresolved and parked items.",
    subcommands = {
      StateCommand.Show.class,
      StateCommand.Tombstones.class,
      StateCommand.Unresolved.class,
      StateCommand.ClearUnresolved.class,
      StateCommand.Reset.class
    })
final class StateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing subcommand: show, tombstones, unresolved, clear-unresolved or reset");
  }

  /** {@code cw state show}: recent runs and counts of what the state holds. */
  @Command(
      name = "show",
      description = "Shows recent runs and counts of tombstones, unresolved and parked items.")
  static final class Show implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin StateOptions options;

    @Option(names = "--pair", paramLabel = "ID", description = "Count only this pair's items.")
    String pair;

    @Option(names = "--limit", paramLabel = "N", description = "Runs to list (default 10).")
    int limit = 10;

    Show(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      StateAccess state = StateAccess.of(ctx, options);
      return state.read(store -> show(ctx.out(), state, store));
    }

    private int show(PrintStream out, StateAccess state, StateStore store) {
      out.println("State dir: " + state.dir());
      List<RunRecord> runs = store.recentRuns(Math.max(1, limit));
      if (runs.isEmpty()) {
        out.println("No runs recorded.");
      } else {
        out.println("Recent runs (newest first):");
        Table table = new Table("RUN ID", "STARTED", "FINISHED", "DRY RUN", "EXIT");
        runs.forEach(
            r ->
                table.row(
                    r.runId(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.dryRun() ? "yes" : "no",
                    r.exitCode()));
        table.print(out, "  ");
      }
      List<BaselineCount> baselines = store.baselineCounts(pair);
      if (!baselines.isEmpty()) {
        out.println("Baselines (items each side held after the last run):");
        Table table = new Table("PAIR", "FEATURE", "SIDE", "ITEMS", "UPDATED");
        baselines.forEach(
            b ->
                table.row(b.pairId(), b.feature().key(), b.side().key(), b.items(), b.updatedAt()));
        table.print(out, "  ");
      }
      out.println(
          (pair == null ? "" : "Pair " + pair + ": ")
              + Texts.plural(store.allTombstones(pair).size(), "tombstone")
              + ", "
              + store.unresolved(pair).size()
              + " unresolved, "
              + store.allParked(pair).size()
              + " parked");
      return ExitCodes.OK;
    }
  }

  /** {@code cw state tombstones}: remembered removals. */
  @Command(name = "tombstones", description = "Lists tombstones (remembered removals).")
  static final class Tombstones extends PairScoped {
    Tombstones(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      return StateAccess.of(ctx, options).read(this::list);
    }

    private int list(StateStore store) {
      List<Tombstone> tombstones = store.allTombstones(pair);
      if (tombstones.isEmpty()) {
        ctx.out().println("No tombstones.");
        return ExitCodes.OK;
      }
      Table table = new Table("REMOVED AT", "ITEM", "KEY");
      tombstones.forEach(t -> table.row(t.removedAt(), t.item().label(), t.key()));
      table.print(ctx.out(), "");
      return ExitCodes.OK;
    }
  }

  /** {@code cw state unresolved}: items that could not be matched or written, and parked ones. */
  @Command(
      name = "unresolved",
      description = "Lists unresolved items and parked items, with their reasons.")
  static final class Unresolved extends PairScoped {
    Unresolved(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      return StateAccess.of(ctx, options).read(this::list);
    }

    private int list(StateStore store) {
      PrintStream out = ctx.out();
      List<UnresolvedItem> unresolved = store.unresolved(pair);
      List<ParkedItem> parked = store.allParked(pair);
      if (unresolved.isEmpty() && parked.isEmpty()) {
        out.println("No unresolved or parked items.");
        return ExitCodes.OK;
      }
      if (!unresolved.isEmpty()) {
        out.println("Unresolved:");
        Table table = new Table("PAIR", "FEATURE", "SIDE", "ITEM", "REASON", "SINCE");
        unresolved.forEach(
            u ->
                table.row(
                    u.pairId(),
                    u.feature().key(),
                    u.side().key(),
                    u.item().label(),
                    u.reason(),
                    u.at()));
        table.print(out, "  ");
      }
      if (!parked.isEmpty()) {
        out.println("Parked (not retried until the date shown, or until cleared):");
        Table table = new Table("PAIR", "FEATURE", "SIDE", "ITEM", "REASON", "UNTIL");
        parked.forEach(
            p ->
                table.row(
                    p.pairId(),
                    p.feature().key(),
                    p.side().key(),
                    p.item().label(),
                    p.reason(),
                    p.until()));
        table.print(out, "  ");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code cw state clear-unresolved}: forgets unresolved items and unparks parked ones. */
  @Command(
      name = "clear-unresolved",
      description = "Forgets unresolved items and unparks parked items, so they are tried again.")
  static final class ClearUnresolved extends PairScoped {
    ClearUnresolved(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      return StateAccess.of(ctx, options)
          .write(
              store -> {
                int unresolved = store.clearUnresolved(pair);
                int parked = store.clearParked(pair);
                ctx.out()
                    .println(
                        "Cleared "
                            + unresolved
                            + " unresolved and "
                            + parked
                            + " parked items"
                            + (pair == null ? "." : " of pair " + pair + "."));
                return ExitCodes.OK;
              });
    }
  }

  /** {@code cw state reset --pair ID}: forgets a pair's baselines, tombstones and items. */
  @Command(
      name = "reset",
      description =
          "Forgets everything about one pair (baselines, tombstones, unresolved and parked"
              + " items); its next run starts like a first run. The journal is kept.")
  static final class Reset implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin StateOptions options;

    @Option(names = "--pair", paramLabel = "ID", required = true, description = "The pair.")
    String pair;

    Reset(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      return StateAccess.of(ctx, options)
          .write(
              store -> {
                int rows = store.resetPair(pair);
                ctx.out().println("Reset pair " + pair + ": " + rows + " rows removed.");
                Optional<Boolean> configured = rows == 0 ? configured() : Optional.of(true);
                if (!configured.orElse(false)) {
                  ctx.err()
                      .println(
                          "warning: no state for pair "
                              + pair
                              + "; nothing to reset"
                              + (configured.isPresent()
                                  ? " (check the pair id: it is not in the config)"
                                  : ""));
                }
                return ExitCodes.OK;
              });
    }

    /**
     * Whether the config (of {@code --config}, or the default one if present) names the pair; empty
     * when there is no config or it cannot be loaded (the reset itself needs none).
     */
    private Optional<Boolean> configured() {
      try {
        return Configs.loadIfPresent(ctx, options.config)
            .map(loaded -> loaded.config().pairs().stream().anyMatch(p -> p.id().equals(pair)));
      } catch (CommandFailure e) {
        return Optional.empty();
      }
    }
  }

  /** What the subcommands limited to one pair by {@code --pair ID} share. */
  abstract static class PairScoped implements Callable<Integer> {
    final CliContext ctx;
    @Mixin StateOptions options;

    @Option(names = "--pair", paramLabel = "ID", description = "Only this pair.")
    String pair;

    PairScoped(CliContext ctx) {
      this.ctx = ctx;
    }
  }
}
