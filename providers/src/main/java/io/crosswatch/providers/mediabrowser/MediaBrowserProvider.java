package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.providers.mediabrowser.MediaBrowserSettings.WatchlistMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One user on a Jellyfin or Emby server: history is the played state (one play per title at its
 * last played date), the watchlist is the favourites (or a named playlist), ratings are the user's
 * 0–10 ratings, progress is the resume position ({@code PlaybackPositionTicks}) and playlists are
 * the user's video playlists. One library pass per run feeds the features and the write lookups.
 */
final class MediaBrowserProvider implements Provider {
  static final Set<Feature> FEATURES =
      EnumSet.of(
          Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS, Feature.PLAYLISTS, Feature.PROGRESS);
  private static final Set<MediaType> PLAYABLE = EnumSet.of(MediaType.MOVIE, MediaType.EPISODE);
  private static final Set<MediaType> TITLES =
      EnumSet.of(MediaType.MOVIE, MediaType.SHOW, MediaType.EPISODE);

  private final String instance;
  private final MediaBrowserSettings settings;
  private final MediaBrowserApi api;
  private final LibraryReader reader;
  private final UserDataWrites writes;
  private final PlaylistWatchlist playlist;
  private final MediaBrowserPlaylists playlists;
  private final Set<Feature> served = EnumSet.noneOf(Feature.class);
  private final PlaybackSource source;
  private LibraryIndex index;

  MediaBrowserProvider(
      String instance,
      MediaBrowserSettings settings,
      MediaBrowserApi api,
      LibraryReader reader,
      PlaybackSource source) {
    this.instance = instance;
    this.source = source;
    this.settings = settings;
    this.api = api;
    this.reader = reader;
    this.writes = new UserDataWrites(api, settings.userId());
    this.playlist =
        settings.watchlistMode() == WatchlistMode.PLAYLIST
            ? new PlaylistWatchlist(api, settings.userId(), settings.playlistName())
            : null;
    this.playlists =
        new MediaBrowserPlaylists(
            api, settings.userId(), playlist == null ? null : settings.playlistName());
  }

  @Override
  public Optional<PlaybackSource> playbackSource() {
    return Optional.of(source);
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
    if (feature == Feature.PLAYLISTS) {
      return playlists.snapshot(library);
    }
    List<Item> items = new ArrayList<>();
    for (LibraryEntry e :
        library.entriesFor(
            feature,
            feature == Feature.HISTORY || feature == Feature.PROGRESS ? PLAYABLE : TITLES)) {
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
      case PROGRESS:
        return resumePoint(item, s, e);
      default:
        Integer rating = s.crosswatchRating();
        return rating == null ? Optional.empty() : Optional.of(item.withRating(rating, null));
    }
  }

  /**
   * A resume point from the library pass itself (its {@code UserData} carries the position, its
   * {@code RunTimeTicks} the runtime): no request beyond the pass. The pause time is the last
   * played date, which a playback report sets; a title without one has none.
   */
  private static Optional<Item> resumePoint(Item item, UserState s, LibraryEntry e) {
    if (s.positionTicks() <= 0) {
      return Optional.empty();
    }
    Long duration =
        e.runTimeTicks() == null ? null : e.runTimeTicks() / UserDataWrites.TICKS_PER_MS;
    return Optional.of(
        item.withProgress(
            s.positionTicks() / UserDataWrites.TICKS_PER_MS, duration, s.lastPlayed()));
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      return items.isEmpty()
          ? new WriteResult(List.of())
          : playlists.add(index(feature, false), items);
    }
    return write(feature, true, items);
  }

  /** A playlist update is a reorder; other updates write as adds do. */
  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      return items.isEmpty()
          ? new WriteResult(List.of())
          : playlists.reorder(index(feature, false), items);
    }
    return add(feature, items);
  }

  /** Playlist entries move one by one ({@code …/Move/{index}}). */
  @Override
  public boolean canReorder(Feature feature) {
    return feature == Feature.PLAYLISTS;
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      return items.isEmpty()
          ? new WriteResult(List.of())
          : playlists.remove(index(feature, false), items);
    }
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
