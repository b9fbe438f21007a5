package io.crosswatch.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exclusive lock on a state dir, so that two runs never share one state.
 *
 * <p>The lock is an operating-system lock on {@code <stateDir>/state.lock}, released when the
 * holder closes it or its process ends. While held, the file names the holder (pid, start time and
 * run id) for the message the next contender shows; a holder that releases the lock empties it, so
 * a file naming a pid that is no longer alive is the trace of a killed process, not a holder.
 */
public final class StateLock implements AutoCloseable {
  static final String FILE_NAME = "state.lock";

  /**
   * Locks held by this process, by lock file. Checked before touching the file: on POSIX systems
   * closing any descriptor of a locked file would drop the process's lock on it.
   */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  /** What a holder writes: {@code pid 123 since 2026-01-02T03:04:05Z run 20260102T030405Z-ab12}. */
  private static final Pattern HOLDER = Pattern.compile("pid (\\d+) since (\\S+)(?: run (\\S+))?");

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
    return acquire(stateDir, Clock.systemUTC(), null);
  }

  /**
   * Takes the lock for one run, whose id the lock file names while it is held (so that another
   * process can say which run is going on).
   *
   * @throws StateException when another process (or this one) holds it, naming the holder
   */
  public static StateLock acquire(Path stateDir, String runId) {
    return acquire(stateDir, Clock.systemUTC(), Objects.requireNonNull(runId, "runId"));
  }

  /**
   * The id of the run holding the lock on {@code stateDir} right now, if a live process holds it
   * for a named run. Reads the lock file only; never takes the lock.
   */
  public static Optional<String> runningRunId(Path stateDir) {
    Path file = stateDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    String text;
    try {
      Path real = file.getParent().toRealPath().resolve(FILE_NAME);
      String held = HELD.get(real);
      text = held != null ? held : Files.readString(real, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Matcher m = HOLDER.matcher(text.strip());
    if (!m.matches() || m.group(3) == null) {
      return Optional.empty();
    }
    boolean alive =
        ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    return alive ? Optional.of(m.group(3)) : Optional.empty();
  }

  static StateLock acquire(Path stateDir, Clock clock) {
    return acquire(stateDir, clock, null);
  }

  private static StateLock acquire(Path stateDir, Clock clock, String runId) {
    Objects.requireNonNull(stateDir, "stateDir");
    Path dir = realDir(stateDir);
    Path file = dir.resolve(FILE_NAME);
    String holder = holderText(clock.instant(), runId);
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

  private static String holderText(Instant since, String runId) {
    return "pid "
        + ProcessHandle.current().pid()
        + " since "
        + since
        + (runId == null ? "" : " run " + runId)
        + "\n";
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(256);
    channel.read(buf, 0);
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    return HOLDER.matcher(text).matches() ? text : "holder unknown";
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
      channel.truncate(0); // no longer names a holder
      channel.force(true);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StateException("cannot release the lock " + file + " (" + e + ")", e);
    } finally {
      HELD.remove(file);
    }
  }
}
