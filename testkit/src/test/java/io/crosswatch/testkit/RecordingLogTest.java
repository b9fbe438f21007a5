package io.crosswatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordingLogTest {
  private final RecordingLog log = new RecordingLog();

  @Test
  void linesKeepTheOrderSentWithWarningsMarked() {
    log.debug("first");
    log.warn("careful");
    log.debug("last");

    assertThat(log.lines()).containsExactly("first", "WARN careful", "last");
    assertThat(log.warnings()).containsExactly("careful");
  }

  @Test
  void readsAreCopiesThatLaterLinesDoNotChange() {
    log.debug("one");
    List<String> before = log.lines();

    log.warn("two");

    assertThat(before).containsExactly("one");
  }

  @Test
  void keepsEveryLineSentFromManyThreads() {
    IntStream.range(0, 1000).parallel().forEach(i -> log.debug("line " + i));

    assertThat(log.lines()).hasSize(1000);
  }
}
