package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.scrobble.PlaybackSource;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One Plex account and server: history, ratings and resume points ({@code viewOffset}) from the
 * server's libraries (one paged pass per run, reused by every snapshot and write of this instance),
 * the server's video playlists ({@link PlexPlaylists}), the watchlist from Plex Discover.
 */
final class PlexProvider implements Provider {
  private final String instance;
  private final String settingsPath;
  private final PlexSettings settings;
  private final PlexServer server;
  private final PlexWatchlist watchlist;
  private final PlexApi discover;
  private final PlexApi plexTv;
  private final PlexServerWrites writes;
  private final PlexHealth health;
  private final PlexPlayDates playDates;
  private final PlexProgress progress;
  private final PlexPlaylists playlists;
  private final PlaybackSource source;
  private Set<String> historySections;
  private Set<String> ratingsSections;

  PlexProvider(
      String instance,
      String settingsPath,
      PlexSettings settings,
      PlexServer server,
      PlexWatchlist watchlist,
      PlexApi discover,
      PlexApi plexTv,
      PlexPlayDates playDates,
      Clock clock,
      PlaybackSource source) {
    this.instance = instance;
    this.source = source;
    this.settingsPath = settingsPath;
    this.settings = settings;
    this.server = server;
    this.watchlist = watchlist;
    this.discover = discover;
    this.plexTv = plexTv;
    this.playDates = playDates;
    this.writes = server == null ? null : new PlexServerWrites(server, playDates, clock);
    this.health = new PlexHealth(this, settings, server, plexTv);
    this.progress = server == null ? null : new PlexProgress(server, clock);
    this.playlists = server == null ? null : new PlexPlaylists(server);
  }

  @Override
  public String name() {
    return "PLEX";
  }

  @Override
  public Optional<PlaybackSource> playbackSource() {
    return Optional.of(source);
  }

  @Override
  public String instance() {
    return instance;
  }

