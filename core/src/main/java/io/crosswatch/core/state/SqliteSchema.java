package io.crosswatch.core.state;

import java.sql.SQLException;
import java.util.List;

/**
 * The versioned schema of the state database: {@code PRAGMA user_version} names the last migration
 * applied; migrations run in order, each once, inside one transaction.
 */
final class SqliteSchema {
  /** Marks a file as a crosswatch state database ("CWST"). */
  static final int APPLICATION_ID = 0x43575354;

  private static final List<String> V1 =
      List.of(
          "CREATE TABLE baselines (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " updated_at INTEGER NOT NULL, PRIMARY KEY (pair, feature, side)) WITHOUT ROWID",
          "CREATE TABLE baseline_items (pair TEXT NOT NULL, feature TEXT NOT NULL,"
              + " side TEXT NOT NULL, key TEXT NOT NULL, item TEXT NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE tombstones (pair TEXT NOT NULL, feature TEXT NOT NULL, key TEXT NOT NULL,"
              + " item TEXT NOT NULL, removed_at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, key)) WITHOUT ROWID",
          "CREATE TABLE unresolved (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE failures (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, runs INTEGER NOT NULL, last_run TEXT NOT NULL,"
              + " reason TEXT NOT NULL, at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE parked (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, reason TEXT NOT NULL,"
              + " until INTEGER NOT NULL, PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE runs (id TEXT PRIMARY KEY NOT NULL, started_at INTEGER NOT NULL,"
              + " finished_at INTEGER, dry_run INTEGER NOT NULL, exit_code INTEGER, summary TEXT)",
          "CREATE INDEX runs_by_start ON runs (started_at)",
          "CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,"
              + " pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL, op TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, at INTEGER NOT NULL)",
          "CREATE INDEX journal_by_run ON journal (run_id, seq)");

  /** Runs record what started them: the command line (all earlier runs), the API or a schedule. */
  private static final List<String> RUN_TRIGGER =
      List.of("ALTER TABLE runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'cli'");

  /** The journal keeps what an update replaced, so that a run can be undone. */
  private static final List<String> JOURNAL_PREVIOUS =
      List.of("ALTER TABLE journal ADD COLUMN previous TEXT");

  /**
   * Baselines remember a digest of the snapshot they were taken from, so that a run can tell a side
   * that has not changed since without planning it again (null: unknown, plan as usual).
   */
  private static final List<String> BASELINE_DIGEST =
      List.of("ALTER TABLE baselines ADD COLUMN digest TEXT");

  /**
   * Live scrobbling keeps every call to a sink until the sink took it (or refused it for good), and
   * the viewings it finished recently, so that a restart of the service neither loses a play nor
   * sends one twice.
   */
  private static final List<String> SCROBBLE_QUEUE =
      List.of(
          "CREATE TABLE scrobble_queue (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " sink TEXT NOT NULL, viewing TEXT NOT NULL, action TEXT NOT NULL,"
              + " source TEXT NOT NULL, user TEXT NOT NULL, item TEXT NOT NULL,"
              + " progress REAL NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL,"
              + " attempts INTEGER NOT NULL, due_at INTEGER NOT NULL, created_at INTEGER NOT NULL,"
              + " done_at INTEGER, detail TEXT)",
          "CREATE INDEX scrobble_queue_by_sink ON scrobble_queue (status, sink, id)",
          "CREATE TABLE scrobble_finished (scope TEXT NOT NULL, title TEXT NOT NULL,"
              + " tokens TEXT NOT NULL, item TEXT NOT NULL, progress REAL NOT NULL,"
              + " finished_at INTEGER NOT NULL, PRIMARY KEY (scope, title)) WITHOUT ROWID");

  /**
   * Finished viewings are found by identity token through an index instead of being held in memory
   * for their whole window: one row per viewing and token (filled from the tokens of the rows
   * already there), and an index on the finish time for pruning.
   */
  private static final List<String> SCROBBLE_FINISHED_TOKENS =
      List.of(
          "CREATE TABLE scrobble_finished_tokens (scope TEXT NOT NULL, title TEXT NOT NULL,"
              + " token TEXT NOT NULL, PRIMARY KEY (scope, title, token)) WITHOUT ROWID",
          "CREATE INDEX scrobble_finished_tokens_by_token"
              + " ON scrobble_finished_tokens (scope, token)",
          "CREATE INDEX scrobble_finished_by_time ON scrobble_finished (finished_at)",
          // the tokens column holds them one per line
          "INSERT OR IGNORE INTO scrobble_finished_tokens (scope, title, token)"
              + " WITH RECURSIVE split (scope, title, token, rest) AS ("
              + " SELECT scope, title, NULL, tokens || char(10) FROM scrobble_finished"
              + " UNION ALL SELECT scope, title, substr(rest, 1, instr(rest, char(10)) - 1),"
              + " substr(rest, instr(rest, char(10)) + 1) FROM split WHERE rest <> '')"
              + " SELECT scope, title, token FROM split WHERE token IS NOT NULL AND token <> ''");

  /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
  private static final List<List<String>> MIGRATIONS =
      List.of(
          V1,
          RUN_TRIGGER,
          JOURNAL_PREVIOUS,
          BASELINE_DIGEST,
          SCROBBLE_QUEUE,
          SCROBBLE_FINISHED_TOKENS);

  private SqliteSchema() {}

  /** The schema version this build writes. */
  static int latestVersion() {
    return MIGRATIONS.size();
  }

  /** Applies the migrations the database lacks, all in one transaction. */
  static void migrate(Db db) {
    int current = intPragma(db, "user_version");
    if (current > latestVersion()) {
      throw SqliteFiles.newer(db.file(), current);
    }
    if (current == latestVersion()) {
      return;
    }
    try {
      db.connection().setAutoCommit(false);
      try {
        for (int v = current; v < latestVersion(); v++) {
          for (String sql : MIGRATIONS.get(v)) {
            db.execute("migrate the schema to version " + (v + 1), sql);
          }
        }
        db.execute("set the schema version", "PRAGMA user_version = " + latestVersion());
        db.execute("set the application id", "PRAGMA application_id = " + APPLICATION_ID);
        db.connection().commit();
      } catch (RuntimeException e) {
        db.connection().rollback();
        throw e;
      } finally {
        db.connection().setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw db.failure("migrate the schema", e);
    }
  }

  static int intPragma(Db db, String name) {
    return db.query("read PRAGMA " + name, "PRAGMA " + name, rs -> rs.getInt(1)).get(0);
  }
}
