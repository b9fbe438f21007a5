package io.crosswatch.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one version of a file from the next without reading it: its identity (a replaced file
 * is another one), modification time and size. Two writes within one tick of the file system's
 * clock that keep the size can look alike, so a reader relying on it still reads again now and
 * then.
 *
 * @param key the file's identity (device and inode), null where the file system has none
 * @param modified null when the file does not exist or cannot be read
 * @param size -1 when the file does not exist or cannot be read
 */
public record FileStamp(Object key, FileTime modified, long size) {
  private static final FileStamp ABSENT = new FileStamp(null, null, -1);

  /** The file's stamp now; one that equals no existing file's when it is missing or unreadable. */
  public static FileStamp of(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      return ABSENT;
    }
  }

  /**
   * The file's stamp now; one that equals no existing file's when it is missing.
   *
   * @throws IOException when the file may exist but its attributes cannot be read
   */
  public static FileStamp read(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      return ABSENT;
    }
  }
}
