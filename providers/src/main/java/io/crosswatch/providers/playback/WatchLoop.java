package io.crosswatch.providers.playback;

import io.crosswatch.core.apply.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * A watcher's background thread: runs one step, waits as long as the step asks (through the
 * injected {@link Sleeper}), and again, until closed. A step that throws is logged by the step
 * itself; the loop only ends on {@link #close()}.
 */
public final class WatchLoop implements AutoCloseable {

  /** One round of a watcher (a poll, a websocket connection held until it ends). */
  @FunctionalInterface
  public interface Step {
    /** Does one round and returns how long to wait before the next. */
    Duration run() throws InterruptedException;
  }

  private final Thread thread;
  private volatile boolean closed;

  private WatchLoop(String name, Step step, Sleeper sleeper) {
    this.thread =
        new Thread(
            () -> {
              while (!closed) {
                try {
                  Duration wait = step.run();
                  if (!closed) {
                    sleeper.sleep(wait);
                  }
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            name);
    thread.setDaemon(true);
  }

  /** Starts a daemon thread named {@code name} running {@code step} until closed. */
  public static WatchLoop start(String name, Step step, Sleeper sleeper) {
    WatchLoop loop =
        new WatchLoop(
            Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(step, "step"),
            Objects.requireNonNull(sleeper, "sleeper"));
    loop.thread.start();
    return loop;
  }

  /** Whether {@link #close()} was called. */
  public boolean closed() {
    return closed;
  }

  /** Stops the loop: the current wait or step is interrupted; waits a moment for the thread. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
