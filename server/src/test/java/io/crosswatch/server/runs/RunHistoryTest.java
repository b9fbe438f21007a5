package io.crosswatch.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.testkit.Forwarding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's reads of the runs table through one store kept open. */
class RunHistoryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path stateDir;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger listsRead = new AtomicInteger();
  private final AtomicLong ticker = new AtomicLong();

  private RunHistory history() {
    return new RunHistory(
        stateDir,
        dir -> {
          opened.incrementAndGet();
          return countingListReads(SqliteStateStore.open(dir));
        },
        ticker::get);
  }

  /** The store, counting its {@code recentRuns} calls in {@link #listsRead}. */
  private StateStore countingListReads(StateStore store) {
    return Forwarding.to(
        StateStore.class,
        store,
        (method, args) -> {
          if (method.getName().equals("recentRuns")) {
            listsRead.incrementAndGet();
          }
        });
  }

  /** Records a finished run the way a command-line run does: through its own connection. */
  private void record(String id, Instant at, String summary) {
    try (StateStore store = SqliteStateStore.open(stateDir)) {
      store.runStarted(id, at, false, RunRecord.CLI);
      store.runFinished(id, at.plusSeconds(3), 0, summary);
    }
  }

  @Test
  void manyReadsOpenTheStateDatabaseOnce() {
    record("run-1", T0, "{\"run_id\": \"run-1\"}");
    try (RunHistory history = history()) {
      for (int i = 0; i < 50; i++) {
        ticker.addAndGet(2_000_000_000L); // past the kept list's age: read again each time
        assertThat(history.recent(1)).extracting(RunRecord::runId).containsExactly("run-1");
        assertThat(history.summary("run-1")).contains("{\"run_id\": \"run-1\"}");
      }
    }
    assertThat(opened).hasValue(1);
  }

  @Test
  void runsFinishedThroughAnotherConnectionAfterOpeningAreSeenAtOnce() {
    record("run-1", T0, "{}");
    try (RunHistory history = history()) {
      assertThat(history.recent(10)).extracting(RunRecord::runId).containsExactly("run-1");
      assertThat(history.summary("run-2")).isEmpty();

      record("run-2", T0.plusSeconds(60), "{\"second\": true}");

      assertThat(history.recent(10)).extracting(RunRecord::runId).containsExactly("run-2", "run-1");
      assertThat(history.summary("run-2")).contains("{\"second\": true}");
    }
    assertThat(opened).hasValue(1);
  }

  @Test
  void pollingAnUnchangedDatabaseReadsTheListOncePerSecond() {
    record("run-1", T0, "{}");
    try (RunHistory history = history()) {
      // Opening the store makes its write-ahead log, which changes the files once.
      history.recent(1);
      history.recent(1);
      int afterOpening = listsRead.get();
      assertThat(afterOpening).isBetween(1, 2);

      for (int i = 0; i < 100; i++) {
        assertThat(history.recent(1)).extracting(RunRecord::runId).containsExactly("run-1");
        assertThat(history.recent(20)).extracting(RunRecord::runId).containsExactly("run-1");
      }
      assertThat(listsRead).hasValue(afterOpening);

      long readAt = ticker.get();
      ticker.set(readAt + 999_999_999L);
      history.recent(1);
      assertThat(listsRead).as("within the second").hasValue(afterOpening);

      ticker.set(readAt + 1_000_000_000L);
      history.recent(1);
      assertThat(listsRead).as("a second after the read").hasValue(afterOpening + 1);
    }
  }

  @Test
  void requestsArrivingWhileTheFilesKeepChangingShareOneReadThatBeganAfterThem() throws Exception {
    record("run-0", T0, "{}");
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger held = new AtomicInteger();
    AtomicLong clock = new AtomicLong();
    try (RunHistory history =
        new RunHistory(
            stateDir,
            dir ->
                blockingFirstListRead(
                    countingListReads(SqliteStateStore.open(dir)), held, reading, release),
            clock::incrementAndGet)) {
      Thread first = new Thread(() -> history.recent(1));
      first.start();
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue(); // reading, holding the lock
      // three more requests, each after another write: each finds the files changed
      List<Thread> waiting = new ArrayList<>();
      List<List<RunRecord>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int i = 1; i <= 3; i++) {
        record("run-" + i, T0.plusSeconds(60L * i), "{}");
        Thread t = new Thread(() -> seen.add(history.recent(1)));
        t.start();
        waitUntilBlocked(t);
        waiting.add(t);
      }
      release.countDown();
      first.join(10_000);
      for (Thread t : waiting) {
        t.join(10_000);
      }
      assertThat(first.isAlive()).as("the first request ended").isFalse();
      assertThat(waiting).as("the waiting requests ended").noneMatch(Thread::isAlive);

      assertThat(seen)
          .hasSize(3)
          .allSatisfy(l -> assertThat(l).extracting(RunRecord::runId).containsExactly("run-3"));
      assertThat(listsRead).as("the first request's read and one after it").hasValue(2);
    }
  }

  /** The store, its first {@code recentRuns} call waiting for {@code release}. */
  private static StateStore blockingFirstListRead(
      StateStore store, AtomicInteger held, CountDownLatch reading, CountDownLatch release) {
    return Forwarding.to(
        StateStore.class,
        store,
        (method, args) -> {
          if (method.getName().equals("recentRuns") && held.getAndIncrement() == 0) {
            reading.countDown();
            release.await(10, TimeUnit.SECONDS);
          }
        });
  }

  private static void waitUntilBlocked(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (t.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(t.getState()).isEqualTo(Thread.State.BLOCKED);
  }

  @Test
  void listsLongerThanTheKeptOnesAreReadEachTime() {
    for (int i = 0; i < RunHistory.KEPT + 5; i++) {
      record("run-" + i, T0.plusSeconds(60L * i), "{}");
    }
    try (RunHistory history = history()) {
      assertThat(history.recent(RunHistory.KEPT + 10)).hasSize(RunHistory.KEPT + 5);
      assertThat(history.recent(RunHistory.KEPT + 10)).hasSize(RunHistory.KEPT + 5);
      assertThat(history.recent(RunHistory.KEPT))
          .hasSize(RunHistory.KEPT)
          .first()
          .extracting(RunRecord::runId)
          .isEqualTo("run-" + (RunHistory.KEPT + 4));
    }
    assertThat(listsRead).hasValue(3);
  }

  @Test
  void withoutAStateDatabaseThereAreNoRunsAndNoneIsCreated() {
    try (RunHistory history = history()) {
      assertThat(history.recent(20)).isEmpty();
      assertThat(history.summary("run-1")).isEmpty();
    }
    assertThat(stateDir.resolve("state.db")).doesNotExist();
    assertThat(opened).hasValue(0);
  }

  @Test
  void aStateDatabaseMadeAfterTheFirstReadIsOpenedThen() {
    try (RunHistory history = history()) {
      assertThat(history.recent(20)).isEmpty();
      record("run-1", T0, "{}");
      assertThat(history.recent(20)).extracting(RunRecord::runId).containsExactly("run-1");
    }
    assertThat(opened).hasValue(1);
  }

  @Test
  void aStateDatabaseMovedAsideAndMadeAnewIsOpenedAgain() throws Exception {
    record("old-run", T0, "{}");
    try (RunHistory history = history()) {
      assertThat(history.recent(20)).extracting(RunRecord::runId).containsExactly("old-run");

      Path aside = Files.createDirectories(stateDir.resolve("aside"));
      for (String name : new String[] {"state.db", "state.db-wal", "state.db-shm"}) {
        if (Files.exists(stateDir.resolve(name))) {
          Files.move(stateDir.resolve(name), aside.resolve(name));
        }
      }
      record("new-run", T0.plusSeconds(60), "{}");

      assertThat(history.recent(20)).extracting(RunRecord::runId).containsExactly("new-run");
      assertThat(history.summary("old-run")).isEmpty();
    }
    assertThat(opened).hasValue(2);
  }
}
