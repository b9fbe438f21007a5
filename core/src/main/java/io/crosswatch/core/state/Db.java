package io.crosswatch.core.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** A JDBC connection to one state database that turns SQL errors into {@link StateException}. */
final class Db implements AutoCloseable {
  private static final int BATCH_SIZE = 2_000;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  // SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
  private static final Set<Integer> IO_CODES = Set.of(3, 8, 10, 14);

  /** Maps one result row. */
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work on a prepared statement. */
  interface StatementWork<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  private final Connection connection;
  private final Path file;

  Db(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
    return withStatement(
        what,
        sql,
        ps -> {
          bind(ps, params);
          List<T> rows = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(mapper.map(rs));
            }
          }
          return rows;
        });
  }

  int update(String what, String sql, Object... params) {
    return withStatement(
        what,
        sql,
        ps -> {
          bind(ps, params);
          return ps.executeUpdate();
        });
  }

  void execute(String what, String sql) {
    try (var st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs one statement for each row of parameters, in batches. */
  void batch(String what, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    withStatement(
        what,
        sql,
        ps -> {
          int pending = 0;
          for (Object[] row : rows) {
            bind(ps, row);
            ps.addBatch();
            if (++pending == BATCH_SIZE) {
              ps.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  <T> T withStatement(String what, String sql, StatementWork<T> work) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      return work.run(ps);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Boolean) {
        ps.setInt(i + 1, (Boolean) p ? 1 : 0);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  <T> T inTransaction(Supplier<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.get();
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException r) {
          e.addSuppressed(failure("roll back a transaction", r));
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("commit a transaction", e);
    }
  }

  StateException failure(String what, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (isDamage(e)) {
      return SqliteFiles.damaged(file, e.getMessage(), e);
    }
    String hint = "";
    if (code == SQLITE_FULL) {
      hint = "; the disk is full: free space and run again";
    } else if (IO_CODES.contains(code)) {
      hint = "; check that the state dir is writable and on a local disk";
    }
    return new StateException(
        "state database " + file + ": cannot " + what + " (" + e.getMessage() + ")" + hint, e);
  }

  /** Whether SQLite reported a damaged file (SQLITE_CORRUPT or SQLITE_NOTADB). */
  static boolean isDamage(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close the database", e);
    }
  }
}
