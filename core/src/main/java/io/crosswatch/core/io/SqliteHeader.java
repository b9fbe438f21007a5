package io.crosswatch.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Inspects an existing SQLite database file's header without writing to it, so that a damaged or
 * foreign file is refused with a clear reason before any connection could change it.
 *
 * <p>The caller turns a problem into its own error, naming the file and what to do about it.
 */
public final class SqliteHeader {
  private static final int HEADER_SIZE = 100;
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteHeader() {}

  /**
   * Why {@code file} cannot be a sound SQLite database, judged from its first 100 bytes and its
   * length; empty when it can. An empty file passes: SQLite treats it as a new database.
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file
   * @throws IOException when the file cannot be read
   */
  public static Optional<String> problem(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file.toString());
      }
      return Optional.of("not a regular file");
    }
    byte[] header = new byte[HEADER_SIZE];
    long size;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      in.readNBytes(header, 0, HEADER_SIZE);
    }
    if (size == 0) {
      return Optional.empty(); // a new database that never got its first page
    }
    if (size < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.of("not a SQLite database (unexpected file header)");
    }
    if (size < HEADER_SIZE) {
      return Optional.of("only " + size + " bytes long, too short for a SQLite database");
    }
    return lengthProblem(file, ByteBuffer.wrap(header), size);
  }

  private static Optional<String> lengthProblem(Path file, ByteBuffer header, long size) {
    int rawPageSize = Short.toUnsignedInt(header.getShort(16));
    long pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || pageSize > 65536 || Long.bitCount(pageSize) != 1) {
      return Optional.of("invalid page size " + rawPageSize + " in its header");
    }
    // The page count at offset 28 is valid when the change counter (24) matches offset 92.
    long pages = Integer.toUnsignedLong(header.getInt(28));
    boolean pagesValid = pages > 0 && header.getInt(24) == header.getInt(92);
    if (pagesValid && size < pages * pageSize && !hasWal(file)) {
      return Optional.of(
          "truncated: "
              + size
              + " bytes, but its header says "
              + pages
              + " pages of "
              + pageSize
              + " bytes");
    }
    return Optional.empty();
  }

  // A non-empty write-ahead log may hold pages the main file has not got yet: length not judged.
  private static boolean hasWal(Path file) {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    try {
      return Files.exists(wal) && Files.size(wal) > 0;
    } catch (IOException e) {
      return true;
    }
  }
}
