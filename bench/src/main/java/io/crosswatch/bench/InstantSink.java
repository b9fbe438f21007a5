package io.crosswatch.bench;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.BareProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A scrobble sink ({@code INSTANT}) that answers every call at once and records when each arrived
 * (by the item's IMDb id), for the scrobbling benchmark.
 */
final class InstantSink implements ProviderFactory {
  /** One call as the sink saw it. */
  record Call(ScrobbleAction action, String imdb, double progress, long nanos) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Map<String, Long> firstStop = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "INSTANT";
  }

  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SINK);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return List.of();
  }

  @Override
  public Provider create(ProviderContext context) {
    String instance = context.instance();
    ScrobbleTarget target =
        (action, item, progress, at) -> {
          long now = System.nanoTime();
          String imdb = item.ids().get(IdKind.IMDB).orElse("?");
          calls.add(new Call(action, imdb, progress, now));
          if (action == ScrobbleAction.STOP) {
            firstStop.putIfAbsent(imdb, now);
          }
          return ScrobbleOutcome.SENT;
        };
    return new BareProvider("INSTANT", instance) {
      @Override
      public Optional<ScrobbleTarget> scrobbleTarget() {
        return Optional.of(target);
      }
    };
  }
}
