package io.crosswatch.server.scrobble;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.BareProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A tracker for tests that takes every scrobble call and records nothing. */
final class StubTracker implements ProviderFactory {
  private final String name;

  StubTracker(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public List<ConfigIssue> validate(tools.jackson.databind.JsonNode settings, String path) {
    return List.of();
  }

  @Override
  public Provider create(ProviderContext context) {
    String instance = context.instance();
    ScrobbleTarget target = (action, item, progress, at) -> ScrobbleOutcome.SENT;
    return new BareProvider(name, instance) {
      @Override
      public Optional<ScrobbleTarget> scrobbleTarget() {
        return Optional.of(target);
      }
    };
  }
}
