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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToIntFunction;
import tools.jackson.databind.JsonNode;

/**
 * A scrobble sink ({@code INSTANT}) that answers every call at once and counts, per viewing slot
 * (found from the item's IMDb id), the stops it got and when the first arrived, for the scrobbling
 * benchmark. Its bookkeeping is allocated up front, so the heap the benchmark reads during a run is
 * the service's own, not a record growing with every call.
 */
final class InstantSink implements ProviderFactory {
  private final ToIntFunction<String> slotOfImdb;
  private final AtomicIntegerArray stops;
  private final AtomicLongArray firstStopNanos;
  private final AtomicIntegerArray callsByAction =
      new AtomicIntegerArray(ScrobbleAction.values().length);
  private final AtomicInteger stopped = new AtomicInteger();
  private final AtomicInteger outsideSlots = new AtomicInteger();

  /** A sink for {@code slots} viewings; {@code slotOfImdb} gives an item's slot, or -1. */
  InstantSink(int slots, ToIntFunction<String> slotOfImdb) {
    this.slotOfImdb = slotOfImdb;
    this.stops = new AtomicIntegerArray(slots);
    this.firstStopNanos = new AtomicLongArray(slots);
  }

  /** How many stop calls the viewing in {@code slot} got. */
  int stops(int slot) {
    return stops.get(slot);
  }

  /** When the first stop of the viewing in {@code slot} arrived ({@link System#nanoTime}), or 0. */
  long firstStopNanos(int slot) {
    return firstStopNanos.get(slot);
  }

  /** How many viewings got at least one stop. */
  int viewingsStopped() {
    return stopped.get();
  }

  /** Calls per action, counted from the last {@link #resetCallCounts}. */
  int calls(ScrobbleAction action) {
    return callsByAction.get(action.ordinal());
  }

  /** Calls for items whose IMDb id has no slot (none are expected). */
  int callsOutsideSlots() {
    return outsideSlots.get();
  }

  void resetCallCounts() {
    for (int i = 0; i < callsByAction.length(); i++) {
      callsByAction.set(i, 0);
    }
  }

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
    ScrobbleTarget target =
        (action, item, progress, at) -> {
          long now = System.nanoTime();
          callsByAction.incrementAndGet(action.ordinal());
          int slot = slotOfImdb.applyAsInt(item.ids().get(IdKind.IMDB).orElse(""));
          if (slot < 0 || slot >= stops.length()) {
            outsideSlots.incrementAndGet();
          } else if (action == ScrobbleAction.STOP && stops.getAndIncrement(slot) == 0) {
            firstStopNanos.set(slot, now);
            stopped.incrementAndGet();
          }
          return ScrobbleOutcome.SENT;
        };
    return new BareProvider("INSTANT", context.instance()) {
      @Override
      public Optional<ScrobbleTarget> scrobbleTarget() {
        return Optional.of(target);
      }
    };
  }
}
