package io.crosswatch.testkit;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A provider instance for tests and benchmarks that serves no feature and is always healthy. */
public abstract class BareProvider implements Provider {
  private final String name;
  private final String instance;

  protected BareProvider(String name, String instance) {
    this.name = name;
    this.instance = instance;
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
  public Set<Feature> features() {
    return Set.of();
  }

  @Override
  public HealthReport health() {
    return HealthReport.ok(Duration.ZERO, Set.of());
  }

  @Override
  public List<Item> snapshot(Feature feature) {
    return List.of();
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) {
    return WriteResult.allConfirmed(items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) {
    return WriteResult.allConfirmed(items);
  }
}
