package io.crosswatch.core.apply;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Writes items to a provider in chunks, pausing between chunks and retrying transient failures with
 * backoff. Each settled chunk is handed to a callback before the next starts, so that the caller
 * can commit it.
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
    int chunks = (items.size() + chunkSize - 1) / chunkSize;
    List<ItemOutcome> all = new ArrayList<>(items.size());
    for (int c = 0; c < chunks; c++) {
      if (stopRequested.getAsBoolean()) {
        return new ApplyResult(c, all, STOPPED, items.size() - c * chunkSize);
      }
      if (c > 0 && !pause.isZero()) {
        sleeper.sleep(pause);
      }
      List<Item> chunk = items.subList(c * chunkSize, Math.min(items.size(), (c + 1) * chunkSize));
      String where =
          String.format(
              "provider=%s feature=%s op=%s chunk=%d/%d",
              provider.label(), feature.key(), op.key(), c + 1, chunks);
      try {
        ChunkResult result = writeChunk(provider, feature, op, chunk, c + 1, chunks, where);
        all.addAll(result.outcomes());
        onChunk.accept(result);
      } catch (ChunkFailed e) {
        int left = items.size() - c * chunkSize;
        return new ApplyResult(c + 1, all, e.getMessage(), left);
      }
    }
    return new ApplyResult(chunks, all, null, 0);
  }

  private ChunkResult writeChunk(
      Provider provider,
      Feature feature,
      WriteOp op,
      List<Item> chunk,
      int index,
      int of,
      String where)
      throws InterruptedException, ChunkFailed {
    List<ItemOutcome> settled = new ArrayList<>(chunk.size());
    List<Item> pending = chunk;
    for (int attempt = 1; ; attempt++) {
      Duration retryAfter = null;
      String lastError;
      try {
        WriteResult result = call(provider, feature, op, pending);
        List<Item> retry = settle(pending, result, settled);
        if (retry.isEmpty()) {
          return new ChunkResult(index, of, settled, attempt);
        }
        lastError = retry.size() + " items failed transiently";
        pending = retry;
      } catch (ProviderException e) {
        if (!e.retriable()) {
          throw new ChunkFailed(where + ": " + e.getMessage());
        }
        lastError = e.getMessage();
        retryAfter = e.retryAfter().orElse(null);
      } catch (RuntimeException e) {
        throw new ChunkFailed(where + ": unexpected " + e);
      }
      if (attempt >= policy.maxAttempts()) {
        if (settled.isEmpty()) {
          throw new ChunkFailed(where + ": " + lastError + " after " + attempt + " attempts");
        }
        for (Item item : pending) {
          String reason = "transient: " + lastError + " after " + attempt + " attempts";
          settled.add(ItemOutcome.failed(item, reason, true));
        }
        return new ChunkResult(index, of, settled, attempt);
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
    Set<Item> reported = new HashSet<>();
    for (ItemOutcome o : result.outcomes()) {
      reported.add(o.item());
      if (o.status() == ItemOutcome.Status.FAILED && o.retriable()) {
        retry.add(o.item());
      } else {
        settled.add(o);
      }
    }
    for (Item item : sent) {
      if (!reported.contains(item)) {
        settled.add(ItemOutcome.failed(item, "the provider reported no outcome", false));
      }
    }
    return retry;
  }

  /** A chunk that cannot be written at all; ends the operation. */
  private static final class ChunkFailed extends Exception {
    ChunkFailed(String message) {
      super(message);
    }
  }
}
