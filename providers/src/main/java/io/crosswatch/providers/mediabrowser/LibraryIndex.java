package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.providers.http.ServiceJson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The library pass of one run: every movie, series and episode with the user's data, looked up by
 * server id, by external id, and (episodes) by series and number. Writes resolve incoming items
 * through it and record the new user data in it, so that it stays true during the run. The entries
 * are fixed once built; user data may be updated from several writer threads.
 */
final class LibraryIndex {
  /** The external id kinds servers keep in {@code ProviderIds}. */
  static final List<IdKind> EXTERNAL = List.of(IdKind.IMDB, IdKind.TMDB, IdKind.TVDB);

  /** One item row of the pass and the library (view) it was read from, or {@code null}. */
  record Row(JsonNode item, String viewId) {}

  private final Dialect dialect;
  private final Map<String, LibraryEntry> byId = new LinkedHashMap<>();
  private final Map<String, UserState> states = new ConcurrentHashMap<>();
  private final Map<String, String> byExternal = new HashMap<>();
  private final Map<String, String> episodes = new HashMap<>();
  private final Map<Feature, Set<String>> scopes;

  /**
   * @param scopes per restricted feature, the view ids it may see (features not in the map see
   *     everything)
   */
  LibraryIndex(Dialect dialect, List<Row> rows, Map<Feature, Set<String>> scopes) {
    this.dialect = dialect;
    this.scopes = new EnumMap<>(Feature.class);
    scopes.forEach((f, views) -> this.scopes.put(f, Set.copyOf(views)));
    Map<String, Set<String>> views = new HashMap<>();
    for (Row row : rows) {
      String id = row.item().path("Id").asString("");
      if (!id.isEmpty() && row.viewId() != null) {
        views.computeIfAbsent(key(id), k -> new HashSet<>()).add(key(row.viewId()));
      }
    }
    for (Row row : rows) {
      parse(row.item(), views).ifPresent(this::add);
    }
  }

  /** Every entry, in the order read. */
  List<LibraryEntry> entries() {
    return List.copyOf(byId.values());
  }

  /** How many entries the pass holds. */
  int size() {
    return byId.size();
  }

  /** Whether a feature restricted to some libraries may see this entry. */
  boolean inScope(LibraryEntry entry, Feature feature) {
    Set<String> allowed = scopes.get(feature);
    return allowed == null || entry.viewIds().stream().anyMatch(allowed::contains);
  }

  /** The user's data for an entry. */
  UserState state(LibraryEntry entry) {
    return states.getOrDefault(key(entry.id()), UserState.NONE);
  }

  /** Records the user's data for an entry after a write. */
  void update(LibraryEntry entry, UserState state) {
    states.put(key(entry.id()), state);
  }

  /** An entry by server id. */
  Optional<LibraryEntry> byServerId(String id) {
    return Optional.ofNullable(byId.get(key(id)));
  }

  /**
   * The library entry an item names: by the server's own id, by any external id of the same type,
   * or (episodes) by the show's ids with season and number. Lookups stay local: Jellyfin ignores
   * {@code AnyProviderIdEquals} and would answer a server-side lookup with the whole library.
   */
  Optional<LibraryEntry> resolve(Item item) {
    String local = item.ids().value(dialect.localKind());
    if (local != null) {
      LibraryEntry e = byId.get(key(local));
      if (e != null && e.type() == item.type()) {
        return Optional.of(e);
      }
    }
    Optional<LibraryEntry> byIds = byExternalIds(item.type(), item.ids());
    if (byIds.isPresent() || item.type() != MediaType.EPISODE || item.show() == null) {
      return byIds;
    }
    if (item.season() == null || item.number() == null) {
      return Optional.empty();
    }
    Optional<LibraryEntry> series = byExternalIds(MediaType.SHOW, item.show().ids());
    String showLocal = item.show().ids().value(dialect.localKind());
    if (series.isEmpty() && showLocal != null) {
      series = byServerId(showLocal).filter(e -> e.type() == MediaType.SHOW);
    }
    return series.flatMap(
        s ->
            Optional.ofNullable(episodes.get(episodeKey(s.id(), item.season(), item.number())))
                .map(byId::get));
  }

