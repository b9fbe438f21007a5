package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the providers of a local file share: every feature (playlists with positions and empty
 * playlists kept), content read on first use and kept in memory, health with per-feature counts,
 * and writes matched by {@link LocalWrites} and saved before the call returns. Subclasses say how
 * content is loaded and saved; all calls hold the provider's lock.
 */
public abstract class LocalProvider implements Provider {
  /** The features of both local providers: every one. */
  public static final Set<Feature> FEATURES =
      Collections.unmodifiableSet(EnumSet.allOf(Feature.class));

  private final String name;
  private final String instance;
  private final Path file;
  private final Clock clock;

  /** A provider of {@code file}, named {@code name}, timing its health checks by {@code clock}. */
  protected LocalProvider(String name, String instance, Path file, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String instance() {
    return instance;
  }

  @Override
  public final Set<Feature> features() {
    return FEATURES;
  }

  /** A file on this machine: each operation is written in one chunk, without pauses. */
  @Override
  public final boolean isLocal() {
    return true;
  }

  /** The file (or database) this provider reads and writes. */
  public final Path file() {
    return file;
  }

  @Override
  public final synchronized HealthReport health() {
    Instant start = clock.instant();
    String problem = problem();
    Duration latency = Duration.between(start, clock.instant());
    if (problem != null) {
      return HealthReport.down(problem, latency);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("path", file.toString());
    for (Feature f : Feature.values()) {
      details.put(f.key(), Integer.toString(count(f)));
    }
    return new HealthReport(HealthReport.Status.OK, healthMessage(), latency, FEATURES, details);
  }

  @Override
  public final synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    requireUsable(feature);
    return items(feature);
  }

  @Override
  public final WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.ADD, feature, items);
  }

  @Override
  public final WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.REMOVE, feature, items);
  }

  @Override
  public final WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.UPDATE, feature, items);
  }

  private synchronized WriteResult write(LocalWrites.Op op, Feature feature, List<Item> items)
      throws ProviderException {
    Objects.requireNonNull(items, "items");
    requireUsable(feature);
    LocalWrites.Outcome outcome = LocalWrites.apply(index(feature), op, items, playlists());
    if (!outcome.changes().isEmpty()) {
      save(feature, op, outcome.changes());
    }
    return outcome.result();
  }

  private void requireUsable(Feature feature) throws ProviderException {
    Objects.requireNonNull(feature, "feature");
    String problem = problemForUse();
    if (problem != null) {
      throw ProviderException.permanent(ProviderException.Kind.UNAVAILABLE, problem);
    }
  }

  /** Loads the content when not yet loaded; why it cannot be used, or {@code null} when it can. */
  protected abstract String problem();

  /**
   * Why the items cannot be read or written, or {@code null}; the default is {@link #problem()}. A
   * provider whose health is answered without loading everything loads it here.
   */
  protected String problemForUse() {
    return problem();
  }

  /** How many items a loaded feature holds. */
  protected abstract int count(Feature feature);

  /** The message of a healthy report. */
  protected abstract String healthMessage();

  /** A loaded feature's items, in order. */
  protected abstract List<Item> items(Feature feature);

  /** A loaded feature's match index, which writes change in place. */
  protected abstract ItemIndex index(Feature feature);

  /** The loaded playlists (empty ones included), which playlist writes extend in place. */
  protected abstract PlaylistBook playlists();

  /** Local providers can put playlist members in any order. */
  @Override
  public boolean canReorder(Feature feature) {
    return feature == Feature.PLAYLISTS;
  }

  /**
   * Saves the changes a write made to {@code feature}'s index; on failure, forgets the loaded
   * content (so that it is read again) and throws.
   */
  protected abstract void save(Feature feature, LocalWrites.Op op, LocalWrites.Changes changes)
      throws ProviderException;
}
