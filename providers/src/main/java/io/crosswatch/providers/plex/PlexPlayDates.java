package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.providers.cache.ScopedCacheFile;
import io.crosswatch.providers.cache.SnapshotStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
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
  private static final int VERSION = 1;

  /** What the server showed right after crosswatch marked a title played at {@code play}. */
  record Mark(Instant play, long viewCount, Instant viewedAt) {}

  private final ScopedCacheFile file;
  private final DiagnosticLog log;
  private final Map<String, Mark> marks = new TreeMap<>();
  private boolean dirty;

  private PlexPlayDates(ScopedCacheFile file, DiagnosticLog log) {
    this.file = file;
    this.log = log;
  }

  /** The marks of one instance, read from its file when it belongs to {@code scope}. */
  static PlexPlayDates load(
      Path stateDir, String instance, String scope, DiagnosticLog log, String label) {
    ScopedCacheFile file =
        new ScopedCacheFile(
            file(stateDir, instance), VERSION, scope, "plays", "the play times", label);
    PlexPlayDates dates = new PlexPlayDates(file, log);
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
    if (dirty
        && file.write(
            plays ->
                marks.forEach(
                    (key, m) -> {
                      ObjectNode o = plays.putObject(key);
                      o.put("play", m.play().toString());
                      o.put("view_count", m.viewCount());
                      o.put("viewed_at", m.viewedAt().getEpochSecond());
                    }),
            log,
            "plays written in this run may be sent back once as newer viewings")) {
      dirty = false;
    }
  }

  private void read() {
    for (Map.Entry<String, JsonNode> e : file.read(log).section().properties()) {
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
