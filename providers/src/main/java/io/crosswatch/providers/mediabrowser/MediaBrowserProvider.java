package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.mediabrowser.MediaBrowserSettings.WatchlistMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One user on a Jellyfin or Emby server: history is the played state (one play per title at its
 * last played date), the watchlist is the favourites (or a named playlist), ratings are the user's
 * 0–10 ratings. One library pass per run feeds all three features and the write lookups.
 */
final class MediaBrowserProvider implements Provider {
  static final Set<Feature> FEATURES =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS);
  private static final Set<MediaType> PLAYABLE = EnumSet.of(MediaType.MOVIE, MediaType.EPISODE);
  private static final Set<MediaType> TITLES =
      EnumSet.of(MediaType.MOVIE, MediaType.SHOW, MediaType.EPISODE);

  private final String instance;
  private final MediaBrowserSettings settings;
  private final MediaBrowserApi api;
  private final LibraryReader reader;
  private final UserDataWrites writes;
  private final PlaylistWatchlist playlist;
  private final Set<Feature> served = EnumSet.noneOf(Feature.class);
  private LibraryIndex index;

  MediaBrowserProvider(
      String instance, MediaBrowserSettings settings, MediaBrowserApi api, LibraryReader reader) {
    this.instance = instance;
    this.settings = settings;
    this.api = api;
    this.reader = reader;
    this.writes = new UserDataWrites(api, settings.userId());
    this.playlist =
        settings.watchlistMode() == WatchlistMode.PLAYLIST
            ? new PlaylistWatchlist(api, settings.userId(), settings.playlistName())
            : null;
  }

  @Override
  public String name() {
    return api.dialect().providerName();
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  @Override
  public HealthReport health() {
    return new MediaBrowserHealth(label(), api, settings, FEATURES).check();
  }

  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    LibraryIndex library = index(feature, true);
    if (feature == Feature.WATCHLIST && playlist != null) {
      return playlist.snapshot(library);
    }
    List<Item> items = new ArrayList<>();
    for (LibraryEntry e :
        library.entriesFor(feature, feature == Feature.HISTORY ? PLAYABLE : TITLES)) {
      toItem(library, feature, e).ifPresent(items::add);
    }
    return items;
  }

  private static Optional<Item> toItem(LibraryIndex library, Feature feature, LibraryEntry e) {
    UserState s = library.state(e);
    Item item = library.toItem(e);
    switch (feature) {
      case HISTORY:
        return s.played() ? Optional.of(item.withWatchedAt(s.lastPlayed())) : Optional.empty();
      case WATCHLIST:
        return s.favorite() ? Optional.of(item) : Optional.empty();
      default:
        Integer rating = s.crosswatchRating();
        return rating == null ? Optional.empty() : Optional.of(item.withRating(rating, null));
    }
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(feature, true, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    return write(feature, false, items);
  }

  private WriteResult write(Feature feature, boolean add, List<Item> items)
      throws ProviderException {
    if (items.isEmpty()) {
      return new WriteResult(List.of());
    }
    LibraryIndex library = index(feature, false);
    if (feature == Feature.WATCHLIST && playlist != null) {
      playlist.prepare(library, add);
      return BoundedWriter.run(
          items, settings.concurrency(), item -> playlist.write(library, add, item));
    }
    return BoundedWriter.run(
        items, settings.concurrency(), item -> writes.write(library, feature, add, item));
  }

  /**
   * The library pass: read once and shared by the features of a run; a second snapshot of a feature
   * means a fresh view is wanted, so the library is read again.
   */
  private synchronized LibraryIndex index(Feature feature, boolean forSnapshot)
      throws ProviderException {
    if (index == null || (forSnapshot && served.contains(feature))) {
      index = reader.read();
      served.clear();
      if (playlist != null) {
        playlist.forget();
      }
    }
    if (forSnapshot) {
      served.add(feature);
    }
    return index;
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return Optional.of(api.client().usage());
  }
}
