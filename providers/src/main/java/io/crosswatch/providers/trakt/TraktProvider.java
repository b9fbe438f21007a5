package io.crosswatch.providers.trakt;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.TitleMatch;
import io.crosswatch.core.provider.TitleResolution;
import io.crosswatch.core.provider.WriteCost;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.UnclearOutcomes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Trakt account: watchlist, history and ratings through Trakt's sync API, personal lists as
 * playlists ({@link TraktPlaylists}) and playback progress as resume points ({@link
 * TraktProgress}).
 */
final class TraktProvider implements Provider {
  static final Set<Feature> FEATURES =
      EnumSet.of(
          Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS, Feature.PLAYLISTS, Feature.PROGRESS);

  /** Trakt's pacing of writes: one per second per user. */
  private static final Duration WRITE_PACING = Duration.ofSeconds(1);

  private static final String ACCOUNT_FACTS = "account";

  /** Items per write call unless the config says otherwise; see {@link #preferredChunkSize}. */
  static final int PREFERRED_CHUNK = 1000;

  private final String instance;
  private final TraktSettings settings;
  private final TraktApi api;
  private final SnapshotStore cache;
  private final Clock clock;
  private final TraktPlaylists playlists;
  private final TraktProgress progress;
  private final TraktScrobbleTarget scrobbles;
  private final DiagnosticLog log;
  private PlayIndex plays;
  private TraktActivities activities;

  TraktProvider(
      String instance,
      TraktSettings settings,
      TraktApi api,
      SnapshotStore cache,
      Clock clock,
      DiagnosticLog log) {
    this.instance = instance;
    this.settings = settings;
    this.api = api;
    this.cache = cache;
    this.clock = clock;
    this.playlists = new TraktPlaylists(api, "TRAKT:" + instance);
    this.progress = new TraktProgress(api);
    this.scrobbles = new TraktScrobbleTarget(api, "TRAKT:" + instance);
    this.log = log;
  }

  @Override
  public String name() {
    return "TRAKT";
  }

