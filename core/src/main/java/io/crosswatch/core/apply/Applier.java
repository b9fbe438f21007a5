package io.crosswatch.core.apply;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Writes items to a provider in chunks, pausing between chunks and retrying transient failures with
 * backoff. This is the one retry layer for writes: a chunk is sent at most {@link
 * RetryPolicy#maxAttempts()} times in all (the HTTP client sends each write once). A chunk that
 * times out is cut in half and the rest of the operation goes on in halves, rather than failing.
 * Each settled chunk is handed to a callback before the next starts, so that the caller can commit
 * it.
 */
public final class Applier {
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final RetryPolicy policy;
  private final BooleanSupplier stopRequested;

  public Applier(Sleeper sleeper, RandomGenerator random, RetryPolicy policy) {
    this(sleeper, random, policy, () -> false);
  }

  /**
   * An applier that starts no further chunk once {@code stopRequested} answers true (a service
   * shutting down); the chunk in flight is finished and handed to the callback first.
   */
  public Applier(
      Sleeper sleeper, RandomGenerator random, RetryPolicy policy, BooleanSupplier stopRequested) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
  }

  /** Why an operation stopped early when a stop was requested. */
  public static final String STOPPED =
      "stopped because crosswatch is shutting down; the next run applies the rest";

  /**
   * Applies one operation.
   *
   * @param onChunk called with each settled chunk, before the next one starts
   */
  public ApplyResult apply(
      Provider provider,
      Feature feature,
      WriteOp op,
      List<Item> items,
      int chunkSize,
      Duration pause,
      Consumer<ChunkResult> onChunk)
      throws InterruptedException {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
    }
    List<ItemOutcome> all = new ArrayList<>(items.size());
    Cursor cursor = new Cursor(items.size(), chunkSize);
    int index = 0;
    while (cursor.done < items.size()) {
      if (stopRequested.getAsBoolean()) {
        return new ApplyResult(index, all, STOPPED, items.size() - cursor.done, null);
      }
      if (index > 0 && !pause.isZero()) {
        sleeper.sleep(pause);
      }
      index++;
      List<Item> chunk =
          items.subList(cursor.done, Math.min(items.size(), cursor.done + cursor.size));
      try {
        ChunkResult result = writeChunk(provider, feature, op, chunk, index, cursor);
        all.addAll(result.outcomes());
        cursor.done += result.outcomes().size();
        onChunk.accept(result);
      } catch (ChunkFailed e) {
        return new ApplyResult(index, all, e.getMessage(), items.size() - cursor.done, e.kind);
      }
    }
    return new ApplyResult(index, all, null, 0, null);
  }

  /** Where an operation stands: items settled so far and the current chunk size. */
  private static final class Cursor {
    private final int total;
    private int done;
    private int size;

    Cursor(int total, int size) {
      this.total = total;
      this.size = size;
    }

    /** How many chunks the operation has, with {@code current} the one being written. */
    int chunks(int current, int currentSize) {
      int left = total - done - currentSize;
      return current + (left <= 0 ? 0 : (left + size - 1) / size);
    }
  }

  private ChunkResult writeChunk(
      Provider provider, Feature feature, WriteOp op, List<Item> chunk, int index, Cursor cursor)
      throws InterruptedException, ChunkFailed {
    List<ItemOutcome> settled = new ArrayList<>(chunk.size());
    List<Item> pending = chunk;
    List<Item> written = chunk;
    for (int attempt = 1; ; attempt++) {
      String where =
          String.format(
              "provider=%s feature=%s op=%s chunk=%d/%d",
              provider.label(),
              feature.key(),
              op.key(),
              index,
              cursor.chunks(index, written.size()));
      Duration retryAfter = null;
      String lastError;
      try {
        WriteResult result = call(provider, feature, op, pending);
        List<Item> retry = settle(pending, result, settled);
        if (retry.isEmpty()) {
          return new ChunkResult(index, cursor.chunks(index, written.size()), settled, attempt);
        }
        lastError = retry.size() + " items failed transiently";
        pending = retry;
      } catch (ProviderException e) {
        if (!e.retriable() && e.timedOut() && chunk.size() > 1) {
          // Timed out with an unknown outcome (not to be sent again now): the chunk's items stay
          // planned for the next run, which sees what arrived; the rest goes on in halves.
          for (Item item : pending) {
            settled.add(ItemOutcome.failed(item, e.getMessage(), true));
          }
          cursor.size = Math.max(1, Math.min(cursor.size, written.size() / 2));
          return new ChunkResult(index, cursor.chunks(index, written.size()), settled, attempt);
        }
        if (!e.retriable()) {
          throw new ChunkFailed(where + ": " + e.getMessage(), e.kind());
        }
        lastError = e.getMessage();
        retryAfter = e.retryAfter().orElse(null);
        if (e.timedOut() && settled.isEmpty() && pending.size() > 1) {
          // A body too large to be handled in time: send half now, and halves from here on.
          pending = pending.subList(0, pending.size() / 2);
          written = pending;
          cursor.size = Math.max(1, Math.min(cursor.size, pending.size()));
        }
      } catch (RuntimeException e) {
        throw new ChunkFailed(where + ": unexpected " + e, null);
      }
      if (attempt >= policy.maxAttempts()) {
        if (settled.isEmpty()) {
          throw new ChunkFailed(where + ": " + lastError + " after " + attempt + " attempts", null);
        }
        for (Item item : pending) {
          String reason = "transient: " + lastError + " after " + attempt + " attempts";
          settled.add(ItemOutcome.failed(item, reason, true));
        }
        return new ChunkResult(index, cursor.chunks(index, written.size()), settled, attempt);
      }
      sleeper.sleep(policy.delay(attempt, retryAfter, random));
    }
  }

  private static WriteResult call(Provider provider, Feature feature, WriteOp op, List<Item> items)
      throws ProviderException {
    switch (op) {
      case ADD:
        return provider.add(feature, items);
      case REMOVE:
        return provider.remove(feature, items);
      case UPDATE:
        return provider.update(feature, items);
      default:
        throw new IllegalArgumentException("op " + op);
    }
  }

  /**
   * Moves settled outcomes into {@code settled} and returns the items to try again. An item the
   * provider did not report on is settled as failed, not retried: it may have been written, and a
   * blind retry could duplicate a play. The next run's snapshot shows whether it arrived.
   */
  private static List<Item> settle(List<Item> sent, WriteResult result, List<ItemOutcome> settled) {
    List<Item> retry = new ArrayList<>();
    // Providers report on the very items they were sent; equal items count too (looked up only
    // when an item was not found by identity).
    Set<Item> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ItemOutcome o : result.outcomes()) {
      reported.add(o.item());
      if (o.status() == ItemOutcome.Status.FAILED && o.retriable()) {
        retry.add(o.item());
      } else {
        settled.add(o);
      }
    }
    Set<Item> reportedEqual = null;
    for (Item item : sent) {
      if (reported.contains(item)) {
        continue;
      }
      if (reportedEqual == null) {
        reportedEqual = new HashSet<>(reported);
      }
      if (!reportedEqual.contains(item)) {
        settled.add(ItemOutcome.failed(item, "the provider reported no outcome", false));
      }
    }
    return retry;
  }

  /** A chunk that cannot be written at all; ends the operation. */
  private static final class ChunkFailed extends Exception {
    private final transient ProviderException.Kind kind;

    ChunkFailed(String message, ProviderException.Kind kind) {
      super(message);
      this.kind = kind;
    }
  }
}
