package io.crosswatch.testkit.contract;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.testkit.Forwarding;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** A factory that hands out another factory's instances and counts their write calls. */
final class CountingFactory implements ProviderFactory {
  private static final Set<String> WRITES = Set.of("add", "remove", "update");

  private final ProviderFactory delegate;
  private final AtomicInteger writes;

  CountingFactory(ProviderFactory delegate, AtomicInteger writes) {
    this.delegate = delegate;
    this.writes = writes;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int listOrder() {
    return delegate.listOrder();
  }

  @Override
  public Set<Feature> features() {
    return delegate.features();
  }

  @Override
  public Set<IdKind> idKinds() {
    return delegate.idKinds();
  }

  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return delegate.scrobbleRoles();
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return delegate.validate(settings, path);
  }

  @Override
  public List<ConfigIssue> validateForUse(JsonNode settings, String path) {
    return delegate.validateForUse(settings, path);
  }

  @Override
  public Provider create(ProviderContext context) throws ProviderException {
    return Forwarding.to(
        Provider.class,
        delegate.create(context),
        (method, args) -> {
          if (WRITES.contains(method.getName())) {
            writes.incrementAndGet();
          }
        });
  }
}
