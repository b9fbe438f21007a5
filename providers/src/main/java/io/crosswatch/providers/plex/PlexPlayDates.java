package io.crosswatch.providers.plex;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.providers.cache.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The play times crosswatch gave the titles it marked played. A scrobble sets a title's last viewed
 * date to the server's own now, so a play copied from another service would come back at the time
 * it was written and be sent back there as a newer viewing. For each title it marked played, this
 * keeps the play's time with the server's {@code viewCount} and {@code lastViewedAt} right after
 * the write; while the server still shows those, the title's play is reported at the play's time.
 * Any later viewing or unplay changes them, and the server's own date shows again.
 *
 * <p>Kept per instance in {@code <state_dir>/cache/PLEX-plays-<instance>.json}, scoped to the
 * server's address. Like every cache it may be deleted; a missing, damaged or foreign file is
 * ignored (with a warning when damaged). Thread-safe.
 */
final class PlexPlayDates {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int VERSION = 1;

  /** What the server showed right after crosswatch marked a title played at {@code play}. */
  record Mark(Instant play, long viewCount, Instant viewedAt) {}

  private final Path file;
  private final String scope;
  private final DiagnosticLog log;
  private final String label;
  private final Map<String, Mark> marks = new TreeMap<>();
  private boolean dirty;

  private PlexPlayDates(Path file, String scope, DiagnosticLog log, String label) {
    this.file = file;
    this.scope = scope;
    this.log = log;
    this.label = label;
  }

  /** The marks of one instance, read from its file when it belongs to {@code scope}. */
  static PlexPlayDates load(
      Path stateDir, String instance, String scope, DiagnosticLog log, String label) {
    PlexPlayDates dates = new PlexPlayDates(file(stateDir, instance), scope, log, label);
    dates.read();
    return dates;
  }

  /** Where the marks of one instance live. */
  static Path file(Path stateDir, String instance) {
    return SnapshotStore.file(stateDir, "PLEX-plays", instance);
  }

  /** When the title's play happened: the mark's play time while the server is unchanged. */
  synchronized Instant watchedAt(PlexEntry e) {
    Mark m = marks.get(e.ratingKey());
    if (m == null) {
      return e.lastViewedAt();
    }
    if (m.viewCount() == e.viewCount() && m.viewedAt().equals(e.lastViewedAt())) {
      return m.play();
    }
    marks.remove(e.ratingKey());
    dirty = true;
    return e.lastViewedAt();
  }

  /** Remembers that the title was marked played at {@code play} and what the server showed. */
  synchronized void record(String ratingKey, Instant play, long viewCount, Instant viewedAt) {
    marks.put(ratingKey, new Mark(play, viewCount, viewedAt));
    dirty = true;
  }

  /** Writes the marks when they changed; a failure is a warning (the cache is an optimisation). */
  synchronized void save() {
    if (!dirty) {
      return;
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("scope", scope);
    ObjectNode plays = root.putObject("plays");
    marks.forEach(
        (key, m) -> {
          ObjectNode o = plays.putObject(key);
          o.put("play", m.play().toString());
          o.put("view_count", m.viewCount());
          o.put("viewed_at", m.viewedAt().getEpochSecond());
        });
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeOwnerOnly(file, out -> out.write(bytes));
      dirty = false;
    } catch (IOException e) {
      log.warn(
          label
              + ": cannot save the play times "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); plays written in this run may be sent back once as newer viewings");
    }
  }

  private void read() {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | JacksonException e) {
      log.warn(label + ": the play times " + file + " cannot be read; they are rebuilt");
      return;
    }
    if (root == null
        || root.path("version").asInt(0) != VERSION
        || !scope.equals(root.path("scope").asString(""))) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : root.path("plays").properties()) {
      Mark m = mark(e.getValue());
      if (m != null) {
        marks.put(e.getKey(), m);
      }
    }
  }

  private static Mark mark(JsonNode o) {
    try {
      Long count = PlexEntries.whole(o.get("view_count"));
      Instant viewed = PlexEntries.epoch(o.get("viewed_at"));
      String play = PlexEntries.text(o, "play");
      return count == null || viewed == null || play == null
          ? null
          : new Mark(Instant.parse(play), count, viewed);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
