package io.crosswatch.server.runs;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runs recorded in the state database, read through one store kept open between requests.
 *
 * <p>Opening the state database checks it first ({@code PRAGMA quick_check} over the whole file),
 * which costs tens of milliseconds with thousands of runs recorded, so the service opens it once
 * and reads every runs list and summary through that connection. Each read is its own SQLite read
 * transaction, so runs finished by this service or by a command line since are seen at once. The
 * store is opened when {@code state.db} first exists (never creating it), and opened again when the
 * file is replaced (moved aside and made anew) or after a read fails. Safe for concurrent use.
 */
public final class RunHistory implements AutoCloseable {
  private final Path db;
  private final Path stateDir;
  private final Function<Path, StateStore> opener;
  private StateStore store;
  private Object openedFile;
  private boolean closed;

  /** The runs of {@code stateDir}'s state database. */
  public RunHistory(Path stateDir) {
    this(stateDir, SqliteStateStore::open);
  }

  /** As {@link #RunHistory(Path)}, opening the store with {@code opener}. */
  RunHistory(Path stateDir, Function<Path, StateStore> opener) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.db = stateDir.resolve("state.db");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** The {@code limit} most recent runs, newest first; none while there is no state database. */
  public synchronized List<RunRecord> recent(int limit) {
    return read(s -> s.recentRuns(limit)).orElse(List.of());
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

  @Override
  public synchronized void close() {
    closed = true;
    drop();
  }
}
