package io.crosswatch.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {
  @TempDir Path dir;

  @Test
  void theLockFileNamesTheRunWhileItIsHeldAndNothingAfter() {
    try (StateLock lock = StateLock.acquire(dir, "run-7")) {
      assertThat(StateLock.runningRunId(dir)).contains("run-7");
      assertThatThrownBy(() -> StateLock.acquire(dir, "run-8"))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("run run-7");
    }
    assertThat(StateLock.runningRunId(dir)).isEmpty();
    try (StateLock again = StateLock.acquire(dir, "run-8")) {
      assertThat(StateLock.runningRunId(dir)).contains("run-8");
    }
  }

  @Test
  void aLockFileLeftByAKilledProcessNamesNoRunningRun() throws Exception {
    long deadPid = new ProcessBuilder("true").start().onExit().get().pid();
    Files.writeString(
        dir.resolve("state.lock"), "pid " + deadPid + " since 2026-01-01T00:00:00Z run old\n");

    assertThat(StateLock.runningRunId(dir)).isEmpty();
    try (StateLock lock = StateLock.acquire(dir, "new")) {
      assertThat(StateLock.runningRunId(dir)).contains("new");
    }
  }

  @Test
  void noLockFileMeansNoRunningRun() {
    assertThat(StateLock.runningRunId(dir.resolve("missing"))).isEmpty();
  }
}
