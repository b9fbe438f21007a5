package io.crosswatch.server.api;

import io.crosswatch.core.state.ParkedItem;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateException;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.core.state.UnresolvedItem;
import io.crosswatch.server.runs.RunBusyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code cw state unresolved} and {@code clear-unresolved} do, for the web: lists unresolved
 * and parked items with their reasons, and clears them (holding the state lock, so never during a
 * run).
 */
public final class StateService {
  private final Path stateDir;

  public StateService(Path stateDir) {
    this.stateDir = stateDir;
  }

  /**
   * {@code {"unresolved": [...], "parked": [...]}}, each item with pair, feature, side, key, title,
   * reason and since/until; {@code pair} null means every pair.
   */
  public Map<String, Object> unresolved(String pair) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!exists()) {
      out.put("unresolved", List.of());
      out.put("parked", List.of());
      return out;
    }
    try (StateStore store = SqliteStateStore.open(stateDir)) {
      out.put("unresolved", store.unresolved(pair).stream().map(StateService::json).toList());
      out.put("parked", store.allParked(pair).stream().map(StateService::json).toList());
    }
    return out;
  }

  /**
   * Forgets unresolved items and unparks parked ones, so the next run tries them again.
   *
   * @return {@code {"cleared_unresolved": N, "cleared_parked": M}}
   * @throws RunBusyException while a run holds the state lock
   */
  public Map<String, Object> clearUnresolved(String pair) {
    if (!exists()) {
      return Map.of("cleared_unresolved", 0, "cleared_parked", 0);
    }
    return withLock(
        store -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("cleared_unresolved", store.clearUnresolved(pair));
          out.put("cleared_parked", store.clearParked(pair));
          return out;
        });
  }

  @SuppressWarnings("try") // the lock is held for the duration of the block
  private <T> T withLock(Function<StateStore, T> work) {
    StateLock lock;
    try {
      lock = StateLock.acquire(stateDir);
    } catch (StateException e) {
      throw new RunBusyException(e.getMessage(), StateLock.runningRunId(stateDir).orElse(null));
    }
    try (lock;
        StateStore store = SqliteStateStore.open(stateDir)) {
      return work.apply(store);
    }
  }

  private boolean exists() {
    return Files.exists(stateDir.resolve("state.db"));
  }

  private static Map<String, Object> json(UnresolvedItem u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pair", u.pairId());
    m.put("feature", u.feature().key());
    m.put("side", u.side().key());
    m.put("key", u.key());
    m.put("title", u.item().label());
    m.put("reason", u.reason());
    m.put("since", u.at().toString());
    return m;
  }

  private static Map<String, Object> json(ParkedItem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pair", p.pairId());
    m.put("feature", p.feature().key());
    m.put("side", p.side().key());
    m.put("key", p.key());
    m.put("title", p.item().label());
    m.put("reason", p.reason());
    m.put("until", p.until().toString());
    return m;
  }
}