  /** The normalized item of an entry, feature fields not set. */
  Item toItem(LibraryEntry e) {
    switch (e.type()) {
      case MOVIE:
        return Item.movie(e.title(), e.year(), e.ids());
      case SHOW:
        return Item.show(e.title(), e.year(), e.ids());
      default:
        return new Item(
            MediaType.EPISODE,
            e.title(),
            null,
            e.ids(),
            showOf(e),
            e.season(),
            e.number(),
            null,
            null,
            null,
            null);
    }
  }

  private ShowRef showOf(LibraryEntry episode) {
    LibraryEntry series = episode.seriesId() == null ? null : byId.get(key(episode.seriesId()));
    if (series == null) {
      return new ShowRef(null, null, Ids.empty());
    }
    return new ShowRef(series.title(), series.year(), series.ids());
  }

  private Optional<LibraryEntry> byExternalIds(MediaType type, Ids ids) {
    for (IdKind kind : EXTERNAL) {
      String value = ids.value(kind);
      String id = value == null ? null : byExternal.get(externalKey(type, kind, value));
      if (id != null) {
        return Optional.of(byId.get(key(id)));
      }
    }
    return Optional.empty();
  }

  private void add(LibraryEntry e) {
    String k = key(e.id());
    if (byId.putIfAbsent(k, e) != null) {
      return;
    }
    for (IdKind kind : EXTERNAL) {
      String value = e.ids().value(kind);
      if (value != null) {
        byExternal.putIfAbsent(externalKey(e.type(), kind, value), e.id());
      }
    }
    if (e.type() == MediaType.EPISODE
        && e.seriesId() != null
        && e.season() != null
        && e.number() != null) {
      episodes.putIfAbsent(episodeKey(e.seriesId(), e.season(), e.number()), e.id());
    }
  }

  private Optional<LibraryEntry> parse(JsonNode o, Map<String, Set<String>> views) {
    String id = o.path("Id").asString("");
    MediaType type = typeOf(o.path("Type").asString(""));
    if (id.isEmpty() || type == null) {
      return Optional.empty();
    }
    states.put(key(id), UserState.from(o.get("UserData")));
    return Optional.of(
        new LibraryEntry(
            id,
            type,
            text(o, "Name"),
            integer(o, "ProductionYear"),
            ids(o.get("ProviderIds")).with(dialect.localKind(), id),
            type == MediaType.EPISODE ? text(o, "SeriesId") : null,
            integer(o, "ParentIndexNumber"),
            integer(o, "IndexNumber"),
            views.getOrDefault(key(id), Set.of()),
            positive(o.get("RunTimeTicks"))));
  }

  /** {@code ProviderIds} (string values, any key case) as normalized ids; unknown kinds dropped. */
  static Ids ids(JsonNode providerIds) {
    if (providerIds == null || !providerIds.isObject()) {
      return Ids.empty();
    }
    Map<IdKind, Object> raw = new EnumMap<>(IdKind.class);
    for (Map.Entry<String, JsonNode> e : providerIds.properties()) {
      IdKind.fromKey(e.getKey().toLowerCase(Locale.ROOT))
          .filter(EXTERNAL::contains)
          .filter(k -> e.getValue().isString() || e.getValue().isNumber())
          .ifPresent(k -> raw.put(k, e.getValue().asString()));
    }
    return Ids.of(raw);
  }

  private static MediaType typeOf(String type) {
    switch (type) {
      case "Movie":
        return MediaType.MOVIE;
      case "Series":
        return MediaType.SHOW;
      case "Episode":
        return MediaType.EPISODE;
      default:
        return null;
    }
  }

  private static String text(JsonNode o, String field) {
    return ServiceJson.text(o, field);
  }

  private static Integer integer(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
  }

  private static Long positive(JsonNode v) {
    return v != null && v.isIntegralNumber() && v.asLong() > 0 ? v.asLong() : null;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static String externalKey(MediaType type, IdKind kind, String value) {
    return type.key() + "|" + kind.key() + "|" + value;
  }

  private static String episodeKey(String seriesId, int season, int number) {
    return key(seriesId) + "|" + season + "|" + number;
  }

  /** Entries as a list of (entry, state) for snapshots, filtered by type and scope. */
  List<LibraryEntry> entriesFor(Feature feature, Set<MediaType> types) {
    List<LibraryEntry> out = new ArrayList<>();
    for (LibraryEntry e : byId.values()) {
      if (types.contains(e.type()) && inScope(e, feature)) {
        out.add(e);
      }
    }
    return out;
  }
}
