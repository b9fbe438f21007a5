package io.crosswatch.core.run;

import io.crosswatch.core.apply.Applier;
import io.crosswatch.core.apply.ApplyResult;
import io.crosswatch.core.apply.ChunkResult;
import io.crosswatch.core.apply.ChunkSizing;
import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.guard.GuardInput;
import io.crosswatch.core.guard.GuardNotice;
import io.crosswatch.core.guard.GuardedPlan;
import io.crosswatch.core.guard.Guards;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlanHints;
import io.crosswatch.core.plan.PlanInput;
import io.crosswatch.core.plan.PlannedUnresolved;
import io.crosswatch.core.plan.Planner;
import io.crosswatch.core.plan.RatingsScope;
import io.crosswatch.core.plan.Reconciled;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.plan.SnapshotMatch;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.ParkedItem;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one feature of one pair: snapshot both sides, plan, guard, commit the plan's bookkeeping,
 * apply chunk by chunk (committing each), and summarize.
 */
final class FeatureRun {
  private final Config config;
  private final StateStore store;
  private final ProviderSession session;
  private final Applier applier;
  private final FeatureEvents events;
  private final FeatureLedger ledger;
  private final RunListener listener;
  private final Clock clock;
  private final String runId;
  private final boolean dryRun;
  private final PresetChanges preset;

  private final PairSettings pair;
  private final Feature feature;
  private final Map<Side, Provider> providers = new EnumMap<>(Side.class);
  private final List<String> warnings = new ArrayList<>();
  private final Map<Side, int[]> applied = new EnumMap<>(Side.class);
  private int unresolved;
  private int chunks;
  private String failure;
  private Map<Side, List<Item>> present;
  private boolean halted;
  private final Set<Side> cached = EnumSet.noneOf(Side.class);

  FeatureRun(RunContext run, PairSettings pair, Feature feature, Provider source, Provider target) {
    this.config = run.config();
    this.store = run.store();
    this.session = run.session();
    this.applier = run.applier();
    this.events = new FeatureEvents(run.events(), pair.id(), feature);
    this.ledger = new FeatureLedger(run.store(), run.runId(), pair.id(), feature);
    this.listener = run.listener();
    this.clock = run.clock();
    this.runId = run.runId();
    this.dryRun = run.dryRun();
    this.preset = run.preset();
    this.pair = pair;
    this.feature = feature;
    providers.put(Side.SOURCE, source);
    providers.put(Side.TARGET, target);
    applied.put(Side.SOURCE, new int[3]);
    applied.put(Side.TARGET, new int[3]);
  }

  FeatureSummary run() throws InterruptedException {
    long started = System.nanoTime();
    listener.featureStarted(pair, feature);
    events.start();
    FeatureSummary summary = execute(started);
    events.done(summary);
    listener.featureFinished(pair, summary);
    return summary;
  }

