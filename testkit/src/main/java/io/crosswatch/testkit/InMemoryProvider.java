package io.crosswatch.testkit;

import io.crosswatch.core.identity.MatchTokens;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A provider that keeps its items in memory, with the write rules of the local providers: adding a
 * held item is {@code ALREADY_PRESENT}; removing a missing one {@code NOT_FOUND} ({@code
 * not_found}); ratings add/update replace the rating of the same title. Counts calls per operation
 * and lets a test choose the health status. Thread-safe.
 */
public final class InMemoryProvider implements Provider {
  private final String name;
  private final String instance;
  private final Map<Feature, Store> stores = new EnumMap<>(Feature.class);
  private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
  private Set<Feature> features = EnumSet.allOf(Feature.class);
  private HealthReport.Status status = HealthReport.Status.OK;
  private String healthMessage = "ok";
  private boolean closed;

  /** An empty provider named {@code name} (e.g. {@code TRAKT}), instance {@code default}. */
  public InMemoryProvider(String name) {
    this(name, "default");
  }

  /** An empty provider with the given name and instance. */
  public InMemoryProvider(String name, String instance) {
    this.name = Objects.requireNonNull(name, "name");
    this.instance = Objects.requireNonNull(instance, "instance");
    for (Feature f : Feature.values()) {
      stores.put(f, new Store(f));
    }
  }

  /** Replaces what the provider holds for one feature. */
  public synchronized InMemoryProvider put(Feature feature, Collection<Item> items) {
    Store store = new Store(feature);
    for (Item item : items) {
      store.append(item);
    }
    stores.put(feature, store);
    return this;
  }

  /** What the provider holds for one feature now, in order (no call is counted). */
  public synchronized List<Item> items(Feature feature) {
    return stores.get(feature).items();
  }

  /** Limits the features this provider offers. */
  public synchronized InMemoryProvider setFeatures(Set<Feature> offered) {
    this.features = offered.isEmpty() ? Set.of() : EnumSet.copyOf(offered);
    return this;
  }

  /** Sets what {@link #health()} reports. */
  public synchronized InMemoryProvider setHealth(HealthReport.Status newStatus, String message) {
    this.status = Objects.requireNonNull(newStatus, "newStatus");
    this.healthMessage = Objects.requireNonNull(message, "message");
    return this;
  }

  /** How many calls of one operation were made. */
  public synchronized int calls(Operation op) {
    return calls.getOrDefault(op, 0);
  }

  /** How many add, remove and update calls were made. */
  public synchronized int writeCalls() {
    return calls(Operation.ADD) + calls(Operation.REMOVE) + calls(Operation.UPDATE);
  }

  /** Whether {@link #close()} was called (the provider stays usable). */
  public synchronized boolean closed() {
    return closed;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public synchronized Set<Feature> features() {
    return features;
  }

  @Override
  public synchronized HealthReport health() {
    count(Operation.HEALTH);
    Set<Feature> usable =
        status == HealthReport.Status.OK || status == HealthReport.Status.DEGRADED
            ? features
            : Set.of();
    return new HealthReport(status, healthMessage, Duration.ZERO, usable, Map.of());
  }

  @Override
  public synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    count(Operation.SNAPSHOT);
    return store(feature).items();
  }

  @Override
  public synchronized WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    count(Operation.ADD);
    return write(store(feature), Operation.ADD, items);
  }

  @Override
  public synchronized WriteResult remove(Feature feature, List<Item> items)
      throws ProviderException {
    count(Operation.REMOVE);
    return write(store(feature), Operation.REMOVE, items);
  }

  @Override
  public synchronized WriteResult update(Feature feature, List<Item> items)
      throws ProviderException {
    count(Operation.UPDATE);
    return write(store(feature), Operation.UPDATE, items);
  }

  /** Counts the call; there is nothing to bring up to date in memory. */
  @Override
  public synchronized void settle() {
    count(Operation.SETTLE);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void count(Operation op) {
    calls.merge(op, 1, Integer::sum);
  }

  private Store store(Feature feature) throws ProviderException {
    Objects.requireNonNull(feature, "feature");
    if (!features.contains(feature)) {
      throw ProviderException.permanent(
          ProviderException.Kind.REJECTED, label() + ": feature " + feature.key() + " not offered");
    }
    return stores.get(feature);
  }

  private static WriteResult write(Store store, Operation op, List<Item> items) {
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    for (Item item : items) {
      outcomes.add(store.apply(op, Objects.requireNonNull(item, "item")));
    }
    return new WriteResult(outcomes);
  }

  /** One feature's items in order, indexed by matching token. */
  private static final class Store {
    private final Feature feature;
    private final Map<Long, Item> entries = new LinkedHashMap<>();
    private final Map<String, List<Long>> byToken = new HashMap<>();
    private long nextId;

    Store(Feature feature) {
      this.feature = feature;
    }

    List<Item> items() {
      return List.copyOf(entries.values());
    }

    ItemOutcome apply(Operation op, Item item) {
      boolean ratings = feature == Feature.RATINGS;
      if (ratings && op != Operation.REMOVE && item.rating() == null) {
        return ItemOutcome.failed(item, "rating_missing: a rating needs a value 1-10", false);
      }
      List<Long> matches = matches(item);
      if (op == Operation.REMOVE) {
        matches.forEach(this::delete);
        return matches.isEmpty()
            ? ItemOutcome.notFound(item, "not_found")
            : ItemOutcome.confirmed(item);
      }
      if (matches.isEmpty()) {
        append(item);
        return ItemOutcome.confirmed(item);
      }
      return ratings ? rate(op, item, matches) : ItemOutcome.alreadyPresent(item);
    }

    private ItemOutcome rate(Operation op, Item item, List<Long> matches) {
      boolean changed = false;
      for (long id : matches) {
        Item held = entries.get(id);
        boolean same =
            item.rating().equals(held.rating())
                && (op == Operation.ADD || Objects.equals(item.ratedAt(), held.ratedAt()));
        if (!same) {
          entries.put(id, held.withRating(item.rating(), item.ratedAt()));
          changed = true;
        }
      }
      return changed ? ItemOutcome.confirmed(item) : ItemOutcome.alreadyPresent(item);
    }

    void append(Item item) {
      long id = nextId++;
      entries.put(id, item);
      for (String token : MatchTokens.of(item, feature)) {
        byToken.computeIfAbsent(token, t -> new ArrayList<>(1)).add(id);
      }
    }

    private void delete(long id) {
      Item item = entries.remove(id);
      for (String token : MatchTokens.of(item, feature)) {
        List<Long> ids = byToken.get(token);
        ids.remove(Long.valueOf(id));
        if (ids.isEmpty()) {
          byToken.remove(token);
        }
      }
    }

    private List<Long> matches(Item item) {
      List<Long> found = new ArrayList<>(1);
      for (String token : MatchTokens.of(item, feature)) {
        for (long id : byToken.getOrDefault(token, List.of())) {
          if (!found.contains(id)) {
            found.add(id);
          }
        }
      }
      return found;
    }
  }
}
