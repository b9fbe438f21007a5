package io.crosswatch.server.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Reads a run's JSONL event log from its start and keeps reading while the run goes on, handing
 * each complete line to a consumer; ends after the {@code run:done} line, or at the end of the file
 * once the run is no longer active (a killed run never writes {@code run:done}).
 */
public final class EventFollower {
  /** Receives one event line (without its newline); may throw to stop following. */
  @FunctionalInterface
  public interface LineSink {
    void line(String json) throws IOException;
  }

  private static final long POLL_MILLIS = 50;

  private EventFollower() {}

  /**
   * Follows {@code log} until the run is done.
   *
   * @param active whether the run is still going on (checked when the file has no new line)
   */
  public static void follow(Path log, BooleanSupplier active, LineSink sink)
      throws IOException, InterruptedException {
    while (!Files.exists(log)) {
      if (!active.getAsBoolean()) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      ByteArrayOutputStream partial = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (true) {
        int n = file.read(buf);
        if (n > 0) {
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              String line = partial.toString(StandardCharsets.UTF_8);
              partial.reset();
              if (!line.isBlank()) {
                sink.line(line);
                if (isDone(line)) {
                  return;
                }
              }
            } else {
              partial.write(buf[i]);
            }
          }
          continue;
        }
        // Read once more after seeing the run inactive: its last lines may have landed meanwhile.
        boolean stillActive = active.getAsBoolean();
        if (file.getFilePointer() < file.length()) {
          continue;
        }
        if (!stillActive) {
          return;
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
  }

  private static boolean isDone(String line) {
    return line.contains("\"event\":\"run:done\"");
  }
}
