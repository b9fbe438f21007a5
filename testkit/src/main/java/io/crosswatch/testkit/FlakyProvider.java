package io.crosswatch.testkit;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Wraps a provider and injects faults: transient whole-call failures of writes (the first N, or at
 * a seeded probability), permanent per-item failures for chosen titles, snapshots that come back
 * empty once, and a hook after each successful write call (e.g. to simulate a crash between
 * chunks). Records every call. Thread-safe.
 */
public final class FlakyProvider implements Provider {
  private final Provider delegate;
  private final List<Call> calls = new ArrayList<>();
  private final Set<String> failedTitles = new HashSet<>();
  private final Set<String> notFoundTitles = new HashSet<>();
  private final Set<Feature> emptyOnce = EnumSet.noneOf(Feature.class);
  private int failFirstWrites;
  private int failFirstSnapshots;
  private double failProbability;
  private Random random = new Random(0);
  private Duration retryAfter;
  private WriteHook hook = (op, feature, items, result) -> {};
  private RuntimeException settleFailure;

  public FlakyProvider(Provider delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Called after each successful write call, with what the wrapped provider answered. */
  @FunctionalInterface
  public interface WriteHook {
    /** May throw (a runtime exception to simulate a crash, or a provider exception). */
    void afterWrite(Operation op, Feature feature, List<Item> items, WriteResult result)
        throws ProviderException;
  }

  /** How a recorded call ended. */
  public enum Result {
    /** The call went through to the wrapped provider (per-item failures may be injected). */
    OK,
    /** A transient failure was injected; the wrapped provider was not called. */
    INJECTED_FAILURE,
    /** The wrapped provider (or the hook) threw. */
    ERROR
  }

  /**
   * One recorded call.
   *
   * @param feature {@code null} for health
   * @param items the items passed (empty for health and snapshot)
   */
  public record Call(Operation op, Feature feature, List<Item> items, Result result) {
    public Call {
      items = List.copyOf(items);
    }
  }

  /** The first {@code n} write calls fail transiently (retriable, no wait asked). */
  public synchronized FlakyProvider failFirstWrites(int n) {
    return failFirstWrites(n, null);
  }

  /** The first {@code n} write calls fail transiently, asking to retry after {@code wait}. */
  public synchronized FlakyProvider failFirstWrites(int n, Duration wait) {
    this.failFirstWrites = n;
    this.retryAfter = wait;
    return this;
  }

  /** Each write call fails transiently with this probability, drawn from a seeded random. */
  public synchronized FlakyProvider failWritesRandomly(double probability, long seed) {
    return failWritesRandomly(probability, seed, null);
  }

  /** As {@link #failWritesRandomly(double, long)}, asking to retry after {@code wait}. */
  public synchronized FlakyProvider failWritesRandomly(
      double probability, long seed, Duration wait) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be 0-1, got " + probability);
    }
    this.failProbability = probability;
    this.random = new Random(seed);
    this.retryAfter = wait;
    return this;
  }

  /** The first {@code n} snapshot calls fail transiently. */
  public synchronized FlakyProvider failFirstSnapshots(int n) {
    this.failFirstSnapshots = n;
    return this;
  }

  /**
   * Items whose {@link ItemKeys#titleKey} is given fail permanently ({@code FAILED}, not
   * retriable).
   */
  public synchronized FlakyProvider failItems(Set<String> titleKeys) {
    failedTitles.addAll(titleKeys);
    return this;
  }

  /** Items whose {@link ItemKeys#titleKey} is given are {@code NOT_FOUND}. */
  public synchronized FlakyProvider notFoundItems(Set<String> titleKeys) {
    notFoundTitles.addAll(titleKeys);
    return this;
  }

  /** The next snapshot of each given feature (all when none given) comes back empty. */
  public synchronized FlakyProvider emptySnapshotOnce(Feature... features) {
    emptyOnce.addAll(features.length == 0 ? EnumSet.allOf(Feature.class) : List.of(features));
    return this;
  }

  /** Sets the hook called after each successful write call. */
  public synchronized FlakyProvider afterEachWrite(WriteHook newHook) {
    this.hook = Objects.requireNonNull(newHook, "newHook");
    return this;
  }

  /** Makes {@link #settle} throw {@code failure} (a provider breaking its promise not to). */
  public synchronized FlakyProvider failSettle(RuntimeException failure) {
    settleFailure = Objects.requireNonNull(failure, "failure");
    return this;
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The recorded calls of one operation. */
  public synchronized List<Call> calls(Operation op) {
    return calls.stream().filter(c -> c.op() == op).toList();
  }

  /** How many transient failures were injected. */
  public synchronized int injectedFailures() {
    return (int) calls.stream().filter(c -> c.result() == Result.INJECTED_FAILURE).count();
  }

  /** The wrapped provider. */
  public Provider delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String instance() {
    return delegate.instance();
  }

  @Override
  public Set<Feature> features() {
    return delegate.features();
  }

  @Override
  public synchronized HealthReport health() {
    calls.add(new Call(Operation.HEALTH, null, List.of(), Result.OK));
    return delegate.health();
  }

  @Override
  public synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    if (failFirstSnapshots > 0) {
      failFirstSnapshots--;
      calls.add(new Call(Operation.SNAPSHOT, feature, List.of(), Result.INJECTED_FAILURE));
      throw injected(Operation.SNAPSHOT, feature);
    }
    try {
      List<Item> items = delegate.snapshot(feature);
      calls.add(new Call(Operation.SNAPSHOT, feature, List.of(), Result.OK));
      return emptyOnce.remove(feature) ? List.of() : items;
    } catch (ProviderException | RuntimeException e) {
      calls.add(new Call(Operation.SNAPSHOT, feature, List.of(), Result.ERROR));
      throw e;
    }
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(Operation.ADD, feature, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    return write(Operation.REMOVE, feature, items);
  }

  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return write(Operation.UPDATE, feature, items);
  }

  private synchronized WriteResult write(Operation op, Feature feature, List<Item> items)
      throws ProviderException {
    if (injectFailure()) {
      calls.add(new Call(op, feature, items, Result.INJECTED_FAILURE));
      throw injected(op, feature);
    }
    WriteResult result;
    try {
      result = passThrough(op, feature, items);
      hook.afterWrite(op, feature, items, result);
    } catch (ProviderException | RuntimeException e) {
      calls.add(new Call(op, feature, items, Result.ERROR));
      throw e;
    }
    calls.add(new Call(op, feature, items, Result.OK));
    return result;
  }

  private boolean injectFailure() {
    if (failFirstWrites > 0) {
      failFirstWrites--;
      return true;
    }
    return failProbability > 0 && random.nextDouble() < failProbability;
  }

  private WriteResult passThrough(Operation op, Feature feature, List<Item> items)
      throws ProviderException {
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    List<Item> forward = new ArrayList<>(items.size());
    for (Item item : items) {
      String key = ItemKeys.titleKey(item);
      if (failedTitles.contains(key)) {
        outcomes.add(ItemOutcome.failed(item, "rejected: injected permanent failure", false));
      } else if (notFoundTitles.contains(key)) {
        outcomes.add(ItemOutcome.notFound(item, "not_found"));
      } else {
        forward.add(item);
      }
    }
    if (!forward.isEmpty()) {
      WriteResult delegated =
          switch (op) {
            case ADD -> delegate.add(feature, forward);
            case REMOVE -> delegate.remove(feature, forward);
            default -> delegate.update(feature, forward);
          };
      outcomes.addAll(delegated.outcomes());
    }
    return new WriteResult(outcomes);
  }

  private ProviderException injected(Operation op, Feature feature) {
    String what =
        label()
            + " feature="
            + feature.key()
            + " op="
            + op.name().toLowerCase(Locale.ROOT)
            + ": injected transient failure";
    if (retryAfter != null) {
      return new ProviderException(ProviderException.Kind.RATE_LIMITED, what, true, retryAfter);
    }
    return new ProviderException(ProviderException.Kind.UNAVAILABLE, what, true, null);
  }

  @Override
  public void settle() {
    RuntimeException failure;
    synchronized (this) {
      failure = settleFailure;
    }
    if (failure != null) {
      throw failure;
    }
    delegate.settle();
  }

  @Override
  public boolean isLocal() {
    return delegate.isLocal();
  }

  @Override
  public OptionalInt preferredChunkSize(Feature feature, WriteOp op) {
    return delegate.preferredChunkSize(feature, op);
  }

  @Override
  public void discardSnapshot(Feature feature) {
    delegate.discardSnapshot(feature);
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return delegate.apiUsage();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