  @Override
  public Optional<ScrobbleTarget> scrobbleTarget() {
    return Optional.of(scrobbles);
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
   * Checks the token with {@code GET /sync/last_activities} (kept for this run's snapshots) and
   * reports the account's watchlist limit, read from {@code /users/settings} only when the
   * account's settings changed since it was cached.
   */
  @Override
  public HealthReport health() {
    long started = System.nanoTime();
    try {
      String missing = missingCredential();
      if (missing != null) {
        return authFailed(missing, Duration.ZERO);
      }
      Map<String, String> details = new LinkedHashMap<>(account(activities()));
      details.put("auth", "valid");
      details.putAll(api.client().rateDetails());
      return new HealthReport(HealthReport.Status.OK, "ok", elapsed(started), FEATURES, details);
    } catch (ProviderException e) {
      if (e.kind() == Kind.AUTH) {
        return authFailed(e.getMessage() + expiryNote(), elapsed(started));
      }
      return HealthReport.down(e.getMessage(), elapsed(started));
    }
  }

  private String missingCredential() throws ProviderException {
    if (settings.clientId().isEmpty()) {
      return label()
          + ": client_id is empty; create a Trakt app and put its client_id in the "
          + "config";
    }
    Tokens t = api.tokens().current();
    if (!t.hasAccessToken() && !t.hasRefreshToken()) {
      return label() + ": access_token is empty; " + api.tokens().advice();
    }
    return null;
  }

  private static HealthReport authFailed(String message, Duration latency) {
    return new HealthReport(HealthReport.Status.AUTH_FAILED, message, latency, Set.of(), Map.of());
  }

  private Map<String, String> account(TraktActivities acts) throws ProviderException {
    Map<String, String> marks = acts.accountMarks();
    Optional<Map<String, String>> known = cache.facts(ACCOUNT_FACTS, marks);
    if (known.isPresent()) {
      return known.get();
    }
    JsonNode s = api.call(ApiRequest.get("/users/settings"));
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode limit = s.at("/limits/watchlist/item_count");
    if (limit.isNumber()) {
      details.put("watchlist_limit", limit.asString());
    }
    details.put("vip", Boolean.toString(s.at("/user/vip").asBoolean(false)));
    if (!marks.isEmpty()) {
      // Assumed: a VIP change or new limit moves account.settings_at (unconfirmed).
      cache.putFacts(ACCOUNT_FACTS, marks, details);
    }
    return details;
  }

  private String expiryNote() {
    try {
      Tokens t = api.tokens().current();
      if (t.expiredAt(clock.instant())) {
        return " (the token expired at " + Instant.ofEpochSecond(t.expiresAt()) + ")";
      }
    } catch (ProviderException e) {
      // The message already says what is wrong with the tokens.
    }
    return "";
  }

  /**
   * The feature's items: the stored snapshot when Trakt's activity times for the feature are those
   * it was stored with, else a full read (then stored with those times).
   */
  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    return cache.snapshot(feature, activities().marks(feature), this::read);
  }

  /**
   * The activity times, asked once and kept until this instance writes. When Trakt cannot answer
   * them (other than refusing the token), nothing stored is reused and every feature is read in
   * full, with a warning, rather than failing the run.
   */
  private TraktActivities activities() throws ProviderException {
    if (activities == null) {
      try {
        activities = new TraktActivities(api.call(ApiRequest.get("/sync/last_activities")));
      } catch (ProviderException e) {
        if (e.kind() == Kind.AUTH) {
          throw e;
        }
        log.warn(
            e.getMessage()
                + "; without Trakt's activity times every feature is read in full this time");
        activities = new TraktActivities(NullNode.getInstance());
      }
    }
    return activities;
  }

  /**
   * Forgets the stored snapshot of a feature a guard found suspect, so that the next run reads it
   * in full even though Trakt's activity times have not moved.
   */
  @Override
  public void discardSnapshot(Feature feature) {
    cache.discard(feature);
  }

  /**
   * 1,000 items per write call for every feature and operation. Evidence: Trakt documents no item
   * limit for its {@code /sync} writes (bodies of {@code movies}, {@code shows}, {@code episodes}
   * arrays) and allows one write per second, so the size of a write sets how fast a large sync can
   * go: with 100 items per call 14,000 items took 142.6 s, with 1,000 they took 17.2 s, with no 429
   * and every item arriving (bench/RESULTS.md). A 1,000-play body is about 100 KB. Should Trakt
   * time out on a body that large, the applier halves the chunks that follow rather than failing
   * them. {@code apply_chunk_size_by_provider.TRAKT} overrides it.
   */
  @Override
  public OptionalInt preferredChunkSize(Feature feature, WriteOp op) {
    return OptionalInt.of(PREFERRED_CHUNK);
  }

  private List<Item> read(Feature feature) throws ProviderException {
    switch (feature) {
      case WATCHLIST:
        return read(feature, "/sync/watchlist", false);
      case HISTORY:
        return readHistory();
      case PLAYLISTS:
        return playlists.snapshot();
      case PROGRESS:
        return progress.snapshot();
      default:
        return read(feature, "/sync/ratings", false);
    }
  }

  private List<Item> readHistory() throws ProviderException {
    List<JsonNode> rows = api.readAll("/sync/history", true);
    List<Item> items = new ArrayList<>(rows.size());
    plays = index(rows, items);
    return items;
  }

  /** The plays of history rows by title and time, each play also added to {@code into}. */
  private PlayIndex index(List<JsonNode> rows, List<Item> into) throws ProviderException {
    PlayIndex index = new PlayIndex();
    for (int i = 0; i < rows.size(); i++) {
      Optional<Item> item = toItem(Feature.HISTORY, rows.get(i), i);
      if (item.isPresent()) {
        into.add(item.get());
        index.add(item.get(), rows.get(i).path("id").asLong());
      }
    }
    return index;
  }

  private List<Item> read(Feature feature, String path, boolean paged) throws ProviderException {
    List<JsonNode> rows = api.readAll(path, paged);
    List<Item> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      toItem(feature, rows.get(i), i).ifPresent(items::add);
    }
    return items;
  }

