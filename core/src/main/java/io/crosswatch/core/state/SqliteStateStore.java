package io.crosswatch.core.state;

import static io.crosswatch.core.state.StateTimes.instant;
import static io.crosswatch.core.state.StateTimes.millis;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state store in {@code <state_dir>/state.db} (SQLite, WAL, synchronous=FULL).
 *
 * <p>Times other than the items' own are kept to the millisecond. A damaged database, or one
 * written by a newer crosswatch, is reported and left untouched.
 */
public final class SqliteStateStore implements StateStore {
  private static final String BY_PAIR = "(?1 IS NULL OR pair = ?1)";

  private final Db db;
  private boolean inTransaction;
  private boolean closed;

  private SqliteStateStore(Db db) {
    this.db = db;
  }

  /**
   * Opens (creating if missing) the state database in {@code stateDir}.
   *
   * @throws StateException when the database is damaged, from a newer version, or unwritable; the
   *     file is left untouched
   */
  public static StateStore open(Path stateDir) {
    Objects.requireNonNull(stateDir, "stateDir");
    return new SqliteStateStore(SqliteFiles.open(stateDir));
  }

  @Override
  public Optional<Baseline> baseline(String pairId, Feature feature, Side side) {
    ensureOpen();
    Object[] scope = {pairId, feature.key(), side.key()};
    List<Long> updated =
        db.query(
            "read a baseline",
            "SELECT updated_at FROM baselines WHERE " + SqliteTransaction.SCOPE,
            rs -> rs.getLong(1),
            scope);
    if (updated.isEmpty()) {
      return Optional.empty();
    }
    List<Item> items =
        db.query(
            "read a baseline",
            "SELECT key, item FROM baseline_items WHERE "
                + SqliteTransaction.SCOPE
                + " ORDER BY key",
            rs -> item(rs, 2, "baseline_items", 1),
            scope);
    return Optional.of(new Baseline(items, instant(updated.get(0))));
  }

  @Override
  public List<BaselineCount> baselineCounts(String pairId) {
    ensureOpen();
    return db.query(
        "count baseline items",
        "SELECT b.pair, b.feature, b.side, b.updated_at, (SELECT count(*) FROM baseline_items i"
            + " WHERE i.pair = b.pair AND i.feature = b.feature AND i.side = b.side)"
            + " FROM baselines b WHERE "
            + BY_PAIR.replace("pair", "b.pair")
            + " ORDER BY b.pair, b.feature, b.side",
        rs ->
            new BaselineCount(
                rs.getString(1),
                feature(rs.getString(2)),
                side(rs.getString(3)),
                rs.getInt(5),
                instant(rs.getLong(4))),
        pairId);
  }

  @Override
  public List<Tombstone> tombstones(String pairId, Feature feature) {
    ensureOpen();
    return db.query(
        "read tombstones",
        "SELECT key, item, removed_at FROM tombstones WHERE pair = ? AND feature = ? ORDER BY key",
        this::tombstone,
        pairId,
        feature.key());
  }

  @Override
  public List<Tombstone> allTombstones(String pairId) {
    ensureOpen();
    return db.query(
        "read tombstones",
        "SELECT key, item, removed_at FROM tombstones WHERE "
            + BY_PAIR
            + " ORDER BY pair, feature, key",
        this::tombstone,
        pairId);
  }

  @Override
  public int pruneTombstones(Instant cutoff) {
    ensureOpen();
    return db.update(
        "prune tombstones", "DELETE FROM tombstones WHERE removed_at < ?", millis(cutoff));
  }

  @Override
  public List<ParkedItem> parked(String pairId, Feature feature, Side side, Instant now) {
    ensureOpen();
    return db.query(
        "read parked items",
        "SELECT pair, feature, side, key, item, reason, until FROM parked"
            + " WHERE "
            + SqliteTransaction.SCOPE
            + " AND until > ? ORDER BY key",
        this::parkedItem,
        pairId,
        feature.key(),
        side.key(),
        millis(now));
  }

  @Override
  public List<ParkedItem> allParked(String pairId) {
    ensureOpen();
    return db.query(
        "read parked items",
        "SELECT pair, feature, side, key, item, reason, until FROM parked WHERE "
            + BY_PAIR
            + " ORDER BY pair, feature, side, key",
        this::parkedItem,
        pairId);
  }

