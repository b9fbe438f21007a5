package io.crosswatch.providers.tracker;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LocalWrites;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The local tracker database, holding every feature. Its content is read once, on first use, and
 * kept in memory for matching; every write call that changes something is one database transaction,
 * committed before the call returns.
 */
final class TrackerProvider implements Provider {
  private static final Set<Feature> FEATURES = EnumSet.allOf(Feature.class);

  private final String instance;
  private final Path file;
  private final Clock clock;
  private TrackerDatabase database;
  private Map<Feature, ItemIndex> indexes;
  private String problem;

  TrackerProvider(String instance, Path file, Clock clock) {
    this.instance = Objects.requireNonNull(instance, "instance");
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return TrackerProviderFactory.NAME;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized HealthReport health() {
    Instant start = clock.instant();
    ensureLoaded();
    Duration latency = Duration.between(start, clock.instant());
    if (problem != null) {
      return HealthReport.down(problem, latency);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("path", file.toString());
    indexes.forEach((f, index) -> details.put(f.key(), Integer.toString(index.size())));
    return new HealthReport(
        HealthReport.Status.OK, "tracker database " + file, latency, FEATURES, details);
  }

  @Override
  public synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    return usable(feature).items();
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.ADD, feature, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.REMOVE, feature, items);
  }

  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.UPDATE, feature, items);
  }

  private synchronized WriteResult write(LocalWrites.Op op, Feature feature, List<Item> items)
      throws ProviderException {
    Objects.requireNonNull(items, "items");
    ItemIndex index = usable(feature);
    LocalWrites.Outcome outcome = LocalWrites.apply(index, op, items);
    if (outcome.changes().isEmpty()) {
      return outcome.result();
    }
    try {
      database.apply(feature, outcome.changes());
      return outcome.result();
    } catch (SQLException | RuntimeException e) {
      // The memory copy now differs from the database: read it again on next use.
      indexes = null;
      boolean busy = e instanceof SQLException && TrackerDatabase.isBusy((SQLException) e);
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "%s feature=%s op=%s: cannot write tracker database %s: %s%s",
              label(),
              feature.key(),
              op.name().toLowerCase(Locale.ROOT),
              file,
              e.getMessage(),
              busy ? " (another program holds it; retrying may help)" : ""),
          busy,
          null,
          e);
    }
  }

  private ItemIndex usable(Feature feature) throws ProviderException {
    Objects.requireNonNull(feature, "feature");
    ensureLoaded();
    if (problem != null) {
      throw ProviderException.permanent(ProviderException.Kind.UNAVAILABLE, problem);
    }
    return indexes.get(feature);
  }

  private void ensureLoaded() {
    if (indexes != null || problem != null) {
      return;
    }
    try {
      if (database == null) {
        database = TrackerDatabase.open(file);
      }
      indexes = database.load();
    } catch (IOException e) {
      problem = label() + ": " + e.getMessage();
      close();
    }
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
    indexes = null; // read again if used after closing
  }
}
