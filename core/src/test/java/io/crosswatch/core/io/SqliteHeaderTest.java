package io.crosswatch.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHeaderTest {
  @TempDir Path dir;

  private Path database() throws Exception {
    Path file = dir.resolve("some.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (x BLOB)");
      st.execute(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
              + " INSERT INTO t SELECT zeroblob(1000) FROM n");
    }
    return file;
  }

  private Path write(byte[] bytes) throws Exception {
    return Files.write(dir.resolve("some.db"), bytes);
  }

  @Test
  void aSoundDatabasePasses() throws Exception {
    assertThat(SqliteHeader.problem(database())).isEmpty();
  }

  @Test
  void anEmptyFilePassesAsANewDatabase() throws Exception {
    assertThat(SqliteHeader.problem(write(new byte[0]))).isEmpty();
  }

  @Test
  void aFileOfOtherContentIsNotASqliteDatabase() throws Exception {
    byte[] garbage = new byte[8192];
    new Random(42).nextBytes(garbage);

    assertThat(SqliteHeader.problem(write(garbage)))
        .contains("not a SQLite database (unexpected file header)");
    assertThat(SqliteHeader.problem(write("SQLite".getBytes(StandardCharsets.US_ASCII))))
        .contains("not a SQLite database (unexpected file header)");
  }

  @Test
  void aFileCutInsideTheHeaderIsTooShort() throws Exception {
    byte[] start = Arrays.copyOf(Files.readAllBytes(database()), 60);

    assertThat(SqliteHeader.problem(write(start)))
        .contains("only 60 bytes long, too short for a SQLite database");
  }

  @Test
  void aFileShorterThanItsHeaderSaysIsTruncated() throws Exception {
    byte[] whole = Files.readAllBytes(database());
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    assertThat(SqliteHeader.problem(write(half)))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith("truncated: " + half.length + " bytes, but its header says ")
                    .endsWith(" pages of 4096 bytes"));
  }

  @Test
  void aShortFileIsNotJudgedWhileItsWriteAheadLogHoldsPages() throws Exception {
    byte[] whole = Files.readAllBytes(database());
    Path file = write(Arrays.copyOf(whole, whole.length / 2));
    Files.write(dir.resolve("some.db-wal"), new byte[] {1});

    assertThat(SqliteHeader.problem(file)).isEmpty();
  }

  @Test
  void aPageCountFromAnOlderWriterIsNotTrusted() throws Exception {
    byte[] whole = Files.readAllBytes(database());
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    half[95] ^= 1; // the "version-valid-for" number no longer matches the change counter

    assertThat(SqliteHeader.problem(write(half))).isEmpty();
  }

  @Test
  void anImpossiblePageSizeIsReported() throws Exception {
    byte[] bytes = Files.readAllBytes(database());
    bytes[16] = 0x03; // 0x03e8 = 1000, not a power of two
    bytes[17] = (byte) 0xe8;

    assertThat(SqliteHeader.problem(write(bytes))).contains("invalid page size 1000 in its header");
  }

  @Test
  void aFolderIsNotARegularFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("some.db"));

    assertThat(SqliteHeader.problem(folder)).contains("not a regular file");
  }

  @Test
  void aMissingFileIsAnError() {
    assertThatThrownBy(() -> SqliteHeader.problem(dir.resolve("none.db")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("none.db");
  }

  @Test
  void theFileIsNeverChanged() throws Exception {
    byte[] whole = Files.readAllBytes(database());
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Path file = write(half);

    SqliteHeader.problem(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(half);
    assertThat(dir.resolve("some.db-wal")).doesNotExist();
    assertThat(dir.resolve("some.db-journal")).doesNotExist();
  }
}