  private Optional<Item> toItem(Feature feature, JsonNode row, int index) throws ProviderException {
    try {
      Optional<Item> item = TraktItems.fromRow(row);
      switch (feature) {
        case WATCHLIST:
          return item.map(it -> it.withListedAt(TraktItems.parseTime(row, "listed_at")));
        case HISTORY:
          return item.map(it -> it.withWatchedAt(TraktItems.parseTime(row, "watched_at")));
        default:
          JsonNode rating = row.get("rating");
          Integer value = rating != null && rating.canConvertToInt() ? rating.asInt() : null;
          return item.map(it -> it.withRating(value, TraktItems.parseTime(row, "rated_at")));
      }
    } catch (IllegalArgumentException e) {
      // A snapshot missing rows could look like removals downstream, so fail it as a whole.
      throw new ProviderException(
          Kind.UNAVAILABLE,
          label()
              + " "
              + feature.key()
              + " snapshot: row "
              + index
              + " is malformed: "
              + e.getMessage(),
          false,
          null,
          e);
    }
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    switch (feature) {
      case PLAYLISTS:
        changing(feature, true);
        return playlists.add(items);
      case PROGRESS:
        changing(feature, true);
        return progress.write(items);
      default:
        return write(feature, true, items);
    }
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    switch (feature) {
      case HISTORY:
        return removePlays(items);
      case PLAYLISTS:
        changing(feature, false);
        return playlists.remove(items);
      case PROGRESS:
        changing(feature, false);
        return progress.clear(items);
      default:
        return write(feature, false, items);
    }
  }

