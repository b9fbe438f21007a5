package io.crosswatch.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces files atomically: readers see either the old content or the complete new content, and
 * after a crash the target holds one of the two, never a mix.
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final int BUFFER = 1 << 16;

  private AtomicFiles() {}

  /**
   * Writes {@code target} through a temporary file in the same folder: the writer fills it, it is
   * flushed to disk, given its permissions, renamed over the target, and the folder is synced.
   * Missing parent folders are created. On any failure the temporary file is deleted and the target
   * is left as it was.
   *
   * @param permsOrNull the new file's POSIX permissions (e.g. {@code rw-------} for files holding
   *     tokens); {@code null} keeps the existing target's permissions, or the platform default for
   *     a new file. Ignored on file systems without POSIX permissions.
   */
  public static void write(Path target, IoWriter writer, Set<PosixFilePermission> permsOrNull)
      throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(writer, "writer");
    Path file = realTarget(target.toAbsolutePath());
    Path dir = file.getParent();
    Files.createDirectories(dir);
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    Set<PosixFilePermission> perms = posix ? permissionsFor(file, permsOrNull) : null;
    Path temp = createTemp(dir, file.getFileName().toString(), perms);
    try {
      fill(temp, writer, perms);
      move(temp, file);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
    syncFolder(dir);
  }

  /** Writes a file readable and writable by its owner only ({@code 0600}). */
  public static void writeOwnerOnly(Path target, IoWriter writer) throws IOException {
    write(target, writer, PosixFilePermissions.fromString("rw-------"));
  }

  private static Path realTarget(Path target) throws IOException {
    // Writing through a symbolic link replaces the file it points to, not the link itself.
    return Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
  }

  private static Set<PosixFilePermission> permissionsFor(Path file, Set<PosixFilePermission> wanted)
      throws IOException {
    if (wanted != null) {
      return Set.copyOf(wanted);
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Files.getPosixFilePermissions(file);
    }
    return null;
  }

  private static Path createTemp(Path dir, String name, Set<PosixFilePermission> perms)
      throws IOException {
    while (true) {
      String suffix = Long.toHexString(System.nanoTime()) + COUNTER.incrementAndGet();
      Path temp = dir.resolve("." + name + "." + suffix + ".tmp");
      try {
        if (perms == null) {
          return Files.createFile(temp);
        }
        // Created with the wanted permissions (narrowed by the umask), then set exactly, before
        // any content is written.
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(perms));
        Files.setPosixFilePermissions(temp, perms);
        return temp;
      } catch (FileAlreadyExistsException e) {
        // Another writer picked the same name; try the next one.
      }
    }
  }

  private static void fill(Path temp, IoWriter writer, Set<PosixFilePermission> perms)
      throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
      writer.write(new KeepOpenOutputStream(buffered));
      buffered.flush();
      channel.force(true);
    }
    if (perms != null && !Files.getPosixFilePermissions(temp).equals(perms)) {
      Files.setPosixFilePermissions(temp, perms);
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot replace " + file + " atomically: the file system does not support it", e);
    }
  }

  private static void syncFolder(Path dir) {
    // Makes the rename itself durable. Some platforms cannot open folders; the rename has
    // happened by then, so that is not a failure of the write.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private static void deleteQuietly(Path temp, Throwable failure) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** Passes writes through; {@code close} only flushes, so the caller can still sync the file. */
  private static final class KeepOpenOutputStream extends OutputStream {
    private final OutputStream out;

    KeepOpenOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
