package io.crosswatch.core.state;

import io.crosswatch.core.io.SqliteHeader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Finds, checks and opens {@code state.db}. An existing file is first inspected without writing to
 * it (header bytes, then a read-only connection running {@code PRAGMA quick_check}); only a file
 * that passes is opened for writing.
 */
final class SqliteFiles {
  static final String DB_NAME = "state.db";
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteFiles() {}

  /** Opens (creating if missing) {@code <stateDir>/state.db}, migrated to the latest schema. */
  static Db open(Path stateDir) {
    Path dir = stateDir.toAbsolutePath().normalize();
    createOwnerOnlyDir(dir);
    Path file = dir.resolve(DB_NAME);
    if (Files.exists(file)) {
      checkExisting(file);
    } else {
      createOwnerOnlyFile(file);
    }
    Db db = new Db(connect(file, writableConfig()), file);
    try {
      SqliteSchema.migrate(db);
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  static StateException damaged(Path file, String detail, Throwable cause) {
    return new StateException(
        "state database "
            + file
            + " is damaged ("
            + detail
            + "). It was left untouched. Move it aside (or restore a backup) and run again;"
            + " baselines are rebuilt on the next run, tombstones and parked items are lost.",
        cause);
  }

  static StateException newer(Path file, int version) {
    return new StateException(
        "state database "
            + file
            + " has schema version "
            + version
            + ", newer than this crosswatch knows ("
            + SqliteSchema.latestVersion()
            + "). It was left untouched. Run a newer crosswatch, or move the file aside to start"
            + " over (baselines are rebuilt; tombstones and parked items are lost).");
  }

  static void createOwnerOnlyDir(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (dir.getParent() != null) {
        Files.createDirectories(dir.getParent());
      }
      Files.createDirectory(dir, ownerOnly(dir, "rwx------"));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw new StateException("state dir " + dir + " exists but is not a directory", e);
      }
    } catch (IOException e) {
      throw new StateException(
          "cannot create state dir " + dir + " (" + e + "); check its permissions", e);
    }
  }

  private static void createOwnerOnlyFile(Path file) {
    try {
      // SQLite treats an empty file as a new database and gives -wal and -shm its permissions.
      Files.createFile(file, ownerOnly(file, "rw-------"));
    } catch (FileAlreadyExistsException e) {
      checkExisting(file);
    } catch (IOException e) {
      throw new StateException(
          "cannot create state database "
              + file
              + " ("
              + e
              + "); check the state dir's"
              + " permissions",
          e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path path, String perms) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))
    };
  }

  private static void checkExisting(Path file) {
    checkHeader(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Db db = new Db(connect(file, config), file)) {
      List<String> check =
          db.query("check the database", "PRAGMA quick_check", rs -> rs.getString(1));
      if (!check.equals(List.of("ok"))) {
        throw damaged(
            file,
            "quick_check: " + String.join("; ", check.subList(0, Math.min(3, check.size()))),
            null);
      }
      checkOwnVersion(db);
    }
  }

  private static void checkOwnVersion(Db db) {
    int version = SqliteSchema.intPragma(db, "user_version");
    int appId = SqliteSchema.intPragma(db, "application_id");
    if (version > SqliteSchema.latestVersion() && appId == SqliteSchema.APPLICATION_ID) {
      throw newer(db.file(), version);
    }
    int tables =
        db.query("list tables", "SELECT count(*) FROM sqlite_master", rs -> rs.getInt(1)).get(0);
    if ((appId != 0 && appId != SqliteSchema.APPLICATION_ID) || (appId == 0 && tables > 0)) {
      throw new StateException(
          "state database "
              + db.file()
              + " is not a crosswatch state database (another program's SQLite file). It was left"
              + " untouched. Move it aside or choose another --state-dir.");
    }
  }

  private static void checkHeader(Path file) {
    Optional<String> problem;
    try {
      problem = SqliteHeader.problem(file);
    } catch (IOException e) {
      throw new StateException("cannot read state database " + file + " (" + e + ")", e);
    }
    if (problem.isPresent()) {
      throw damaged(file, problem.get(), null);
    }
  }

  private static SQLiteConfig writableConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return config;
  }

  private static Connection connect(Path file, SQLiteConfig config) {
    try {
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      if (Db.isDamage(e)) {
        throw damaged(file, e.getMessage(), e);
      }
      throw new StateException(
          "cannot open state database "
              + file
              + " ("
              + e.getMessage()
              + "); check that the"
              + " state dir is writable and on a local disk",
          e);
    }
  }
}
