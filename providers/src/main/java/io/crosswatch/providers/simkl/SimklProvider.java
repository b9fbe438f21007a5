package io.crosswatch.providers.simkl;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.TitleMatch;
import io.crosswatch.core.provider.TitleResolution;
import io.crosswatch.core.provider.TitleSearches;
import io.crosswatch.core.provider.WriteCost;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.providers.http.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One SIMKL account: watchlist (Plan to Watch), history and ratings of movies, shows and anime,
 * paused playbacks as resume points ({@link SimklProgress}), and a scrobbling sink ({@link
 * SimklScrobbleTarget}). SIMKL has no user lists beyond its status lists: playlists are
 * unsupported.
 *
 * <p>SIMKL keeps a <em>library</em>: each title sits in exactly one list (plantowatch, watching,
 * completed, hold, dropped) and carries its plays (a movie's last watch time, a show's watched
 * episodes) and its rating. Snapshots read the whole library once ({@link SimklReader}) and show
 * three views of it: the watchlist is Plan to Watch; history is every recorded play, whichever list
 * holds the title; ratings are every rated title.
 *
 * <p><b>The remove trap.</b> SIMKL has no "remove from Plan to Watch": {@code POST
 * /sync/history/remove} of a movie or show deletes the whole library entry, its plays and rating
 * included. So that a watchlist remove never erases history or ratings the user still has:
 *
 * <ul>
 *   <li>a title on Plan to Watch with plays is <em>moved</em> with {@code POST /sync/add-to-list}
 *       to where its plays belong: movies to {@code completed}, shows and anime to {@code
 *       completed} when every aired episode is watched and to {@code watching} otherwise. A move
 *       keeps the entry, so its plays and rating stay (SIMKL documents add-to-list as moving a
 *       title between lists; that the move keeps a movie's watch time is assumed);
 *   <li>a title on Plan to Watch with a rating but no plays is refused ({@code FAILED}, not
 *       retriable, the reason says why and what to do): every list SIMKL could move it to would
 *       invent or misstate a viewing (completed records a watch, dropped claims the user gave up),
 *       and deleting it would delete the rating;
 *   <li>only a title with neither is deleted;
 *   <li>a title that is not on Plan to Watch is {@code NOT_FOUND} ({@code not_on_watchlist}) and
 *       nothing is sent: deleting it would wipe a completed or watching entry.
 * </ul>
 *
 * The same rule guards history: an episode's play is unmarked alone (the show stays), but a movie's
 * play can only go by deleting the movie, so a rated movie's play remove is refused. A watchlist
 * add of a title that already sits in another list with plays or a rating is refused too: moving it
 * to Plan to Watch could drop them, and the next history sync would then move it back.
 *
 * <p>Other SIMKL rules: only movies and shows have watchlist entries and ratings (seasons and
 * episodes are {@code NOT_FOUND} with reason {@code not_listable} / {@code not_ratable}); rating a
 * title that is not in the library makes SIMKL file it (a released movie under completed); numeric
 * ids often arrive as strings; an empty library answers {@code null}. Requests are paced to SIMKL's
 * 10 GETs and 1 POST per second.
 *
 * <p><b>Reading little.</b> SIMKL suspends clients that re-read libraries on a timer. Each run asks
 * {@code GET /sync/activities} once (health uses the answer too) and reuses the snapshot stored in
 * the state dir's cache when the feature's activity times did not move, so a run in which nothing
 * changed makes that one call. A moved activity time reads the whole library again (SIMKL's {@code
 * date_from} deltas filter on watch time and would miss back-dated plays and removals); a stored
 * snapshot is never re-read merely for its age. A write drops the stored snapshots, and {@link
 * #settle} reads them again once the run's writes are done.
 */
final class SimklProvider implements Provider {
  static final Set<Feature> FEATURES =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS, Feature.PROGRESS);

  /** The features one library read fills; progress is read apart ({@link SimklProgress}). */
  private static final Set<Feature> LIBRARY =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS);

  /** SIMKL's pacing of POSTs (a resume point is one): one per second per token. */
  private static final Duration WRITE_PACING = Duration.ofSeconds(1);

  private final String instance;
  private final SimklSettings settings;
  private final String tokenProblem;
  private final SimklApi api;
  private final TitleSearches searches = new TitleSearches();
  private final SnapshotStore cache;
  private final SimklReader reader;
  private final SimklWriter writer;
  private final SimklProgress progress;
  private SimklActivities activities;

  /**
   * @param tokenProblem why the stored token could not be read (a damaged token file), or {@code
   *     null}
   */
  SimklProvider(
      String instance,
      SimklSettings settings,
      String tokenProblem,
      SimklApi api,
      SnapshotStore cache) {
    this.instance = instance;
    this.settings = settings;
    this.tokenProblem = tokenProblem;
    this.api = api;
    this.cache = cache;
    this.reader = new SimklReader(api, label());
    this.writer = new SimklWriter(api, reader, this::changing);
    this.progress = new SimklProgress(api);
  }

  @Override
  public String name() {
    return "SIMKL";
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  /**
   * Checks the token with {@code GET /sync/activities}, SIMKL's cheapest authenticated call, whose
   * answer the run's snapshots then use.
   */
  @Override
  public HealthReport health() {
    String problem = credentialProblem();
    if (problem != null) {
      return new HealthReport(
          HealthReport.Status.AUTH_FAILED, problem, Duration.ZERO, Set.of(), Map.of());
    }
    long started = System.nanoTime();
    try {
      SimklActivities acts = activities();
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      Map<String, String> details = new LinkedHashMap<>();
      details.put("auth", "valid");
      acts.lastActivity().ifPresent(a -> details.put("last_activity", a));
      details.putAll(api.client().rateDetails());
      return new HealthReport(HealthReport.Status.OK, "ok", latency, FEATURES, details);
    } catch (ProviderException e) {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      if (e.kind() == Kind.AUTH) {
        return new HealthReport(
            HealthReport.Status.AUTH_FAILED, e.getMessage(), latency, Set.of(), Map.of());
      }
      return HealthReport.down(e.getMessage(), latency);
    }
  }

  private String credentialProblem() {
    if (tokenProblem != null) {
      return label() + ": " + tokenProblem;
    }
    if (settings.clientId().isEmpty() || settings.accessToken().isEmpty()) {
      String missing = settings.clientId().isEmpty() ? "client_id" : "access_token";
      return label()
          + ": "
          + missing
          + " is empty; authorize crosswatch with SIMKL first (cw auth simkl)";
    }
    return null;
  }

  /**
   * The feature's items: the stored snapshot when SIMKL's activity times for the feature are those
   * it was stored with, however old it is; else the whole library is read once and every feature's
   * view of it is stored with the times asked just before.
   */
  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    SimklActivities acts = activities();
    if (feature == Feature.PROGRESS) {
      return cache.snapshot(feature, acts.marks(feature), f -> progress.snapshot());
    }
    return cache.snapshot(feature, acts.marks(feature), f -> readLibrary(acts, f));
  }

  /**
   * Reads the whole library once and returns the feature's view of it; the other features' views
   * are stored too, with their own times asked before the read.
   */
  private List<Item> readLibrary(SimklActivities acts, Feature feature) throws ProviderException {
    SimklLibrary library = reader.library();
    for (Feature other : LIBRARY) {
      if (other != feature) {
        cache.store(other, acts.marks(other), library.items(other));
      }
    }
    return library.items(feature);
  }

  /**
   * The activity times, asked once and kept until this instance writes. A library read before them
   * is dropped, so that stored snapshots never carry marks newer than their data.
   */
  private SimklActivities activities() throws ProviderException {
    if (activities == null) {
      activities = new SimklActivities(api.call(ApiRequest.get("/sync/activities")));
      reader.invalidate();
    }
    return activities;
  }

  /**
   * Forgets what a write may change. On SIMKL any write may touch every feature (a deleted title
   * takes its plays and rating along; rating a title files it in a list).
   */
  private void changing() {
    reader.invalidate();
    activities = null;
    LIBRARY.forEach(cache::drop);
  }

  /** Forgets the resume points and activity times after a progress write. */
  private void changingProgress() {
    activities = null;
    cache.drop(Feature.PROGRESS);
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    switch (feature) {
      case PROGRESS:
        changingProgress();
        return progress.write(items);
      case WATCHLIST:
        return writer.watchlistAdd(items);
      case HISTORY:
        return writer.historyAdd(items);
      default:
        return writer.ratingsAdd(items);
    }
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    switch (feature) {
      case PROGRESS:
        changingProgress();
        return progress.clear(items);
      case WATCHLIST:
        return writer.watchlistRemove(items);
      case HISTORY:
        return writer.historyRemove(items);
      default:
        return writer.ratingsRemove(items);
    }
  }

  /**
   * Forgets the stored snapshots after a guard found one suspect, so that the next run reads it in
   * full even though SIMKL's activity times have not moved: for a library feature all three, since
   * one library read filled them all (and costs the same for one feature as for three); for
   * progress the resume points alone.
   */
  @Override
  public void discardSnapshot(Feature feature) {
    if (feature == Feature.PROGRESS) {
      cache.discard(feature);
    } else {
      LIBRARY.forEach(cache::discard);
    }
  }

  /** Each resume point is one paced call (a paused scrobble, or a delete to clear it). */
  @Override
  public Optional<WriteCost> writeCost(Feature feature, WriteOp op, int items) {
    return feature == Feature.PROGRESS
        ? Optional.of(WriteCost.perItem(items, WRITE_PACING))
        : Optional.empty();
  }

  /** SIMKL's scrobble API ({@link SimklScrobbleTarget}). */
  @Override
  public Optional<ScrobbleTarget> scrobbleTarget() {
    return Optional.of(new SimklScrobbleTarget(api, label()));
  }

  /**
   * Reads again the features this run's writes made stale (activity times first), so that the next
   * run finds its own writes in the snapshot cache and makes only the activity call.
   */
  @Override
  public void settle() {
    cache.refreshDropped(this::snapshot);
  }

  /**
   * SIMKL's title search: {@code GET /search/{movie|tv}?q=}, one call per title (asked again by
   * another item, feature or pair, the answer is reused).
   */
  @Override
  public Optional<List<TitleResolution>> resolve(List<Item> items) throws ProviderException {
    List<TitleResolution> answers = new ArrayList<>(items.size());
    for (Item item : items) {
      String path =
          "/search/"
              + (item.type() == MediaType.MOVIE ? "movie" : "tv")
              + "?q="
              + URLEncoder.encode(item.title(), StandardCharsets.UTF_8);
      List<Item> results =
          searches.results(
              path,
              () -> {
                List<Item> found = new ArrayList<>();
                for (JsonNode row : api.call(ApiRequest.get(path))) {
                  found.add(SimklItems.media(item.type(), row));
                }
                return found;
              });
      answers.add(TitleMatch.pick(item, results));
    }
    return Optional.of(answers);
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return Optional.of(api.client().usage());
  }
}
