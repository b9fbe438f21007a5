package io.crosswatch.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds the state lock, read from the lock file only when it may have changed. */
class LockFileWatchTest {
  @TempDir Path stateDir;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong ticker = new AtomicLong();

  private LockFileWatch watch() {
    return new LockFileWatch(
        stateDir,
        dir -> {
          reads.incrementAndGet();
          return StateLock.runningRunId(dir);
        },
        ticker::get);
  }

  @Test
  void anIdleLockFileIsReadOnceWhileItIsUnchanged() {
    LockFileWatch watch = watch();
    try (StateLock lock = StateLock.acquire(stateDir, "run-1")) {
      assertThat(lock).isNotNull(); // made the file; released when the block ends
    }

    for (int i = 0; i < 100; i++) {
      assertThat(watch.runningRunId()).isEmpty();
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void aRunTakingTheLockShowsAtOnceAndIsReadAgainWhileItHoldsIt() {
    LockFileWatch watch = watch();
    assertThat(watch.runningRunId()).isEmpty();

    try (StateLock lock = StateLock.acquire(stateDir, "run-1")) {
      assertThat(watch.runningRunId()).contains("run-1");
      assertThat(watch.runningRunId()).contains("run-1");
      assertThat(reads).hasValue(3);
    }

    assertThat(watch.runningRunId()).isEmpty();
    assertThat(watch.runningRunId()).isEmpty();
    assertThat(reads).hasValue(4);
  }

  @Test
  void anUnchangedIdleFileIsReadAgainASecondAfterTheLastRead() {
    LockFileWatch watch = watch();
    watch.runningRunId();

    ticker.set(999_999_999L);
    watch.runningRunId();
    assertThat(reads).as("within the second").hasValue(1);

    ticker.set(1_000_000_000L);
    watch.runningRunId();
    assertThat(reads).as("a second after the read").hasValue(2);
  }

  @Test
  void aLockFileNamingAProcessThatDiedSaysNoRunIsGoingOn() throws Exception {
    Files.writeString(
        stateDir.resolve(LockFileWatch.FILE_NAME),
        "pid " + Integer.MAX_VALUE + " since 2026-03-01T10:00:00Z run run-9");

    assertThat(watch().runningRunId()).isEqualTo(Optional.empty());
  }
}
