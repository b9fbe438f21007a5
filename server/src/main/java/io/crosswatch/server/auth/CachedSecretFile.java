package io.crosswatch.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON file of {@code <state_dir>/secrets}, parsed again only when it changed since the last
 * read (signed requests and webhooks check their secrets here on every call). Safe for concurrent
 * use; {@link #stored} is read without a lock.
 */
final class CachedSecretFile {
  private final Path file;
  private final String repair;
  private volatile Parsed parsed;

  /**
   * @param repair what to do when the file is damaged, e.g. "delete it and set the password again"
   */
  CachedSecretFile(Path file, String repair) {
    this.file = file;
    this.repair = repair;
  }

  Path file() {
    return file;
  }

  /** The file's content; not to be changed ({@link #copy} gives a copy for that). */
  ObjectNode stored() {
    FileStamp stamp = FileStamp.of(file);
    Parsed last = parsed;
    if (last != null && last.stamp().equals(stamp)) {
      return last.root();
    }
    synchronized (this) {
      ObjectNode root = SecretFiles.read(file, repair);
      parsed = new Parsed(stamp, root);
      return root;
    }
  }

  /** The file's content to change and write back. */
  ObjectNode copy() {
    return stored().deepCopy();
  }

  /** Replaces the file atomically (owner-only); the next read parses it again. */
  void write(ObjectNode root) {
    SecretFiles.write(file, root);
    parsed = null;
  }

  private record Parsed(FileStamp stamp, ObjectNode root) {}

  /**
   * What tells one version of the file from the next: its identity (a write replaces the file),
   * modification time and size; null fields when there is no file.
   */
  private record FileStamp(Object key, FileTime modified, long size) {
    static FileStamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
      } catch (NoSuchFileException e) {
        return new FileStamp(null, null, -1);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
