package io.crosswatch.providers.plex;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The account's watchlist on Plex Discover: read paged, written one title per call by its Discover
 * key (the hex of its {@code plex://} guid). Titles from elsewhere are turned into that key by a
 * metadata lookup of their external ids. The external ids of listed titles are kept between runs in
 * a {@link PlexDiscoverIds} cache. Thread-safe.
 */
final class PlexWatchlist {
  static final String NOT_FOUND = "not_found";

  /** How many metadata reads of watchlist entries run at once. */
  static final int LOOKUP_CONCURRENCY = 4;

  private final PlexApi discover;
  private final PlexDiscoverIds cache;
  private final int pageSize;
  private final List<IdKind> lookupKinds;
  private final Map<String, String> keyById = new HashMap<>();
  private final Map<String, Ids> idsByKey = new HashMap<>();
  private Set<String> onList;

  PlexWatchlist(PlexApi discover, PlexDiscoverIds cache, int pageSize, List<IdKind> lookupKinds) {
    this.discover = discover;
    this.cache = cache;
    this.pageSize = pageSize;
    this.lookupKinds = List.copyOf(lookupKinds);
  }

  /**
   * The watchlist's movies and shows. {@code includeGuids=1} is asked for; entries that still come
   * without {@code Guid} children (Discover does not always honour it) take their ids from the
   * cache, or else have their metadata read, its details carrying them: {@value
   * #LOOKUP_CONCURRENCY} reads at a time, each title once (the cache keeps it for later runs).
   */
  List<Item> snapshot() throws ProviderException {
    ApiRequest request =
        ApiRequest.get("/library/sections/watchlist/all")
            .withQuery("includeExternalMedia", 1)
            .withQuery("includeGuids", 1);
    List<Row> rows = new ArrayList<>();
    for (JsonNode m : discover.readAll(request, pageSize)) {
      Optional<MediaType> type = type(m);
      String key = PlexEntries.discoverKey(m);
      if (type.isPresent() && key != null) {
        rows.add(new Row(m, key, type.get(), known(m, key)));
      }
    }
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> keys.add(r.key()));
    Map<String, Ids> looked;
    try {
      looked = lookUp(rows);
    } finally {
      cache.retain(keys);
      cache.save();
    }
    List<Item> items = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Ids ids = r.ids().merge(looked.getOrDefault(r.key(), Ids.empty())).with(IdKind.PLEX, r.key());
      remember(r.key(), r.type(), ids);
      items.add(item(r, ids));
    }
    synchronized (this) {
      onList = keys;
    }
    return items;
  }

  /** One watchlist entry as listed, with the ids known without asking Discover. */
  private record Row(JsonNode m, String key, MediaType type, Ids ids) {}

  private static Item item(Row r, Ids ids) {
    Long y = PlexEntries.whole(r.m().get("year"));
    Integer year = y == null ? null : y.intValue();
    String title = PlexEntries.text(r.m(), "title");
    Item item =
        r.type() == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
    // watchlistedAt (epoch s) is seen on watchlist entries (unconfirmed); absent: unknown.
    return item.withListedAt(PlexEntries.epoch(r.m().get("watchlistedAt")));
  }

  /** Puts a movie or show on the watchlist; one already there is ALREADY_PRESENT. */
  ItemOutcome add(Item item) throws ProviderException {
    return write(item, true);
  }

  /** Takes a movie or show off the watchlist; one not there is ALREADY_PRESENT (success). */
  ItemOutcome remove(Item item) throws ProviderException {
    return write(item, false);
  }

  private ItemOutcome write(Item item, boolean add) throws ProviderException {
    if (item.type() != MediaType.MOVIE && item.type() != MediaType.SHOW) {
      return ItemOutcome.failed(
          item, "the plex watchlist holds movies and shows, not " + item.type().key() + "s", false);
    }
    Optional<String> key = resolve(item);
    if (key.isEmpty()) {
      return ItemOutcome.notFound(item, item.hasUsableIds() ? NOT_FOUND : "no_ids");
    }
    Boolean listed = listed(key.get());
    if (listed != null && listed == add) {
      return ItemOutcome.alreadyPresent(item);
    }
    String action = add ? "/actions/addToWatchlist" : "/actions/removeFromWatchlist";
    HttpAnswer answer =
        discover.send(ApiRequest.put(action, null).withQuery("ratingKey", key.get()));
    // Answers for titles already on (or not on) the list are unconfirmed: 409, and 404 on remove,
    // are taken to mean the list already is as wanted.
    if (answer.status() == 409 || (!add && answer.status() == 404)) {
      mark(key.get(), add);
      return ItemOutcome.alreadyPresent(item);
    }
    if (answer.status() == 404) {
      return ItemOutcome.notFound(item, NOT_FOUND);
    }
    if (!answer.isSuccess()) {
      throw discover.failure(answer);
    }
    mark(key.get(), add);
    return ItemOutcome.confirmed(item);
  }

  private synchronized Boolean listed(String key) {
    return onList == null ? null : onList.contains(key);
  }

  private synchronized void mark(String key, boolean on) {
    if (onList != null) {
      if (on) {
        onList.add(key);
      } else {
        onList.remove(key);
      }
    }
  }

  /** The Discover key of an item: its own plex id, a remembered one, or a metadata lookup. */
  private Optional<String> resolve(Item item) throws ProviderException {
    String own = item.ids().value(IdKind.PLEX);
    if (own != null && own.matches("[0-9a-fA-F]{16,}")) {
      return Optional.of(own);
    }
    Optional<String> known = remembered(item.type(), item.ids());
    if (known.isPresent()) {
      return known;
    }
    for (IdKind kind : lookupKinds) {
      String value = item.ids().value(kind);
      if (value != null) {
        Optional<String> found = match(item.type(), kind, value);
        if (found.isPresent()) {
          remember(found.get(), item.type(), item.ids());
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Looks one external id up on Discover. The endpoint is unconfirmed: {@code
   * /library/metadata/matches?type=1|2&guid=<kind>://<id>} is what clients use; no match answers
   * 404 or an empty list.
   */
  private Optional<String> match(MediaType type, IdKind kind, String value)
      throws ProviderException {
    ApiRequest request =
        ApiRequest.get("/library/metadata/matches")
            .withQuery("type", type == MediaType.MOVIE ? 1 : 2)
            .withQuery("guid", kind.key() + "://" + value);
    HttpAnswer answer = discover.send(request);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.isSuccess()) {
      throw discover.failure(answer);
    }
    for (JsonNode m : discover.json(answer).path("MediaContainer").path("Metadata")) {
      String key = PlexEntries.discoverKey(m);
      if (key != null && type(m).map(t -> t == type).orElse(false)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** The entry's own ids, completed from the cache or from this run's earlier reads. */
  private Ids known(JsonNode m, String key) {
    Ids ids = PlexGuids.ids(m);
    if (ids.hasCrossProviderId()) {
      return ids;
    }
    Ids cached = cache.get(key);
    if (cached == null) {
      synchronized (this) {
        cached = idsByKey.get(key);
      }
    }
    return cached == null ? ids : ids.merge(cached);
  }

  /** Reads the details of the entries still lacking external ids, each key once. */
  private Map<String, Ids> lookUp(List<Row> rows) throws ProviderException {
    List<String> unknown =
        rows.stream().filter(r -> !r.ids().hasCrossProviderId()).map(Row::key).distinct().toList();
    List<Ids> found = BoundedCalls.run(unknown, LOOKUP_CONCURRENCY, this::details);
    Map<String, Ids> byKey = new HashMap<>();
    for (int i = 0; i < unknown.size(); i++) {
      byKey.put(unknown.get(i), found.get(i));
    }
    return byKey;
  }

  /** The external ids in a title's Discover details, kept in the cache. */
  private Ids details(String key) throws ProviderException {
    JsonNode details =
        discover.container(ApiRequest.get("/library/metadata/" + key)).path("Metadata").path(0);
    Ids ids = details.isMissingNode() ? Ids.empty() : PlexGuids.ids(details);
    cache.put(key, ids);
    return ids;
  }

  private synchronized void remember(String key, MediaType type, Ids ids) {
    idsByKey.merge(key, ids, Ids::merge);
    ids.forEach(
        (kind, value) -> {
          if (kind.crossProvider()) {
            keyById.put(type.key() + "|" + kind.key() + ":" + value, key);
          }
        });
  }

  private synchronized Optional<String> remembered(MediaType type, Ids ids) {
    for (int i = 0; i < ids.size(); i++) {
      String key = keyById.get(type.key() + "|" + ids.kindAt(i).key() + ":" + ids.valueAt(i));
      if (key != null) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  private static Optional<MediaType> type(JsonNode m) {
    String t = m.path("type").asString("").toLowerCase(Locale.ROOT);
    if (t.equals("movie")) {
      return Optional.of(MediaType.MOVIE);
    }
    return t.equals("show") ? Optional.of(MediaType.SHOW) : Optional.empty();
  }
}
