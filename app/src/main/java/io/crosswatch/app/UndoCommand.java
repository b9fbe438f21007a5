package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.review.UndoChanges;
import io.crosswatch.core.run.PresetChanges;
import io.crosswatch.core.state.JournalEntry;
import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.StateStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cw undo RUN_ID}: reverses what a run applied, from its journal. */
@Command(
    name = "undo",
    description = {
      "Reverses what a run applied, from its journal: adds are removed, removes added back,",
      "ratings get their previous value, added plays are removed. Items a later run changed",
      "again are skipped with a warning. An undo is a run of its own and can be undone."
    })
final class UndoCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to undo.")
  String runId;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  java.nio.file.Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  java.nio.file.Path stateDir;

  @Option(names = "--dry-run", description = "Show what would be reversed; write nothing.")
  boolean dryRun;

  @Option(
      names = "--json",
      description = "Print the run summary as JSON on stdout (human output goes to stderr).")
  boolean json;

  UndoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    RunOptions options = new RunOptions();
    options.config = config;
    options.stateDir = stateDir;
    options.json = json;
    return new RunFlow(ctx, new Undo()).run(options, dryRun, dryRun);
  }

  /** Reads the run's journal and hands its reversal to the run. */
  private final class Undo implements RunFlow.Hooks {
    private Config config;

    @Override
    public void configLoaded(Config loaded, java.nio.file.Path file) {
      this.config = loaded;
    }

    @Override
    public PresetChanges preset(Config loaded, StateStore store) {
      List<JournalEntry> entries = store.journal(runId);
      if (entries.isEmpty()) {
        boolean known =
            store.recentRuns(Integer.MAX_VALUE).stream()
                .map(RunRecord::runId)
                .anyMatch(runId::equals);
        throw CommandFailure.usage(
            known
                ? "run " + runId + " applied no changes; there is nothing to undo"
                : "unknown run \"" + runId + "\"; `cw state show` lists recent runs");
      }
      UndoChanges undo = new UndoChanges(entries, store.journalAfter(runId));
      Set<String> inConfig = Set.copyOf(config.pairs().stream().map(PairSettings::id).toList());
      for (String pair : undo.pairIds()) {
        if (!inConfig.contains(pair)) {
          ctx.err()
              .println(
                  "warning: pair \""
                      + pair
                      + "\" of run "
                      + runId
                      + " is no longer in the config; its changes cannot be undone");
        }
      }
      return undo;
    }
  }
}
