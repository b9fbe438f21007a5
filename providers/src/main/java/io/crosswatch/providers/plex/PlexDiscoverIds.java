package io.crosswatch.providers.plex;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.providers.cache.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int VERSION = 1;

  private final Path file;
  private final String scope;
  private final DiagnosticLog log;
  private final String label;
  private final Map<String, Ids> idsByKey = new TreeMap<>();
  private boolean dirty;

  private PlexDiscoverIds(Path file, String scope, DiagnosticLog log, String label) {
    this.file = file;
    this.scope = scope;
    this.log = log;
    this.label = label;
  }

  /** The ids of one instance, read from its file when it belongs to {@code scope}. */
  static PlexDiscoverIds load(
      Path stateDir, String instance, String scope, DiagnosticLog log, String label) {
    PlexDiscoverIds ids = new PlexDiscoverIds(file(stateDir, instance), scope, log, label);
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
    if (!dirty) {
      return;
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("scope", scope);
    ObjectNode titles = root.putObject("ids");
    idsByKey.forEach(
        (key, ids) -> {
          ObjectNode o = titles.putObject(key);
          ids.forEach((kind, value) -> o.put(kind.key(), value));
        });
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeOwnerOnly(file, out -> out.write(bytes));
      dirty = false;
    } catch (IOException e) {
      log.warn(
          label
              + ": cannot save the watchlist ids "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); the next run looks them up again");
    }
  }

  private void read() {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | JacksonException e) {
      log.warn(label + ": the watchlist ids " + file + " cannot be read; they are rebuilt");
      dirty = true;
      return;
    }
    if (root == null
        || root.path("version").asInt(0) != VERSION
        || !scope.equals(root.path("scope").asString(""))) {
      dirty = true;
      return;
    }
    for (Map.Entry<String, JsonNode> e : root.path("ids").properties()) {
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
