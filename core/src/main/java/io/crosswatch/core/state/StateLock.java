package io.crosswatch.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a state dir, so that two runs never share one state.
 *
 * <p>The lock is an operating-system lock on {@code <stateDir>/state.lock}, released when the
 * holder closes it or its process ends; the file itself stays and names the last holder (pid and
 * start time) for the message the next contender shows.
 */
public final class StateLock implements AutoCloseable {
  static final String FILE_NAME = "state.lock";

  /**
   * Locks held by this process, by lock file. Checked before touching the file: on POSIX systems
   * closing any descriptor of a locked file would drop the process's lock on it.
   */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private StateLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock file {@code <stateDir>/state.lock}.
   *
   * @throws StateException when another process (or this one) holds it, naming the holder
   */
  public static StateLock acquire(Path stateDir) {
    return acquire(stateDir, Clock.systemUTC());
  }

  static StateLock acquire(Path stateDir, Clock clock) {
    Objects.requireNonNull(stateDir, "stateDir");
    Path dir = realDir(stateDir);
    Path file = dir.resolve(FILE_NAME);
    String holder = holderText(clock.instant());
    if (HELD.putIfAbsent(file, holder) != null) {
      throw held(dir, file, Objects.requireNonNullElse(HELD.get(file), "holder unknown"));
    }
    try {
      return lock(dir, file, holder);
    } catch (RuntimeException e) {
      HELD.remove(file, holder);
      throw e;
    }
  }

  private static Path realDir(Path stateDir) {
    Path dir = stateDir.toAbsolutePath().normalize();
    SqliteFiles.createOwnerOnlyDir(dir);
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new StateException("cannot resolve state dir " + dir + " (" + e + ")", e);
    }
  }

  private static StateLock lock(Path dir, Path file, String holder) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw held(dir, file, readHolder(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new StateLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateException(
          "cannot lock state dir " + dir + " (" + e + "); check that " + file + " is writable", e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held through another channel of this process
    }
  }

  private static String holderText(Instant since) {
    return "pid " + ProcessHandle.current().pid() + " since " + since + "\n";
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(256);
    channel.read(buf, 0);
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    return text.matches("pid \\d+ since \\S+") ? text : "holder unknown";
  }

  private static StateException held(Path dir, Path file, String holder) {
    return new StateException(
        "another crosswatch run holds the lock on "
            + dir
            + " ("
            + holder.strip()
            + "); wait for it to finish, or remove "
            + file
            + " if no run is active");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the lock attempt already failed; that error is the one to report
      }
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Releases the lock; the file stays. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StateException("cannot release the lock " + file + " (" + e + ")", e);
    } finally {
      HELD.remove(file);
    }
  }
}
