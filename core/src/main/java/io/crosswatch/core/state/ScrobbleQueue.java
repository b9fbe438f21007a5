package io.crosswatch.core.state;

import static io.crosswatch.core.state.StateTimes.instant;
import static io.crosswatch.core.state.StateTimes.millis;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.ScrobbleAction;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable scrobble queue in {@code <state_dir>/state.db}: every call to a sink is a row until
 * the sink took it or refused it for good, and the viewings finished recently are remembered so
 * that a restart does not count them twice.
 *
 * <p>The queue has its own connection to the database and never takes the state dir's run lock
 * ({@link StateLock}): a sync run holding that lock and this queue share the file through SQLite's
 * own locking (WAL: readers never wait; a writer waits up to {@link #BUSY_TIMEOUT_MS} for the
 * other's transaction to end). Methods are synchronized; the calls to sinks happen outside.
 */
public final class ScrobbleQueue implements AutoCloseable {
  /** How long a write waits for a sync run's transaction to end before it fails. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  private static final String COLUMNS =
      "SELECT id, sink, viewing, action, source, user, item, progress, at, status, attempts,"
          + " due_at, detail FROM scrobble_queue";

  /** Where a call stands. */
  public enum Status {
    /** Waiting to be sent (again). */
    PENDING,
    /** The sink took it (or had it already). */
    SENT,
    /** The sink refused it for good; kept for inspection. */
    FAILED,
    /** A start or pause the viewing had moved past before it could be sent. */
    DROPPED;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A call to be queued.
   *
   * @param viewing the id of the viewing the call belongs to
   * @param at when the reported playback happened
   */
  public record NewCall(
      String sink,
      String viewing,
      ScrobbleAction action,
      String source,
      String user,
      Item item,
      double progressPercent,
      Instant at) {
    public NewCall {
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(viewing, "viewing");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A queued call as stored, with its id, status and attempts so far. */
  public record Call(
      long id,
      String sink,
      String viewing,
      ScrobbleAction action,
      String source,
      String user,
      Item item,
      double progressPercent,
      Instant at,
      Status status,
      int attempts,
      Instant dueAt,
      String detail) {}

  /**
   * A finished viewing, remembered so that later reports of it send nothing.
   *
   * @param scope source, instance and user the viewing belongs to
   * @param title the item's title key (one remembered viewing per scope and title)
   * @param tokens the item's identity tokens, which later reports are matched against
   */
  public record Finished(
      String scope,
      String title,
      List<String> tokens,
      Item item,
      double progressPercent,
      Instant finishedAt) {
    public Finished {
      tokens = List.copyOf(tokens);
    }
  }

  private final Db db;
  private boolean closed;

  private ScrobbleQueue(Db db) {
    this.db = db;
  }

  /**
   * Opens the queue in {@code stateDir}'s state database (created and migrated when needed).
   *
   * @throws StateException when the database is damaged, from a newer version, or unwritable
   */
  public static ScrobbleQueue open(Path stateDir) {
    Objects.requireNonNull(stateDir, "stateDir");
    Db db = SqliteFiles.open(stateDir);
    try {
      db.execute("set the busy timeout", "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new ScrobbleQueue(db);
  }

  /**
   * Queues calls and, when a viewing just finished, remembers it, in one transaction: either all is
   * stored or nothing is.
   *
   * @param finished the viewing that finished with these calls, or {@code null}
   * @return the ids of the queued calls, in order
   */
  public synchronized List<Long> add(List<NewCall> calls, Finished finished, Instant now) {
    ensureOpen();
    return db.inTransaction(
        () -> {
          List<Long> ids = new ArrayList<>(calls.size());
          for (NewCall c : calls) {
            db.update(
                "queue a scrobble call",
                "INSERT INTO scrobble_queue (sink, viewing, action, source, user, item, progress,"
                    + " at, status, attempts, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " 'pending', 0, ?, ?)",
                c.sink(),
                c.viewing(),
                c.action().key(),
                c.source(),
                c.user(),
                ItemCodec.toJson(c.item()),
                c.progressPercent(),
                millis(c.at()),
                millis(now),
                millis(now));
            ids.add(
                db.query(
                        "read a queued call's id",
                        "SELECT last_insert_rowid()",
                        rs -> rs.getLong(1))
                    .get(0));
          }
          if (finished != null) {
            store(finished);
          }
          return ids;
        });
  }

  /**
   * Remembers a finished viewing again after a later report added ids or tokens to it, so that it
   * is still found by them once only the database holds it.
   *
   * @param storedTitle the title key it was stored under (replaced when the item's key changed)
   */
  public synchronized void updateFinished(Finished finished, String storedTitle) {
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(storedTitle, "storedTitle");
    ensureOpen();
    db.inTransaction(
        () -> {
          if (!storedTitle.equals(finished.title())) {
            forget(finished.scope(), storedTitle);
          }
          store(finished);
          return null;
        });
  }

  /**
   * The viewing of {@code scope} finished last, at or after {@code since}, that shares one of
   * {@code tokens} (an indexed lookup), if any.
   */
  public synchronized Optional<Finished> finished(
      String scope, Collection<String> tokens, Instant since) {
    ensureOpen();
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Object[] params = new Object[tokens.size() + 2];
    params[0] = scope;
    int i = 1;
    for (String token : tokens) {
      params[i++] = token;
    }
    params[i] = millis(since);
    return db
        .query(
            "look up a finished viewing",
            "SELECT f.scope, f.title, f.tokens, f.item, f.progress, f.finished_at"
                + " FROM scrobble_finished_tokens t JOIN scrobble_finished f"
                + " ON f.scope = t.scope AND f.title = t.title"
                + " WHERE t.scope = ? AND t.token IN ("
                + String.join(", ", Collections.nCopies(tokens.size(), "?"))
                + ") AND f.finished_at >= ? ORDER BY f.finished_at DESC LIMIT 1",
            this::finished,
            params)
        .stream()
        .findFirst();
  }

  /** The oldest pending call of a sink (the one to send next), if any. */
  public synchronized Optional<Call> head(String sink) {
    ensureOpen();
    return db
        .query(
            "read the scrobble queue",
            COLUMNS + " WHERE status = 'pending' AND sink = ? ORDER BY id LIMIT 1",
            this::call,
            sink)
        .stream()
        .findFirst();
  }

  /** Whether a later call of the same sink and viewing is pending (the viewing moved on). */
  public synchronized boolean superseded(Call call) {
    ensureOpen();
    return !db.query(
            "read the scrobble queue",
            "SELECT 1 FROM scrobble_queue WHERE status = 'pending' AND sink = ? AND viewing = ?"
                + " AND id > ? LIMIT 1",
            rs -> rs.getInt(1),
            call.sink(),
            call.viewing(),
            call.id())
        .isEmpty();
  }

  /**
   * Records how a call ended (sent, failed or dropped); the row stops being pending in the same
   * statement that records the outcome.
   */
  public synchronized void finish(long id, Status status, String detail, Instant at) {
    if (status == Status.PENDING) {
      throw new IllegalArgumentException("a finished call cannot be pending");
    }
    ensureOpen();
    db.update(
        "record a scrobble outcome",
        "UPDATE scrobble_queue SET status = ?, detail = ?, done_at = ?, attempts = attempts + ?"
            + " WHERE id = ? AND status = 'pending'",
        status.key(),
        detail,
        millis(at),
        status == Status.DROPPED ? 0 : 1,
        id);
  }

  /** Records a failed attempt: the call stays pending and is due again at {@code dueAt}. */
  public synchronized void retryAt(long id, Instant dueAt, String detail) {
    ensureOpen();
    db.update(
        "reschedule a scrobble call",
        "UPDATE scrobble_queue SET attempts = attempts + 1, due_at = ?, detail = ? WHERE id = ?"
            + " AND status = 'pending'",
        millis(dueAt),
        detail,
        id);
  }

  /** Every call with the given status, oldest first. */
  public synchronized List<Call> calls(Status status) {
    ensureOpen();
    return db.query(
        "read the scrobble queue",
        COLUMNS + " WHERE status = ? ORDER BY id",
        this::call,
        status.key());
  }

  /** The sinks that have pending calls. */
  public synchronized List<String> pendingSinks() {
    ensureOpen();
    return db.query(
        "read the scrobble queue",
        "SELECT DISTINCT sink FROM scrobble_queue WHERE status = 'pending' ORDER BY sink",
        rs -> rs.getString(1));
  }

  /** The viewings finished at or after {@code since}, oldest first. */
  public synchronized List<Finished> finishedSince(Instant since) {
    ensureOpen();
    return db.query(
        "read finished viewings",
        "SELECT scope, title, tokens, item, progress, finished_at FROM scrobble_finished"
            + " WHERE finished_at >= ? ORDER BY finished_at",
        this::finished,
        millis(since));
  }

  /**
   * Forgets calls that ended (sent or dropped) before {@code endedBefore} and viewings finished
   * before {@code finishedBefore}; failed calls are kept.
   *
   * @return the number of rows removed
   */
  public synchronized int prune(Instant endedBefore, Instant finishedBefore) {
    ensureOpen();
    return db.inTransaction(
        () ->
            db.update(
                    "prune the scrobble queue",
                    "DELETE FROM scrobble_queue WHERE status IN ('sent', 'dropped')"
                        + " AND done_at < ?",
                    millis(endedBefore))
                + pruneFinished(finishedBefore));
  }

  /** The database file. */
  public Path file() {
    return db.file();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      db.close();
    }
  }

  /**
   * Removes the finished viewings and their tokens (both through indexes); returns the viewings.
   */
  private int pruneFinished(Instant finishedBefore) {
    db.update(
        "prune the tokens of finished viewings",
        "DELETE FROM scrobble_finished_tokens WHERE (scope, title) IN"
            + " (SELECT scope, title FROM scrobble_finished WHERE finished_at < ?)",
        millis(finishedBefore));
    return db.update(
        "prune finished viewings",
        "DELETE FROM scrobble_finished WHERE finished_at < ?",
        millis(finishedBefore));
  }

  /** Writes a finished viewing and its tokens (inside the caller's transaction). */
  private void store(Finished finished) {
    db.update(
        "remember a finished viewing",
        "INSERT INTO scrobble_finished (scope, title, tokens, item, progress, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, title) DO UPDATE SET"
            + " tokens = excluded.tokens, item = excluded.item,"
            + " progress = excluded.progress, finished_at = excluded.finished_at",
        finished.scope(),
        finished.title(),
        String.join("\n", finished.tokens()),
        ItemCodec.toJson(finished.item()),
        finished.progressPercent(),
        millis(finished.finishedAt()));
    db.update(
        "replace the tokens of a finished viewing",
        "DELETE FROM scrobble_finished_tokens WHERE scope = ? AND title = ?",
        finished.scope(),
        finished.title());
    List<Object[]> rows = new ArrayList<>(finished.tokens().size());
    for (String token : finished.tokens()) {
      rows.add(new Object[] {finished.scope(), finished.title(), token});
    }
    db.batch(
        "remember the tokens of a finished viewing",
        "INSERT OR IGNORE INTO scrobble_finished_tokens (scope, title, token) VALUES (?, ?, ?)",
        rows);
  }

  private void forget(String scope, String title) {
    db.update(
        "forget a finished viewing's tokens",
        "DELETE FROM scrobble_finished_tokens WHERE scope = ? AND title = ?",
        scope,
        title);
    db.update(
        "forget a finished viewing",
        "DELETE FROM scrobble_finished WHERE scope = ? AND title = ?",
        scope,
        title);
  }

  private Finished finished(ResultSet rs) throws SQLException {
    return new Finished(
        rs.getString(1),
        rs.getString(2),
        Arrays.asList(rs.getString(3).split("\n")),
        ItemCodec.fromJson(rs.getBytes(4), db.file(), "scrobble_finished", rs.getString(2)),
        rs.getDouble(5),
        instant(rs.getLong(6)));
  }

  private Call call(ResultSet rs) throws SQLException {
    String key = "call " + rs.getLong(1);
    return new Call(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        action(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        ItemCodec.fromJson(rs.getBytes(7), db.file(), "scrobble_queue", key),
        rs.getDouble(8),
        instant(rs.getLong(9)),
        Status.valueOf(rs.getString(10).toUpperCase(Locale.ROOT)),
        rs.getInt(11),
        instant(rs.getLong(12)),
        rs.getString(13));
  }

  private ScrobbleAction action(String key) {
    try {
      return ScrobbleAction.valueOf(key.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StateException(
          "state database " + db.file() + " holds an unknown scrobble action \"" + key + "\"", e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("scrobble queue " + db.file() + " is closed");
    }
  }
}
