package io.crosswatch.providers.plex;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.providers.cache.ScopedCacheFile;
import io.crosswatch.providers.cache.SnapshotStore;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The external ids of Discover titles, by Discover key. Discover's watchlist listing carries no
 * external ids, and a title's ids never change, so each title's metadata is read once and its ids
 * kept here for later runs; titles that left the watchlist are forgotten on {@link #save}.
 *
 * <p>Kept per instance in {@code <state_dir>/cache/PLEX-discover-<instance>.json}, scoped to the
 * Discover address. Like every cache it may be deleted; a missing, damaged or foreign file is
 * ignored (with a warning when damaged) and rebuilt. Thread-safe.
 */
final class PlexDiscoverIds {
  private static final int VERSION = 1;

  private final ScopedCacheFile file;
  private final DiagnosticLog log;
  private final Map<String, Ids> idsByKey = new TreeMap<>();
  private boolean dirty;

  private PlexDiscoverIds(ScopedCacheFile file, DiagnosticLog log) {
    this.file = file;
    this.log = log;
  }

  /** The ids of one instance, read from its file when it belongs to {@code scope}. */
  static PlexDiscoverIds load(
      Path stateDir, String instance, String scope, DiagnosticLog log, String label) {
    ScopedCacheFile file =
        new ScopedCacheFile(
            file(stateDir, instance), VERSION, scope, "ids", "the watchlist ids", label);
    PlexDiscoverIds ids = new PlexDiscoverIds(file, log);
    ids.read();
    return ids;
  }

  /** Where the ids of one instance live. */
  static Path file(Path stateDir, String instance) {
    return SnapshotStore.file(stateDir, "PLEX-discover", instance);
  }

  /** The remembered ids of a Discover key, or {@code null}. */
  synchronized Ids get(String key) {
    return idsByKey.get(key);
  }

  /** Remembers the ids of a Discover key; ids without a cross-provider id are not kept. */
  synchronized void put(String key, Ids ids) {
    if (ids.hasCrossProviderId() && !ids.equals(idsByKey.put(key, ids))) {
      dirty = true;
    }
  }

  /** Forgets every key but {@code keys} (those still on the watchlist). */
  synchronized void retain(Set<String> keys) {
    dirty |= idsByKey.keySet().retainAll(keys);
  }

  /** Writes the ids when they changed; a failure is a warning (the cache is an optimisation). */
  synchronized void save() {
    if (dirty
        && file.write(
            titles ->
                idsByKey.forEach(
                    (key, ids) -> {
                      ObjectNode o = titles.putObject(key);
                      ids.forEach((kind, value) -> o.put(kind.key(), value));
                    }),
            log,
            "the next run looks them up again")) {
      dirty = false;
    }
  }

  private void read() {
    ScopedCacheFile.Contents contents = file.read(log);
    dirty = contents.replace();
    for (Map.Entry<String, JsonNode> e : contents.section().properties()) {
      Ids ids = ids(e.getValue());
      if (ids.hasCrossProviderId()) {
        idsByKey.put(e.getKey(), ids);
      }
    }
  }

  private static Ids ids(JsonNode o) {
    Map<IdKind, String> raw = new EnumMap<>(IdKind.class);
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (e.getValue().isString()) {
        IdKind.fromKey(e.getKey()).ifPresent(k -> raw.put(k, e.getValue().stringValue()));
      }
    }
    return Ids.of(raw);
  }
}