  @Override
  public int clearParked(String pairId) {
    ensureOpen();
    return atomically(
        () -> {
          db.update(
              "clear failure counts",
              "DELETE FROM failures WHERE EXISTS (SELECT 1 FROM parked p WHERE p.pair ="
                  + " failures.pair AND p.feature = failures.feature AND p.side = failures.side"
                  + " AND p.key = failures.key AND (?1 IS NULL OR p.pair = ?1))",
              pairId);
          return db.update("clear parked items", "DELETE FROM parked WHERE " + BY_PAIR, pairId);
        });
  }

  @Override
  public List<UnresolvedItem> unresolved(String pairId) {
    ensureOpen();
    return db.query(
        "read unresolved items",
        "SELECT pair, feature, side, key, item, reason, at FROM unresolved WHERE "
            + BY_PAIR
            + " ORDER BY pair, feature, side, key",
        this::unresolvedItem,
        pairId);
  }

  @Override
  public int clearUnresolved(String pairId) {
    ensureOpen();
    return db.update("clear unresolved items", "DELETE FROM unresolved WHERE " + BY_PAIR, pairId);
  }

  @Override
  public List<JournalEntry> journal(String runId) {
    ensureOpen();
    return db.query(
        "read the journal",
        JOURNAL_COLUMNS + " WHERE run_id = ? ORDER BY seq",
        this::journalEntry,
        runId);
  }

  @Override
  public List<JournalEntry> journalAfter(String runId) {
    ensureOpen();
    return db.query(
        "read the journal of later runs",
        JOURNAL_COLUMNS
            + " WHERE seq > (SELECT COALESCE(MAX(seq), -1) FROM journal WHERE run_id = ?)"
            + " AND run_id <> ? ORDER BY seq",
        this::journalEntry,
        runId,
        runId);
  }

  private static final String JOURNAL_COLUMNS =
      "SELECT run_id, pair, feature, side, op, item, at, key, previous FROM journal";

  private JournalEntry journalEntry(ResultSet rs) throws SQLException {
    byte[] previous = rs.getBytes(9);
    return new JournalEntry(
        rs.getString(1),
        rs.getString(2),
        feature(rs.getString(3)),
        side(rs.getString(4)),
        op(rs.getString(5)),
        item(rs, 6, "journal", 8),
        instant(rs.getLong(7)),
        previous == null
            ? null
            : ItemCodec.fromJson(previous, db.file(), "journal", rs.getString(8)));
  }