  /** Ratings are written over; a playlist update is a reorder; a resume point is paused again. */
  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.PLAYLISTS) {
      changing(feature, false);
      return playlists.reorder(items);
    }
    return add(feature, items);
  }

  /** Personal lists take their whole order in one reorder call. */
  @Override
  public boolean canReorder(Feature feature) {
    return feature == Feature.PLAYLISTS;
  }

  /** Each resume point is one paced call (a paused scrobble, or a delete to clear it). */
  @Override
  public Optional<WriteCost> writeCost(Feature feature, WriteOp op, int items) {
    return feature == Feature.PROGRESS
        ? Optional.of(WriteCost.perItem(items, WRITE_PACING))
        : Optional.empty();
  }

  private WriteResult write(Feature feature, boolean add, List<Item> items)
      throws ProviderException {
    TraktBatch batch = TraktBatch.of(feature, add, items);
    if (batch.isEmpty()) {
      return new WriteResult(batch.settledOnly());
    }
    changing(feature, add);
    String path = "/sync/" + feature.key() + (add ? "" : "/remove");
    ApiRequest request = ApiRequest.post(path, batch.body());
    if (feature == Feature.HISTORY && add) {
      // Trakt keeps every posted play: a blind repeat after an unclear failure would double them.
      return addPlays(batch, request.notRepeatable());
    }
    return new WriteResult(batch.outcomes(api.call(request)));
  }

  /**
   * Sends a history add, never blindly twice. When Trakt answers with its own error (500 or 503: it
   * handled the request and failed), its history around the sent plays' times is read: the plays
   * now there are confirmed, the others fail transiently, so the applier sends just those again
   * after its backoff. Other unclear failures (a timeout, a gateway's 502 or 504, a garbled answer
   * after sending) may still be in flight on Trakt's side: they are not retried in this run, and
   * the next run re-reads the history and adds only what is still missing.
   */
  private WriteResult addPlays(TraktBatch batch, ApiRequest request) throws ProviderException {
    HttpAnswer answer;
    try {
      answer = api.answer(request);
      if (answer.isSuccess()) {
        return new WriteResult(batch.outcomes(api.json(answer)));
      }
    } catch (ProviderException e) {
      throw UnclearOutcomes.settle(request, e);
    }
    ProviderException failure = api.failure(answer);
    if (answer.status() == 500 || answer.status() == 503) {
      Optional<WriteResult> rechecked = recheckPlays(batch, failure);
      if (rechecked.isPresent()) {
        return rechecked.get();
      }
    }
    throw UnclearOutcomes.settle(request, failure);
  }

  /**
   * The outcome of a failed history add, told by Trakt's history between the earliest and the
   * latest sent play (to the second); empty when that cannot be read or a play has no time.
   */
  private Optional<WriteResult> recheckPlays(TraktBatch batch, ProviderException failure) {
    List<Item> sent = batch.sent();
    if (sent.isEmpty() || sent.stream().anyMatch(i -> i.watchedAt() == null)) {
      return Optional.empty();
    }
    Instant from = sent.stream().map(Item::watchedAt).min(Instant::compareTo).orElseThrow();
    Instant to = sent.stream().map(Item::watchedAt).max(Instant::compareTo).orElseThrow();
    PlayIndex found;
    try {
      ApiRequest around =
          ApiRequest.get("/sync/history")
              .withQuery("start_at", from.minusSeconds(1))
              .withQuery("end_at", to.plusSeconds(1));
      found = index(api.readAll(around, true), new ArrayList<>());
    } catch (ProviderException e) {
      return Optional.empty(); // then the add's outcome stays unknown
    }
    List<ItemOutcome> outcomes = new ArrayList<>(batch.settledOnly());
    for (Item item : sent) {
      outcomes.add(
          found.take(item).isPresent()
              ? ItemOutcome.confirmed(item)
              : ItemOutcome.failed(
                  item,
                  failure.getMessage()
                      + "; the play is not in Trakt's history, so it is sent again",
                  true));
    }
    return Optional.of(new WriteResult(outcomes));
  }

  /**
   * Forgets what a write may change: the activity times (asked again before the next snapshot) and
   * the stored snapshot of the feature; a play also takes its title off the watchlist.
   */
  private void changing(Feature feature, boolean add) {
    activities = null;
    cache.drop(feature);
    if (feature == Feature.HISTORY && add) {
      cache.drop(Feature.WATCHLIST);
    }
  }

  /** Removes single plays by their play ids (removing by title would remove every play). */
  private WriteResult removePlays(List<Item> items) throws ProviderException {
    if (items.isEmpty()) {
      return new WriteResult(List.of());
    }
    boolean fresh = plays == null;
    if (fresh) {
      readHistory();
    }
    Map<Long, Item> byPlay = new LinkedHashMap<>();
    List<Item> unknown = findPlays(items, byPlay);
    if (!unknown.isEmpty() && !fresh) {
      // Plays added since the last read (by anyone) are not indexed yet: read once more.
      readHistory();
      byPlay.keySet().forEach(plays::markTaken);
      unknown = findPlays(unknown, byPlay);
    }
    List<ItemOutcome> outcomes = new ArrayList<>();
    unknown.forEach(i -> outcomes.add(ItemOutcome.notFound(i, TraktBatch.NOT_FOUND)));
    if (byPlay.isEmpty()) {
      return new WriteResult(outcomes); // nothing sent, nothing changed on Trakt
    }
    changing(Feature.HISTORY, false);
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    ArrayNode ids = body.putArray("ids");
    byPlay.keySet().forEach(ids::add);
    JsonNode answer = api.call(ApiRequest.post("/sync/history/remove", body.toString()));
    java.util.Set<Long> missing = new java.util.HashSet<>();
    answer.path("not_found").path("ids").forEach(id -> missing.add(id.asLong()));
    byPlay.forEach(
        (id, item) ->
            outcomes.add(
                missing.contains(id)
                    ? ItemOutcome.notFound(item, TraktBatch.NOT_FOUND)
                    : ItemOutcome.confirmed(item)));
    return new WriteResult(outcomes);
  }

  private List<Item> findPlays(List<Item> items, Map<Long, Item> byPlay) {
    List<Item> unknown = new ArrayList<>();
    for (Item item : items) {
      plays.take(item).ifPresentOrElse(id -> byPlay.put(id, item), () -> unknown.add(item));
    }
    return unknown;
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /**
   * Reads again the features this run's writes made stale (activity times first), so that the next
   * run finds its own writes in the snapshot cache and makes only the activity call.
   */
  @Override
  public void settle() {
    cache.refreshDropped(this::snapshot);
  }

  /** Trakt's title search: {@code GET /search/{movie|show}?query=&years=}, one call per item. */
  @Override
  public Optional<List<TitleResolution>> resolve(List<Item> items) throws ProviderException {
    List<TitleResolution> answers = new ArrayList<>(items.size());
    for (Item item : items) {
      StringBuilder path =
          new StringBuilder("/search/")
              .append(item.type().key())
              .append("?query=")
              .append(URLEncoder.encode(item.title(), StandardCharsets.UTF_8));
      if (item.year() != null) {
        path.append("&years=").append(item.year());
      }
      List<Item> results = new ArrayList<>();
      for (JsonNode row : api.call(ApiRequest.get(path.toString()))) {
        TraktItems.fromRow(row).ifPresent(results::add);
      }
      answers.add(TitleMatch.pick(item, results));
    }
    return Optional.of(answers);
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return Optional.of(api.client().usage());
  }
}
