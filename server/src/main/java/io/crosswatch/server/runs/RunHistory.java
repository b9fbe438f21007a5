package io.crosswatch.server.runs;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.server.FileStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The runs recorded in the state database, read through one store kept open between requests.
 *
 * <p>Opening the state database checks it first ({@code PRAGMA quick_check} over the whole file),
 * which costs tens of milliseconds with thousands of runs recorded, so the service opens it once
 * and reads every runs list and summary through that connection. Each read is its own SQLite read
 * transaction, so runs finished by this service or by a command line since are seen at once. The
 * store is opened when {@code state.db} first exists (never creating it), and opened again when the
 * file is replaced (moved aside and made anew) or after a read fails. Safe for concurrent use.
 *
 * <p>The most recent runs are also kept in memory, so that many clients polling the status do not
 * queue for the one connection: they are read again when the database or its write-ahead log
 * changed (identity, time or size), and at least once a second, since two writes within one tick of
 * the file system's clock can leave both unchanged. While the files change often (a run writing),
 * requests that find them changed wait for one read that began after they did, not each for its
 * own: a burst of requests costs at most two reads.
 */
public final class RunHistory implements AutoCloseable {
  /** Lists up to this long are answered from memory while the database is unchanged. */
  static final int KEPT = 100;

  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final Path db;
  private final Path wal;
  private final LongSupplier ticker;
  private final Path stateDir;
  private final Function<Path, StateStore> opener;
  private StateStore store;
  private Object openedFile;
  private boolean closed;
  private volatile Kept kept;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  /** The runs of {@code stateDir}'s state database. */
  public RunHistory(Path stateDir) {
    this(stateDir, SqliteStateStore::open, System::nanoTime);
  }

  /**
   * As {@link #RunHistory(Path)}, opening the store with {@code opener}.
   *
   * @param ticker nanoseconds from some fixed point, as {@link System#nanoTime()}
   */
  RunHistory(Path stateDir, Function<Path, StateStore> opener, LongSupplier ticker) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.db = stateDir.resolve("state.db");
    this.wal = stateDir.resolve("state.db-wal");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** The {@code limit} most recent runs, newest first; none while there is no state database. */
  public List<RunRecord> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    if (limit > KEPT) {
      synchronized (this) {
        return read(s -> s.recentRuns(limit)).orElse(List.of());
      }
    }
    long now = ticker.getAsLong();
    // Taken before reading: a write after this point changes the stamp and is read next time.
    List<Object> stamp = List.of(FileStamp.of(db), FileStamp.of(wal));
    Kept k = kept;
    boolean unchanged = k != null && k.stamp().equals(stamp);
    if (unchanged && now - k.readAt() < MAX_AGE_NANOS || k != null && k.readAt() > now) {
      return first(k, limit); // unchanged since a recent read, or read since this call began
    }
    if (unchanged && !refreshing.compareAndSet(false, true)) {
      return first(k, limit); // the files did not change and another request reads it again
    }
    try {
      synchronized (this) {
        // Read by a request that held the lock before this one? Then its read began after this
        // call did (and saw what this call must see), or nothing changed since it.
        Kept again = kept;
        if (again != null
            && (again.readAt() > now
                || again.stamp().equals(stamp) && now - again.readAt() < MAX_AGE_NANOS)) {
          return first(again, limit);
        }
        long readAt = ticker.getAsLong();
        List<Object> readStamp = List.of(FileStamp.of(db), FileStamp.of(wal));
        k =
            new Kept(
                readStamp, readAt, List.copyOf(read(s -> s.recentRuns(KEPT)).orElse(List.of())));
        kept = k;
        return first(k, limit);
      }
    } finally {
      if (unchanged) {
        refreshing.set(false);
      }
    }
  }

  private static List<RunRecord> first(Kept k, int limit) {
    return k.runs().subList(0, Math.min(limit, k.runs().size()));
  }

  /** The {@code --json} summary of a finished run, if the state database holds one. */
  public synchronized Optional<String> summary(String runId) {
    return read(s -> s.runSummary(runId)).flatMap(o -> o);
  }

  private <T> Optional<T> read(Function<StateStore, T> query) {
    Optional<StateStore> s = store();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(query.apply(s.get()));
    } catch (RuntimeException e) {
      drop(); // the next read opens (and checks) the database again
      throw e;
    }
  }

  private Optional<StateStore> store() {
    if (closed) {
      throw new IllegalStateException("the run history of " + stateDir + " is closed");
    }
    Object file = identity();
    if (file == null) {
      drop();
      return Optional.empty();
    }
    if (store != null && !file.equals(openedFile)) {
      drop();
    }
    if (store == null) {
      store = opener.apply(stateDir);
      openedFile = file;
    }
    return Optional.of(store);
  }

  /** The database file's identity (device and inode where the file system has them). */
  private Object identity() {
    try {
      BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
      return a.fileKey() != null ? a.fileKey() : a.creationTime();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // Attributes unreadable: opening the store reports the problem with its own message.
      return Files.exists(db) ? "identity unknown" : null;
    }
  }

  private void drop() {
    StateStore s = store;
    store = null;
    openedFile = null;
    if (s != null) {
      s.close();
    }
  }

  /** The most recent runs as read from {@code readAt} (ticker time) with the files as in stamp. */
  private record Kept(List<Object> stamp, long readAt, List<RunRecord> runs) {}

  @Override
  public synchronized void close() {
    closed = true;
    drop();
  }
}
