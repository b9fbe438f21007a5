package io.crosswatch.providers.tracker;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LibraryDocument;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes the local tracker database as a FILE document. */
public final class TrackerExport {
  private TrackerExport() {}

  /**
   * Exports every feature of the tracker database to {@code out} (atomically).
   *
   * @return how many items were written
   * @throws java.nio.file.NoSuchFileException when there is no database at {@code trackerDatabase}
   * @throws TrackerDatabaseException when the database is damaged (it is left untouched)
   */
  public static int export(Path trackerDatabase, Path out) throws java.io.IOException {
    Objects.requireNonNull(trackerDatabase, "trackerDatabase");
    Objects.requireNonNull(out, "out");
    Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
    List<PlaylistRef> playlists;
    try (TrackerDatabase db = TrackerDatabase.openReadOnly(trackerDatabase)) {
      for (Map.Entry<Feature, ItemIndex> e : db.load().entrySet()) {
        items.put(e.getKey(), e.getValue().items());
      }
      playlists = db.loadPlaylists();
    }
    AtomicFiles.write(
        out, stream -> LibraryDocument.write(stream, items, Map.of(), playlists), null);
    return items.values().stream().mapToInt(List::size).sum();
  }

  /**
   * Where the tracker database lives: {@code tracker.path} if set, else {@code
   * <state_dir>/tracker.db}.
   */
  public static Path databasePath(String configuredPath, Path configDir, Path stateDir) {
    if (configuredPath == null || configuredPath.isBlank()) {
      return stateDir.resolve("tracker.db");
    }
    return configDir.resolve(configuredPath).normalize();
  }
}
