package io.crosswatch.server.runs;

import io.crosswatch.core.state.StateLock;
import io.crosswatch.server.FileStamp;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Which run holds the state lock of a state dir, as {@link StateLock#runningRunId} says, without
 * reading and parsing the lock file on every call: while the file is unchanged (identity, time and
 * size) since a read that found no live holder, and that read is under a second old, the answer is
 * still "none". A holder takes the lock by rewriting the file, which changes it; the second bounds
 * what a file system with a coarse clock could hide. While the file names a run, every call reads
 * it again, since its process can die (killed) without the file changing. Safe for concurrent use.
 */
final class LockFileWatch {
  /** The lock file's name in the state dir (as {@link StateLock} writes it). */
  static final String FILE_NAME = "state.lock";

  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final Path stateDir;
  private final Path file;
  private final Function<Path, Optional<String>> reader;
  private final LongSupplier ticker;
  private volatile Idle idle;

  LockFileWatch(Path stateDir) {
    this(stateDir, StateLock::runningRunId, System::nanoTime);
  }

  /**
   * @param reader reads the holder's run id from the lock file of a state dir
   * @param ticker nanoseconds from some fixed point, as {@link System#nanoTime()}
   */
  LockFileWatch(Path stateDir, Function<Path, Optional<String>> reader, LongSupplier ticker) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.file = stateDir.resolve(FILE_NAME);
    this.reader = Objects.requireNonNull(reader, "reader");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** The run holding the lock now, if a live process holds it for a named run. */
  Optional<String> runningRunId() {
    long now = ticker.getAsLong();
    // Taken before reading: a change after this point shows in the next call's stamp.
    FileStamp stamp = FileStamp.of(file);
    Idle last = idle;
    if (last != null && last.stamp().equals(stamp) && now - last.readAt() < MAX_AGE_NANOS) {
      return Optional.empty();
    }
    Optional<String> holder = reader.apply(stateDir);
    idle = holder.isEmpty() ? new Idle(stamp, now) : null;
    return holder;
  }

  /** The lock file as it was when a read found no holder, and when (ticker time). */
  private record Idle(FileStamp stamp, long readAt) {}
}
