package io.crosswatch.providers.tracker;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LocalProvider;
import io.crosswatch.providers.local.LocalWrites;
import io.crosswatch.providers.local.PlaylistBook;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local tracker database, holding every feature. Its content is read once, on first use, and
 * kept in memory for matching; every write call that changes something is one database transaction,
 * committed before the call returns.
 */
final class TrackerProvider extends LocalProvider {
  private TrackerDatabase database;
  private Map<Feature, ItemIndex> indexes;
  private PlaylistBook playlists;
  private String problem;

  private final TrackerScrobbleTarget scrobbles = new TrackerScrobbleTarget(this);

  TrackerProvider(String instance, Path file, Clock clock) {
    super(TrackerProviderFactory.NAME, instance, file, clock);
  }

  /** Scrobbled plays go to the history of this database. */
  @Override
  public Optional<ScrobbleTarget> scrobbleTarget() {
    return Optional.of(scrobbles);
  }

  @Override
  protected String problem() {
    ensureLoaded();
    return problem;
  }

  @Override
  protected int count(Feature feature) {
    return indexes.get(feature).size();
  }

  @Override
  protected String healthMessage() {
    return "tracker database " + file();
  }

  @Override
  protected List<Item> items(Feature feature) {
    return indexes.get(feature).items();
  }

  @Override
  protected ItemIndex index(Feature feature) {
    return indexes.get(feature);
  }

  @Override
  protected PlaylistBook playlists() {
    return playlists;
  }

  @Override
  protected void save(Feature feature, LocalWrites.Op op, LocalWrites.Changes changes)
      throws ProviderException {
    try {
      database.apply(feature, changes);
    } catch (SQLException | RuntimeException e) {
      // The memory copy now differs from the database: read it again on next use.
      indexes = null;
      boolean busy = e instanceof SQLException && TrackerDatabase.isBusy((SQLException) e);
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "%s feature=%s op=%s: cannot write tracker database %s: %s%s",
              label(),
              feature.key(),
              op.name().toLowerCase(Locale.ROOT),
              file(),
              e.getMessage(),
              busy ? " (another program holds it; retrying may help)" : ""),
          busy,
          null,
          e);
    }
  }

  private void ensureLoaded() {
    if (indexes != null || problem != null) {
      return;
    }
    try {
      if (database == null) {
        database = TrackerDatabase.open(file());
      }
      indexes = database.load();
      playlists = PlaylistBook.of(database.loadPlaylists());
    } catch (IOException e) {
      problem = label() + ": " + e.getMessage();
      close();
    }
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
    indexes = null; // read again if used after closing
  }
}
