package io.crosswatch.server.auth;

import io.crosswatch.server.FileStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
    FileStamp stamp;
    try {
      stamp = FileStamp.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
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
}
