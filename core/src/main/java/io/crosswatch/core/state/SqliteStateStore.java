package io.crosswatch.core.state;

import java.nio.file.Path;

/** The state store in {@code <state_dir>/state.db} (SQLite, WAL, synchronous=FULL). */
public final class SqliteStateStore {
  private SqliteStateStore() {}

  /**
   * Opens (creating if missing) the state database in {@code stateDir}.
   *
   * @throws StateException when the database is damaged, from a newer version, or unwritable; the
   *     file is left untouched
   */
  public static StateStore open(Path stateDir) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
