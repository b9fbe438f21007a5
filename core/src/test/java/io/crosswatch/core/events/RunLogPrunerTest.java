package io.crosswatch.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs folder keeps the newest run logs, the current one always among them. */
class RunLogPrunerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path logs;

  private final RunLogPruner pruner = RunLogPruner.onDisk();

  @Test
  void keepsExactlyTheNewestLogsCountingTheCurrentOne() throws IOException {
    for (int i = 1; i <= 5; i++) {
      log("r" + i, i);
    }
    Path current = log("r6", 6);

    RunLogPruner.Result result = pruner.prune(current, 3);

    assertThat(names()).containsExactlyInAnyOrder("r4.jsonl", "r5.jsonl", "r6.jsonl");
    assertThat(result.deleted())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("r1.jsonl", "r2.jsonl", "r3.jsonl");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void ordersByModificationTimeNotByName() throws IOException {
    log("a", 30);
    log("b", 10);
    log("c", 20);
    Path current = log("d", 40);

    pruner.prune(current, 2);

    assertThat(names()).containsExactlyInAnyOrder("a.jsonl", "d.jsonl");
  }

  @Test
  void breaksEqualModificationTimesByName() throws IOException {
    log("b", 5);
    log("a", 5);
    log("c", 5);
    Path current = log("d", 9);

    pruner.prune(current, 3);

    assertThat(names()).containsExactlyInAnyOrder("b.jsonl", "c.jsonl", "d.jsonl");
  }

  @Test
  void neverDeletesTheCurrentLogEvenWhenItLooksOldest() throws IOException {
    Path current = log("current", 1);
    log("newer1", 2);
    log("newer2", 3);

    pruner.prune(current, 1);

    assertThat(names()).containsExactly("current.jsonl");
  }

  @Test
  void deletesNothingWhileThereAreNoMoreThanTheKeptCount() throws IOException {
    log("r1", 1);
    Path current = log("r2", 2);

    RunLogPruner.Result result = pruner.prune(current, 2);

    assertThat(result.deleted()).isEmpty();
    assertThat(names()).containsExactlyInAnyOrder("r1.jsonl", "r2.jsonl");
  }

  @Test
  void leavesOtherFilesAndSubfoldersAlone() throws IOException {
    log("old", 1);
    Path current = log("current", 9);
    touch(logs.resolve("notes.txt"), 0);
    touch(logs.resolve("r0.jsonl.gz"), 0);
    touch(logs.resolve("r0.JSONL.bak"), 0);
    Path folder = Files.createDirectory(logs.resolve("archive.jsonl"));
    touch(folder.resolve("inner.jsonl"), 0);
    Files.setLastModifiedTime(folder, time(0));
    Path sub = Files.createDirectory(logs.resolve("sub"));
    touch(sub.resolve("deep.jsonl"), 0);
    Path outside = touch(Files.createTempFile(sub, "target", ".txt"), 0);
    Files.createSymbolicLink(logs.resolve("link.jsonl"), outside);

    pruner.prune(current, 1);

    assertThat(names())
        .containsExactlyInAnyOrder(
            "current.jsonl",
            "notes.txt",
            "r0.jsonl.gz",
            "r0.JSONL.bak",
            "archive.jsonl",
            "sub",
            "link.jsonl");
    assertThat(folder.resolve("inner.jsonl")).exists();
    assertThat(sub.resolve("deep.jsonl")).exists();
    assertThat(outside).exists();
  }

  @Test
  void anUndeletableLogIsAWarningAndTheOthersAreStillDeleted() throws IOException {
    Path stuck = log("r1", 1);
    log("r2", 2);
    log("r3", 3);
    Path current = log("r4", 4);
    List<Path> attempted = new ArrayList<>();
    RunLogPruner failingOnR1 =
        new RunLogPruner(
            file -> {
              attempted.add(file);
              if (file.equals(stuck)) {
                throw new AccessDeniedException(file.toString());
              }
              Files.delete(file);
            });

    RunLogPruner.Result result = failingOnR1.prune(current, 1);

    assertThat(attempted).hasSize(3);
    assertThat(names()).containsExactlyInAnyOrder("r1.jsonl", "r4.jsonl");
    assertThat(result.deleted())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("r2.jsonl", "r3.jsonl");
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("cannot delete old run log " + stuck)
        .contains("AccessDeniedException");
  }

  @Test
  void aLogDeletedMeanwhileIsNoProblem() throws IOException {
    Path gone = log("r1", 1);
    Path current = log("r2", 2);
    RunLogPruner racing =
        new RunLogPruner(
            file -> {
              Files.delete(file);
              Files.deleteIfExists(file); // a second pruner got there first
            });

    RunLogPruner.Result result = racing.prune(current, 1);

    assertThat(gone).doesNotExist();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aMissingFolderIsAWarningNotAFailure() {
    Path current = logs.resolve("missing").resolve("r1.jsonl");

    RunLogPruner.Result result = pruner.prune(current, 5);

    assertThat(result.deleted()).isEmpty();
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("cannot list the folder")
        .contains(logs.resolve("missing").toString());
  }

  @Test
  void refusesToKeepFewerThanOne() {
    Path current = logs.resolve("r1.jsonl");

    assertThatThrownBy(() -> pruner.prune(current, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  private Path log(String runId, int minutes) throws IOException {
    return touch(logs.resolve(runId + ".jsonl"), minutes);
  }

  private static Path touch(Path file, int minutes) throws IOException {
    Files.writeString(file, "{}\n");
    Files.setLastModifiedTime(file, time(minutes));
    return file;
  }

  private static FileTime time(int minutes) {
    return FileTime.from(T0.plusSeconds(60L * minutes));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(logs)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