  @Override
  public void runStarted(String runId, Instant at, boolean dryRun, String trigger) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trigger, "trigger");
    ensureOpen();
    db.update(
        "record the run start",
        "INSERT INTO runs (id, started_at, dry_run, trigger) VALUES (?, ?, ?, ?) ON CONFLICT (id)"
            + " DO UPDATE SET started_at = excluded.started_at, dry_run = excluded.dry_run,"
            + " trigger = excluded.trigger",
        runId,
        millis(at),
        dryRun,
        trigger);
  }

  @Override
  public void runFinished(String runId, Instant at, int exitCode, String summaryJson) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    atomically(
        () -> {
          int updated =
              db.update(
                  "record the run end",
                  "UPDATE runs SET finished_at = ?, exit_code = ?, summary = ? WHERE id = ?",
                  millis(at),
                  exitCode,
                  summaryJson,
                  runId);
          if (updated == 0) {
            db.update(
                "record the run end",
                "INSERT INTO runs (id, started_at, finished_at, dry_run, exit_code, summary)"
                    + " VALUES (?, ?, ?, 0, ?, ?)",
                runId,
                millis(at),
                millis(at),
                exitCode,
                summaryJson);
          }
          return updated;
        });
  }

  @Override
  public List<RunRecord> recentRuns(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    ensureOpen();
    return db.query(
        "read runs",
        "SELECT id, started_at, finished_at, dry_run, exit_code, trigger FROM runs"
            + " ORDER BY started_at DESC, rowid DESC LIMIT ?",
        rs -> {
          long finished = rs.getLong(3);
          Instant finishedAt = rs.wasNull() ? null : instant(finished);
          int exit = rs.getInt(5);
          Integer exitCode = rs.wasNull() ? null : exit;
          return new RunRecord(
              rs.getString(1),
              instant(rs.getLong(2)),
              finishedAt,
              rs.getInt(4) != 0,
              exitCode,
              rs.getString(6));
        },
        limit);
  }

  @Override
  public Optional<String> runSummary(String runId) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    List<String> found =
        db.query(
            "read a run summary",
            "SELECT summary FROM runs WHERE id = ? AND summary IS NOT NULL",
            rs -> rs.getString(1),
            runId);
    return found.stream().findFirst();
  }

  @Override
  public void transaction(Consumer<StateTransaction> work) {
    Objects.requireNonNull(work, "work");
    ensureOpen();
    if (inTransaction) {
      throw new IllegalStateException("state transactions do not nest");
    }
    SqliteTransaction tx = new SqliteTransaction(db);
    try {
      atomically(
          () -> {
            work.accept(tx);
            return null;
          });
    } finally {
      tx.end();
    }
  }

  @Override
  public int resetPair(String pairId) {
    Objects.requireNonNull(pairId, "pairId");
    ensureOpen();
    return atomically(
        () -> {
          int removed = 0;
          for (String table :
              List.of("baseline_items", "tombstones", "unresolved", "parked", "failures")) {
            removed +=
                db.update(
                    "reset pair " + pairId, "DELETE FROM " + table + " WHERE pair = ?", pairId);
          }
          db.update("reset pair " + pairId, "DELETE FROM baselines WHERE pair = ?", pairId);
          return removed;
        });
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      db.close();
    }
  }

  /** Rows changed through this connection since it opened (SQLite's {@code total_changes()}). */
  long totalChanges() {
    return db.query("count changes", "SELECT total_changes()", rs -> rs.getLong(1)).get(0);
  }

  /** The value of a pragma on this store's connection. */
  String pragma(String name) {
    return db.query("read PRAGMA " + name, "PRAGMA " + name, rs -> rs.getString(1)).get(0);
  }

  private <T> T atomically(Supplier<T> work) {
    if (inTransaction) {
      return work.get();
    }
    inTransaction = true;
    try {
      return db.inTransaction(work);
    } finally {
      inTransaction = false;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("state store " + db.file() + " is closed");
    }
  }

  /** The item in {@code column}; {@code keyColumn} holds its key, named should it be unreadable. */
  private Item item(ResultSet rs, int column, String table, int keyColumn) throws SQLException {
    // UTF-8 bytes straight from SQLite: parsing them skips two string conversions per row.
    return ItemCodec.fromJson(rs.getBytes(column), db.file(), table, rs.getString(keyColumn));
  }

  private Tombstone tombstone(ResultSet rs) throws SQLException {
    return new Tombstone(rs.getString(1), item(rs, 2, "tombstones", 1), instant(rs.getLong(3)));
  }

  private ParkedItem parkedItem(ResultSet rs) throws SQLException {
    return new ParkedItem(
        rs.getString(1),
        feature(rs.getString(2)),
        side(rs.getString(3)),
        rs.getString(4),
        item(rs, 5, "parked", 4),
        rs.getString(6),
        instant(rs.getLong(7)));
  }

  private UnresolvedItem unresolvedItem(ResultSet rs) throws SQLException {
    return new UnresolvedItem(
        rs.getString(1),
        feature(rs.getString(2)),
        side(rs.getString(3)),
        rs.getString(4),
        item(rs, 5, "unresolved", 4),
        rs.getString(6),
        instant(rs.getLong(7)));
  }

  private static Feature feature(String key) {
    return Feature.fromKey(key)
        .orElseThrow(() -> new StateException("unknown feature \"" + key + "\" in state database"));
  }

  private static WriteOp op(String key) {
    return WriteOp.fromKey(key)
        .orElseThrow(() -> new StateException("unknown op \"" + key + "\" in state database"));
  }

  private static Side side(String key) {
    return Side.valueOf(key.toUpperCase(Locale.ROOT));
  }
}