  /** The features a Plex instance may serve (the watchlist needs an account, the rest a server). */
  static final Set<Feature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Feature.WATCHLIST,
              Feature.HISTORY,
              Feature.RATINGS,
              Feature.PLAYLISTS,
              Feature.PROGRESS));

  /**
   * The id kinds Plex items carry: its own rating keys and whatever cross-provider ids the server's
   * agents and Discover report.
   */
  static final Set<IdKind> ID_KINDS = idKinds();

  private static Set<IdKind> idKinds() {
    Set<IdKind> kinds = EnumSet.of(IdKind.PLEX);
    for (IdKind k : IdKind.values()) {
      if (k.crossProvider()) {
        kinds.add(k);
      }
    }
    return Collections.unmodifiableSet(kinds);
  }

  @Override
  public Set<Feature> features() {
    Set<Feature> f = EnumSet.noneOf(Feature.class);
    if (server != null) {
      f.add(Feature.HISTORY);
      f.add(Feature.RATINGS);
      f.add(Feature.PLAYLISTS);
      f.add(Feature.PROGRESS);
    }
    if (!settings.accountToken().isEmpty() || server == null) {
      f.add(Feature.WATCHLIST);
    }
    return f;
  }

  @Override
  public HealthReport health() {
    return health.check();
  }

  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    if (feature == Feature.WATCHLIST) {
      requireAccount();
      return watchlist.snapshot();
    }
    if (feature == Feature.PLAYLISTS) {
      return playlists.snapshot(library(), allSections());
    }
    if (feature == Feature.PROGRESS) {
      return progress.snapshot(library(), sections(Feature.HISTORY));
    }
    List<Item> items = library().snapshot(feature, sections(feature), playDates::watchedAt);
    playDates.save();
    return items;
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.WATCHLIST) {
      requireAccount();
      return ItemWrites.run(items, PlexProviderFactory.WRITE_CONCURRENCY, watchlist::add);
    }
    if (feature == Feature.PLAYLISTS) {
      return playlists.add(library(), allSections(), items);
    }
    if (feature == Feature.PROGRESS) {
      PlexLibrary library = library();
      Set<String> sections = sections(Feature.HISTORY);
      return ItemWrites.run(
          items,
          PlexProviderFactory.WRITE_CONCURRENCY,
          item -> progress.write(library, sections, item));
    }
    PlexLibrary library = library();
    Set<String> sections = sections(feature);
    try {
      return ItemWrites.run(
          items,
          PlexProviderFactory.WRITE_CONCURRENCY,
          feature == Feature.HISTORY
              ? item -> writes.markPlayed(library, sections, item)
              : item -> writes.rate(library, sections, item));
    } finally {
      playDates.save();
    }
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.WATCHLIST) {
      requireAccount();
      return ItemWrites.run(items, PlexProviderFactory.WRITE_CONCURRENCY, watchlist::remove);
    }
    if (feature == Feature.PLAYLISTS) {
      return playlists.remove(library(), allSections(), items);
    }
    if (feature == Feature.PROGRESS) {
      PlexLibrary library = library();
      Set<String> sections = sections(Feature.HISTORY);
      return ItemWrites.run(
          items,
          PlexProviderFactory.WRITE_CONCURRENCY,
          item -> progress.clear(library, sections, item));
    }
    PlexLibrary library = library();
    Set<String> sections = sections(feature);
    return ItemWrites.run(
        items,
        PlexProviderFactory.WRITE_CONCURRENCY,
        feature == Feature.HISTORY
            ? item -> writes.markUnplayed(library, sections, item)
            : item -> writes.clearRating(library, sections, item));
  }

  /** A playlist update is a reorder; other updates write as adds do. */
  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      return playlists.reorder(library(), allSections(), items);
    }
    return add(feature, items);
  }

  /** Playlist entries move one by one ({@code …/move?after=}). */
  @Override
  public boolean canReorder(Feature feature) {
    return feature == Feature.PLAYLISTS;
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    long requests = 0;
    long retries = 0;
    long limited = 0;
    Map<String, Long> byEndpoint = new TreeMap<>();
    List<PlexApi> apis =
        server == null ? List.of(discover, plexTv) : List.of(server.api(), discover, plexTv);
    for (PlexApi api : apis) {
      ApiUsage u = api.client().usage();
      requests += u.requests();
      retries += u.retries();
      limited += u.rateLimited();
      u.byEndpoint().forEach((k, v) -> byEndpoint.merge(k, v, Long::sum));
    }
    return Optional.of(new ApiUsage(requests, retries, limited, byEndpoint));
  }

  /** The library index of every section history or ratings use. */
  private PlexLibrary library() throws ProviderException {
    if (server == null) {
      throw ProviderException.permanent(
          Kind.REJECTED,
          label() + ": history and ratings need a server; set " + settingsPath + ".server_url");
    }
    return server.library(allSections());
  }

  /** The sections of history and ratings together: what the library pass reads. */
  private Set<String> allSections() throws ProviderException {
    Set<String> all = new LinkedHashSet<>(sections(Feature.HISTORY));
    all.addAll(sections(Feature.RATINGS));
    return all;
  }

  private synchronized Set<String> sections(Feature feature) throws ProviderException {
    if (historySections == null) {
      historySections =
          server.sectionKeys(settings.historyLibraries(), settingsPath + ".history.libraries");
      ratingsSections =
          server.sectionKeys(settings.ratingsLibraries(), settingsPath + ".ratings.libraries");
    }
    return feature == Feature.HISTORY ? historySections : ratingsSections;
  }

  private void requireAccount() throws ProviderException {
    if (settings.accountToken().isEmpty()) {
      throw ProviderException.permanent(
          Kind.AUTH,
          label()
              + ": the watchlist lives on Plex Discover and needs "
              + settingsPath
              + ".account_token; sign in with cw auth plex");
    }
  }
}
