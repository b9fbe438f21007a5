package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.providers.http.ApiRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MDBList account: watchlist ({@code /watchlist/items}), ratings ({@code /sync/ratings}),
 * history ({@code /sync/watched}) and lists as playlists ({@link MdblistPlaylists}) of movies and
 * shows, read in pages of {@link MdblistApi#PAGE_LIMIT}. Every call spends the key's daily quota;
 * the run stops (LIMIT, not retriable) before the last 10 % of it. Watchlist writes take flat
 * imdb/tmdb ids only; ratings and history writes take Trakt-like nested ids. Most of MDBList's sync
 * API is undocumented: the shapes assumed are marked where they are read.
 *
 * <p><b>Reading little.</b> Each run asks {@code GET /sync/last_activities} once (health uses the
 * answer too) and reuses the snapshot stored in the state dir's cache when the feature's activity
 * times did not move, so a run in which nothing changed makes that one call. A write drops every
 * stored snapshot (it moves {@code journal_at}) and {@link #settle} reads them again once the run's
 * writes are done; a snapshot older than {@code full_refresh_days} (default 7) is read again in
 * full, since the activities answer is unconfirmed.
 */
final class MdblistProvider implements Provider {
  static final String NO_IDS = "no_ids";
  static final String NOT_LISTABLE = "not_listable";
  static final String NOT_RATABLE = "not_ratable";

  static final Set<Feature> FEATURES =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS, Feature.PLAYLISTS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String instance;
  private final MdblistSettings settings;
  private final String keyProblem;
  private final MdblistApi api;
  private final SnapshotStore cache;
  private final DiagnosticLog log;
  private final MdblistPlaylists playlists;
  private MdblistActivities activities;
  private boolean noActivities;

  /**
   * @param keyProblem why the stored key could not be read (a damaged file), or {@code null}
   */
  MdblistProvider(
      String instance,
      MdblistSettings settings,
      String keyProblem,
      MdblistApi api,
      SnapshotStore cache,
      DiagnosticLog log) {
    this.instance = instance;
    this.settings = settings;
    this.keyProblem = keyProblem;
    this.api = api;
    this.cache = cache;
    this.log = log;
    this.playlists = new MdblistPlaylists(api, log, label());
  }

  @Override
  public String name() {
    return "MDBLIST";
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
   * Checks the key with {@code GET /sync/last_activities}, whose answer the run's snapshots then
   * use, and reports the quota left.
   */
  @Override
  public HealthReport health() {
    if (keyProblem != null || settings.apiKey().isEmpty()) {
      return new HealthReport(
          HealthReport.Status.AUTH_FAILED,
          label()
              + ": "
              + (keyProblem != null
                  ? keyProblem
                  : "api_key is empty; copy your key from mdblist.com preferences into the"
                      + " config, or save it with cw auth mdblist --api-key-stdin"),
          Duration.ZERO,
          Set.of(),
          Map.of());
    }
    long started = System.nanoTime();
    try {
      activities();
      if (withoutActivities()) {
        // The activities call was refused, so the key still needs checking.
        api.call(ApiRequest.get("/user"));
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("auth", "valid");
      api.quota().describe().ifPresent(q -> details.put("daily_quota_left", q));
      api.quota().resetAt().ifPresent(r -> details.put("daily_quota_resets_at", r.toString()));
      return new HealthReport(HealthReport.Status.OK, "ok", elapsed(started), FEATURES, details);
    } catch (ProviderException e) {
      if (e.kind() == Kind.AUTH) {
        return new HealthReport(
            HealthReport.Status.AUTH_FAILED, e.getMessage(), elapsed(started), Set.of(), Map.of());
      }
      return HealthReport.down(e.getMessage(), elapsed(started));
    }
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * The feature's items: the stored snapshot when MDBList's activity times for the feature are
   * those it was stored with and it is younger than {@code full_refresh_days}; else a full read,
   * stored with the times asked before it.
   */
  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    return cache.snapshot(
        feature,
        activities().marks(feature),
        Duration.ofDays(settings.fullRefreshDays()),
        this::read);
  }

  /**
   * The activity times, asked once and kept until this instance writes. Should MDBList refuse the
   * call (it is undocumented; a 404 would mean it is gone), nothing is reused and every feature is
   * read in full, with a warning, rather than failing the run.
   */
  private synchronized MdblistActivities activities() throws ProviderException {
    if (activities == null && noActivities) {
      activities = new MdblistActivities(NullNode.getInstance());
    }
    if (activities == null) {
      try {
        activities = new MdblistActivities(api.call(ApiRequest.get("/sync/last_activities")));
      } catch (ProviderException e) {
        if (e.kind() != Kind.REJECTED) {
          throw e;
        }
        log.warn(
            e.getMessage()
                + "; every feature is read in full, which spends more of the daily quota");
        noActivities = true;
        activities = new MdblistActivities(NullNode.getInstance());
      }
    }
    return activities;
  }

  private synchronized boolean withoutActivities() {
    return noActivities;
  }

  /**
   * Forgets what a write may change: the activity times (asked again before the next snapshot) and
   * every stored snapshot, since any write moves {@code journal_at}, which every feature's marks
   * hold ({@link #settle} reads them again once the run's writes are done).
   */
  private synchronized void changing() {
    activities = null;
    FEATURES.forEach(cache::drop);
  }

  private List<Item> read(Feature feature) throws ProviderException {
    List<Item> items = new ArrayList<>();
    switch (feature) {
      case PLAYLISTS:
        return playlists.snapshot();
      case WATCHLIST:
        readRows(
            ApiRequest.get("/watchlist/items").withQuery("unified", "true"),
            List.of("movies", "shows"),
            feature,
            (group, row) -> items.add(MdblistItems.watchlistRow(row, typeOfGroup(group))));
        break;
      case RATINGS:
        readRows(
            ApiRequest.get("/sync/ratings"),
            List.of("movies", "shows"),
            feature,
            (group, row) -> items.add(MdblistItems.ratingRow(row, typeOfGroup(group))));
        break;
      default:
        readRows(
            ApiRequest.get("/sync/watched"),
            List.of("movies", "shows", "episodes"),
            feature,
            (group, row) -> MdblistItems.playsOf(row, group, items::add));
    }
    return items;
  }

  private interface RowReader {
    void read(String group, JsonNode row);
  }

  private void readRows(ApiRequest base, List<String> keys, Feature feature, RowReader reader)
      throws ProviderException {
    for (MdblistApi.Page page : api.readAll(base, keys)) {
      for (String key : keys) {
        int i = 0;
        for (JsonNode row : page.body().path(key)) {
          try {
            reader.read(key, row);
          } catch (IllegalArgumentException e) {
            // A snapshot missing rows could look like removals downstream: fail it whole.
            throw new ProviderException(
                Kind.UNAVAILABLE,
                label()
                    + " "
                    + feature.key()
                    + " snapshot: "
                    + key
                    + "["
                    + i
                    + "] is malformed: "
                    + e.getMessage(),
                false,
                null,
                e);
          }
          i++;
        }
      }
    }
  }

  private static MediaType typeOfGroup(String group) {
    return group.equals("movies") ? MediaType.MOVIE : MediaType.SHOW;
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      changing();
      return playlists.add(items);
    }
    return write(feature, true, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      changing();
      return playlists.remove(items);
    }
    return write(feature, false, items);
  }

  private WriteResult write(Feature feature, boolean add, List<Item> items)
      throws ProviderException {
    List<ItemOutcome> out = new ArrayList<>();
    MdblistBatch batch = new MdblistBatch();
    for (Item item : items) {
      place(feature, add, item, batch).ifPresent(out::add);
    }
    if (!batch.isEmpty()) {
      changing();
      String path = path(feature, add);
      ApiRequest request = ApiRequest.post(path, batch.body());
      if (feature == Feature.HISTORY && add) {
        // A repeat after an unclear failure could record the plays twice.
        request = request.notRepeatable();
      }
      out.addAll(batch.outcomes(api.call(request)));
    }
    return new WriteResult(out);
  }

  private static String path(Feature feature, boolean add) {
    switch (feature) {
      case WATCHLIST:
        return add ? "/watchlist/items/add" : "/watchlist/items/remove";
      case HISTORY:
        return add ? "/sync/watched" : "/sync/watched/remove";
      default:
        return add ? "/sync/ratings" : "/sync/ratings/remove";
    }
  }

  /** Puts an item into the batch, or returns its outcome when it cannot be sent. */
  private static Optional<ItemOutcome> place(
      Feature feature, boolean add, Item item, MdblistBatch batch) {
    boolean title = item.type() == MediaType.MOVIE || item.type() == MediaType.SHOW;
    String key = item.type() == MediaType.MOVIE ? "movies" : "shows";
    if (feature == Feature.HISTORY && item.type() == MediaType.EPISODE) {
      if (item.show() == null
          || !MdblistItems.hasSyncIds(item.show().ids())
          || item.season() == null
          || item.number() == null) {
        return Optional.of(ItemOutcome.notFound(item, NO_IDS));
      }
      batch.addEpisode(item, playFields(item, add));
      return Optional.empty();
    }
    if (!title) {
      String reason = feature == Feature.RATINGS ? NOT_RATABLE : NOT_LISTABLE;
      return Optional.of(ItemOutcome.notFound(item, reason));
    }
    boolean usable =
        feature == Feature.WATCHLIST
            ? MdblistItems.hasFlatIds(item.ids())
            : MdblistItems.hasSyncIds(item.ids());
    if (!usable) {
      return Optional.of(ItemOutcome.notFound(item, NO_IDS));
    }
    if (feature == Feature.RATINGS
        && add
        && (item.rating() == null || item.rating() < 1 || item.rating() > 10)) {
      return Optional.of(
          ItemOutcome.failed(item, "rating must be 1–10, got " + item.rating(), false));
    }
    if (feature == Feature.WATCHLIST) {
      batch.add(item, key, MdblistItems.flatIds(item.ids()));
      return Optional.empty();
    }
    ObjectNode entry = NODES.objectNode();
    entry.set("ids", MdblistItems.idsJson(item.ids()));
    if (feature == Feature.RATINGS && add) {
      entry.put("rating", item.rating());
      if (item.ratedAt() != null) {
        entry.put("rated_at", MdblistItems.time(item.ratedAt()));
      }
    } else if (feature == Feature.HISTORY) {
      entry.setAll(playFields(item, add));
    }
    batch.add(item, key, entry);
    return Optional.empty();
  }

  private static ObjectNode playFields(Item item, boolean add) {
    ObjectNode f = NODES.objectNode();
    if (add && item.watchedAt() != null) {
      f.put("watched_at", MdblistItems.time(item.watchedAt()));
    }
    return f;
  }

  /**
   * Reads again the features this run's writes made stale (activity times first), so that the next
   * run finds its own writes in the snapshot cache and makes only the activity call.
   */
  /**
   * Forgets the stored snapshot of a feature a guard found suspect, so that the next run reads it
   * in full even though MDBList's activity times have not moved.
   */
  @Override
  public void discardSnapshot(Feature feature) {
    cache.discard(feature);
  }

  @Override
  public void settle() {
    cache.refreshDropped(this::snapshot);
  }

  /** MDBList's scrobble API ({@link MdblistScrobbleTarget}). */
  @Override
  public Optional<ScrobbleTarget> scrobbleTarget() {
    return Optional.of(new MdblistScrobbleTarget(api, label()));
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return Optional.of(api.client().usage());
  }
}