  private FeatureSummary execute(long started) throws InterruptedException {
    for (Provider p : providers.values()) {
      if (!p.features().contains(feature)) {
        String why = p.label() + " does not support " + feature.key();
        warn(why);
        return summary(Status.UNSUPPORTED, 0, 0, SideCounts.ZERO, 0, started);
      }
    }
    UnchangedCheck check = new UnchangedCheck(config, store, pair, feature, providers);
    Map<Side, String> digestsBefore = preset == null ? check.digests(clock.instant()) : Map.of();
    Optional<Map<Side, Integer>> unchangedCounts =
        preset == null ? check.unchanged(digestsBefore) : Optional.empty();
    if (unchangedCounts.isPresent()) {
      return unchanged(unchangedCounts.get(), started);
    }
    present = snapshots();
    if (present == null) {
      return summary(Status.FAILED, 0, 0, SideCounts.ZERO, 0, started);
    }
    Map<Side, Baseline> baselines = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      store.baseline(pair.id(), feature, side).ifPresent(b -> baselines.put(side, b));
    }
    Instant now = clock.instant();
    Plan plan;
    Plan alreadyDone = null;
    if (preset == null) {
      PlanHints hints = hints();
      if (hints == null) {
        return summary(Status.FAILED, 0, 0, SideCounts.ZERO, 0, started);
      }
      IdlessTitles titles = resolveIdless();
      plan =
          Planner.plan(
              new PlanInput(
                  feature,
                  pair.mode(),
                  pair.feature(feature),
                  config.sync(),
                  present.get(Side.SOURCE),
                  present.get(Side.TARGET),
                  baselines.get(Side.SOURCE),
                  baselines.get(Side.TARGET),
                  store.tombstones(pair.id(), feature),
                  now,
                  hints));
      plan = titles.relabel(plan);
      if (feature == Feature.RATINGS) {
        plan = scopeRatings(plan);
      }
      reportPlanNotes(plan);
    } else {
      Reconciled reconciled =
          preset.changes(
              pair, feature, present.get(Side.SOURCE), present.get(Side.TARGET), config.sync());
      reconciled
          .warnings()
          .forEach(w -> warn("pair=" + pair.id() + " feature=" + feature.key() + ": " + w));
      plan = reconciled.toApply();
      alreadyDone = reconciled.alreadyDone();
    }
    GuardedPlan guarded =
        preset == null || preset.guarded()
            ? Guards.apply(plan, guardInput(present, baselines, now))
            : new GuardedPlan(plan, 0, List.of(), Set.of(), false);
    for (GuardNotice notice : guarded.notices()) {
      warn(notice.message());
      events.guard(notice);
      if (notice.guard().equals(Guards.SUSPECT_SNAPSHOT)) {
        discardSuspect(notice.side());
      }
    }
    Plan safe = guarded.plan();
    unresolved = safe.unresolved().size();
    SideCounts planned = counts(safe);
    reportPlan(safe, planned, guarded.blocked());
    reportWriteCost(safe);
    int sourceCount = present.get(Side.SOURCE).size();
    int targetCount = present.get(Side.TARGET).size();
    if (dryRun) {
      return summary(
          guarded.guarded() ? Status.BLOCKED : Status.OK,
          sourceCount,
          targetCount,
          planned,
          guarded.blocked(),
          started);
    }
    // Fixed changes adjust the baselines only by what they write: deletions made since the
    // baselines were taken are still detected by the next run.
    Set<Side> keep = preset == null ? guarded.keepBaseline() : EnumSet.allOf(Side.class);
    ledger.commitPlan(safe, present, baselines, keep, now);
    if (alreadyDone != null) {
      countAlreadyDone(alreadyDone);
    }
    applySide(Side.TARGET, safe.target());
    if (pair.mode() == SyncMode.TWO_WAY) {
      applySide(Side.SOURCE, safe.source());
    }
    Status status =
        failure != null ? Status.FAILED : guarded.guarded() ? Status.BLOCKED : Status.OK;
    if (status == Status.OK && preset == null && unresolved == 0 && warnings.isEmpty()) {
      storeDigests(
          check,
          digestsBefore,
          planned,
          Map.of(Side.SOURCE, sourceCount, Side.TARGET, targetCount));
    }
    return summary(status, sourceCount, targetCount, planned, guarded.blocked(), started);
  }

  /**
   * After a clean run (nothing failed, blocked, unresolved or warned about), stores each side's
   * digest beside its baseline: the one taken before reading for a side nothing was written to, a
   * fresh one for a side that was written. Sides read from the run's snapshot cache get none (the
   * cached snapshot may be older than the digest), nor do sides whose provider cannot tell.
   */
  private void storeDigests(
      UnchangedCheck check,
      Map<Side, String> before,
      SideCounts planned,
      Map<Side, Integer> presentCounts) {
    Map<Side, String> digests = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      if (cached.contains(side)) {
        continue;
      }
      OpCounts ops = side == Side.SOURCE ? planned.source() : planned.target();
      boolean written = ops.add() + ops.remove() + ops.update() > 0;
      String digest = written ? check.digest(side, clock.instant()).orElse(null) : before.get(side);
      // A clean run applied everything it planned: the baseline holds the present items, plus the
      // adds, less the removes.
      int items = presentCounts.get(side) + ops.add() - ops.remove();
      if (digest != null) {
        digests.put(side, UnchangedCheck.stored(digest, items));
      }
    }
    if (!digests.isEmpty()) {
      store.transaction(
          tx -> digests.forEach((side, d) -> tx.setBaselineDigest(pair.id(), feature, side, d)));
    }
  }

  /**
   * The summary of a feature neither side of which changed since the last clean run: nothing is
   * read or planned, and the counts are the baselines'.
   */
  private FeatureSummary unchanged(Map<Side, Integer> counts, long started) {
    events.plan(SideCounts.ZERO, 0, 0, true);
    if (config.runtime().debugMods()) {
      listener.debug(
          String.format(
              "unchanged %s %s: both sides' digests equal their baselines'; not read",
              pair.id(), feature.key()));
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    return new FeatureSummary(
        feature.key(),
        Status.OK,
        counts.getOrDefault(Side.SOURCE, 0),
        counts.getOrDefault(Side.TARGET, 0),
        SideCounts.ZERO,
        SideCounts.ZERO,
        0,
        0,
        0,
        List.of(),
        ms,
        true);
  }

  /**
   * Items that carry only a title and a year get the other side's ids through its search: the
   * source's always, the target's in two-way pairs. A failed search leaves them unresolved.
   */
  private IdlessTitles resolveIdless() throws InterruptedException {
    IdlessTitles titles = new IdlessTitles();
    List<Side> sides =
        pair.mode() == SyncMode.TWO_WAY ? List.of(Side.SOURCE, Side.TARGET) : List.of(Side.SOURCE);
    for (Side side : sides) {
      Provider searcher = providers.get(side.other());
      try {
        present.put(side, titles.resolve(searcher, present.get(side)));
      } catch (ProviderException | RuntimeException e) {
        warn(
            String.format(
                "pair=%s feature=%s provider=%s: title search failed, titles without ids stay"
                    + " unresolved: %s",
                pair.id(), feature.key(), searcher.label(), e.getMessage()));
      }
    }
    return titles;
  }

  /**
   * Both sides' present snapshots, taken at the same time; {@code null} (with {@link #failure} set)
   * when one of them failed.
   */
  private Map<Side, List<Item>> snapshots() throws InterruptedException {
    boolean[] sourceCached = new boolean[1];
    boolean[] targetCached = new boolean[1];
    Future<List<Item>> source =
        session.snapshotAsync(providers.get(Side.SOURCE), feature, sourceCached);
    Map<Side, List<Item>> present = new EnumMap<>(Side.class);
    try {
      present.put(Side.TARGET, session.snapshot(providers.get(Side.TARGET), feature, targetCached));
    } catch (ProviderException | RuntimeException e) {
      snapshotFailed(Side.TARGET, e);
    }
    try {
      present.put(Side.SOURCE, source.get());
    } catch (ExecutionException e) {
      snapshotFailed(Side.SOURCE, e.getCause());
    }
    if (failure != null) {
      return null;
    }
    if (sourceCached[0]) {
      cached.add(Side.SOURCE);
    }
    if (targetCached[0]) {
      cached.add(Side.TARGET);
    }
    reportSnapshot(Side.SOURCE, present.get(Side.SOURCE), sourceCached[0]);
    reportSnapshot(Side.TARGET, present.get(Side.TARGET), targetCached[0]);
    return present;
  }

  /**
   * What playlists and progress need besides the snapshots: whether each side can reorder, and for
   * progress the history plays of each side that may be written (through the session, so a history
   * feature of the same run shares the read). {@code null} (with {@link #failure} set) when a
   * needed history read failed: a resume point is never written without knowing whether the title
   * was finished since.
   */
  private PlanHints hints() {
    Provider source = providers.get(Side.SOURCE);
    Provider target = providers.get(Side.TARGET);
    List<Item> sourcePlays = List.of();
    List<Item> targetPlays = List.of();
    if (feature == Feature.PROGRESS) {
      boolean twoWay = pair.mode() == SyncMode.TWO_WAY;
      targetPlays = plays(Side.TARGET);
      sourcePlays = twoWay ? plays(Side.SOURCE) : List.of();
      if (sourcePlays == null || targetPlays == null) {
        return null;
      }
    }
    return new PlanHints(
        source.canReorder(feature),
        target.canReorder(feature),
        sourcePlays,
        targetPlays,
        config.runtime().debugMods());
  }

  /** A side's history plays; empty when it keeps no history; {@code null} when the read failed. */
  private List<Item> plays(Side side) {
    Provider p = providers.get(side);
    if (!p.features().contains(Feature.HISTORY)) {
      return List.of();
    }
    try {
      return session.snapshot(p, Feature.HISTORY, new boolean[1]);
    } catch (ProviderException | RuntimeException e) {
      String why =
          p.label()
              + " history snapshot failed, needed to tell finished titles from resume points: "
              + e.getMessage();
      if (failure == null) {
        failure = why;
      }
      warn(why);
      return null;
    }
  }

  /** The planner's warnings, and with {@code debug_mods} each of its decisions. */
  private void reportPlanNotes(Plan plan) {
    for (String w : plan.warnings()) {
      warn(String.format("pair=%s feature=%s: %s", pair.id(), feature.key(), w));
    }
    if (config.runtime().debugMods()) {
      for (String d : plan.decisions()) {
        listener.debug(String.format("decision %s %s", pair.id(), d));
      }
    }
  }

  /** States what writes cost on services that take one paced call per item. */
  private void reportWriteCost(Plan plan) {
    for (Side side : Side.values()) {
      Provider p = providers.get(side);
      for (WriteOp op : WriteOp.values()) {
        int n = itemsFor(plan.side(side), op).size();
        if (n == 0) {
          continue;
        }
        p.writeCost(feature, op, n)
            .ifPresent(
                cost ->
                    warn(
                        String.format(
                            "pair=%s feature=%s provider=%s: %d %s take one call each: %d calls,"
                                + " at least %s at the service's pace",
                            pair.id(),
                            feature.key(),
                            p.label(),
                            n,
                            op.key() + (n == 1 ? "" : "s"),
                            cost.calls(),
                            humanDuration(cost.duration()))));
      }
    }
  }

  private static String humanDuration(java.time.Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s + 30) / 60 + " min";
    }
    return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
  }

  private void snapshotFailed(Side side, Throwable e) {
    String why =
        providers.get(side).label() + " " + feature.key() + " snapshot failed: " + e.getMessage();
    if (failure == null) {
      failure = why;
    }
    warn(why);
  }

  private void reportSnapshot(Side side, List<Item> items, boolean wasCached) {
    Provider p = providers.get(side);
    events.snapshot(p.label(), side, items.size(), wasCached);
    if (config.runtime().debugMods()) {
      listener.debug(
          String.format(
              "snapshot %s %s %s: %d items%s",
              pair.id(), feature.key(), p.label(), items.size(), wasCached ? " (cached)" : ""));
    }
  }

  /** The plan without the ratings the pair's filter excludes; {@code debug_mods} lists them. */
  private Plan scopeRatings(Plan plan) {
    RatingsScope.Scoped scoped = RatingsScope.apply(plan, pair.ratingsFilter());
    if (config.runtime().debugMods() && !scoped.heldBack().isEmpty()) {
      listener.debug(
          String.format(
              "ratings filter %s: %d planned changes held back",
              pair.id(), scoped.heldBack().size()));
      for (RatingsScope.HeldBack h : scoped.heldBack()) {
        listener.debug(
            String.format(
                "held back %s %s %s %s: %s",
                pair.id(), h.op(), h.side().key(), h.item().label(), h.reason()));
      }
    }
    return scoped.plan();
  }

  /**
   * Makes sure a snapshot a guard found suspect is never reused: neither from this run's snapshot
   * cache nor from the provider's own store across runs, so that the next run reads it in full.
   */
  private void discardSuspect(Side side) {
    Provider provider = providers.get(side);
    session.invalidate(provider, feature);
    try {
      provider.discardSnapshot(feature);
    } catch (RuntimeException e) {
      warn(
          provider.label()
              + " "
              + feature.key()
              + ": could not forget the suspect snapshot ("
              + e.getMessage()
              + ")");
    }
  }

  private GuardInput guardInput(
      Map<Side, List<Item>> present, Map<Side, Baseline> baselines, Instant now) {
    Map<Side, String> labels = new EnumMap<>(Side.class);
    Map<Side, Integer> presentCounts = new EnumMap<>(Side.class);
    Map<Side, Integer> baselineCounts = new EnumMap<>(Side.class);
    Map<Side, Set<String>> parked = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      labels.put(side, providers.get(side).label());
      presentCounts.put(side, present.get(side).size());
      if (baselines.containsKey(side)) {
        baselineCounts.put(side, baselines.get(side).items().size());
      }
      Set<String> keys = new HashSet<>();
      for (ParkedItem p : store.parked(pair.id(), feature, side, now)) {
        keys.add(p.key());
      }
      parked.put(side, keys);
    }
    return new GuardInput(
        pair.id(),
        feature,
        labels,
        presentCounts,
        baselineCounts,
        parked,
        config.runtime().suspectMinPrev(),
        config.runtime().suspectShrinkRatio(),
        config.sync().maxRemoveRatio());
  }

  private void reportPlan(Plan plan, SideCounts planned, int blocked) {
    for (Side side : Side.values()) {
      SidePlan sp = plan.side(side);
      sp.updates().forEach(i -> listener.planned(pair, feature, side, WriteOp.UPDATE, i));
      sp.adds().forEach(i -> listener.planned(pair, feature, side, WriteOp.ADD, i));
      sp.removes().forEach(i -> listener.planned(pair, feature, side, WriteOp.REMOVE, i));
    }
    for (PlannedUnresolved u : plan.unresolved()) {
      warn(
          String.format(
              "pair=%s feature=%s: %s cannot be matched (%s)",
              pair.id(), feature.key(), u.item().label(), u.reason()));
    }
    events.plan(planned, plan.unresolved().size(), blocked);
  }

  /**
   * Writes one side's plan: removes, then updates, then adds (a capped list makes room before it
   * fills). A failed operation stops the feature's other writes, except an account limit, which
   * stops only the adds to that list.
   */
  private void applySide(Side side, SidePlan plan) throws InterruptedException {
    Provider provider = providers.get(side);
    for (WriteOp op : WriteOp.values()) {
      List<Item> items = itemsFor(plan, op);
      if (items.isEmpty() || halted) {
        continue;
      }
      ChunkSizing sizing = ChunkSizing.of(config.runtime(), provider, feature, op, items.size());
      Function<Item, Item> previous = previous(side, op, items);
      ApplyResult result =
          applier.apply(
              provider,
              feature,
              op,
              items,
              sizing.size(),
              sizing.pause(),
              chunk -> commitChunk(side, provider, op, sizing, chunk, previous));
      chunks += result.chunks();
      session.invalidate(provider, feature);
      if (result.failure() != null) {
        if (failure == null) {
          failure = result.failure();
        }
        halted |= !result.limitReached();
        warn(
            result.failure()
                + " ("
                + result.notAttempted()
                + " items not written; they stay planned)");
      }
    }
  }

  /** Changes a side already holds count as applied; they are not written nor journaled. */
  private void countAlreadyDone(Plan done) {
    for (Side side : Side.values()) {
      int[] counts = applied.get(side);
      for (WriteOp op : WriteOp.values()) {
        counts[op.ordinal()] += itemsFor(done.side(side), op).size();
      }
    }
  }

  private static List<Item> itemsFor(SidePlan plan, WriteOp op) {
    switch (op) {
      case ADD:
        return plan.adds();
      case REMOVE:
        return plan.removes();
      default:
        return plan.updates();
    }
  }

  /** Commits a written chunk (one state transaction) and reports it. */
  private void commitChunk(
      Side side,
      Provider provider,
      WriteOp op,
      ChunkSizing sizing,
      ChunkResult chunk,
      Function<Item, Item> previous) {
    FeatureLedger.ChunkOutcome outcome =
        ledger.commitChunk(side, op, chunk, previous, clock.instant());
    applied.get(side)[op.ordinal()] += outcome.done().size();
    unresolved += outcome.failed().size();
    for (ItemOutcome o : outcome.failed()) {
      warn(
          String.format(
              "pair=%s feature=%s provider=%s: %s %s failed: %s",
              pair.id(),
              feature.key(),
              provider.label(),
              op.key(),
              o.item().label(),
              FeatureLedger.reason(o)));
    }
    events.chunk(
        provider.label(), side, op, sizing, chunk, outcome.done().size(), outcome.failed().size());
    listener.progress(pair.id() + " " + feature.key() + " " + op.key(), chunk.index(), chunk.of());
  }

  /**
   * What the side held before each update (its previous rating, for undo); nothing for adds and
   * removes, whose journaled item is the whole story.
   */
  private Function<Item, Item> previous(Side side, WriteOp op, List<Item> items) {
    if (op != WriteOp.UPDATE) {
      return item -> null;
    }
    Duration window = Duration.ofSeconds(config.sync().historyMatchWindowSec());
    List<Item> held = SnapshotMatch.of(feature, window, present.get(side), items).matches();
    Map<String, Item> before = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (held.get(i) != null) {
        before.put(ItemKeys.key(items.get(i), feature), held.get(i));
      }
    }
    return item -> before.get(ItemKeys.key(item, feature));
  }

  private void warn(String message) {
    String shown = KnownSecrets.mask(message);
    warnings.add(shown);
    listener.warning(shown);
  }

  private static SideCounts counts(Plan plan) {
    return new SideCounts(opCounts(plan.source()), opCounts(plan.target()));
  }

  private static OpCounts opCounts(SidePlan p) {
    return new OpCounts(p.adds().size(), p.removes().size(), p.updates().size());
  }

  private SideCounts appliedCounts() {
    return new SideCounts(appliedOps(Side.SOURCE), appliedOps(Side.TARGET));
  }

  private OpCounts appliedOps(Side side) {
    int[] c = applied.get(side);
    return new OpCounts(
        c[WriteOp.ADD.ordinal()], c[WriteOp.REMOVE.ordinal()], c[WriteOp.UPDATE.ordinal()]);
  }

  private FeatureSummary summary(
      Status status,
      int sourceCount,
      int targetCount,
      SideCounts planned,
      int blocked,
      long startedNanos) {
    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
    return new FeatureSummary(
        feature.key(),
        status,
        sourceCount,
        targetCount,
        planned,
        appliedCounts(),
        unresolved,
        blocked,
        chunks,
        warnings,
        ms);
  }

  /** Why the feature failed, or {@code null}. */
  String failure() {
    return failure;
  }
}
