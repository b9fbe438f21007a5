package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the whole library of one user in one paged pass. There is no reliable change filter on
 * Jellyfin ({@code MinDateLastSavedForUser} misses user-data changes), so the pass reads every
 * movie, series and episode with {@code ProviderIds} and {@code UserData}; played state, favourites
 * and ratings all come from it. When a feature is restricted to some libraries the pass goes view
 * by view ({@code ParentId}), so that every item knows its library.
 */
final class LibraryReader {
  /** Exact type names: the servers ignore misspelt ones without a word and return everything. */
  static final String TYPES = "Movie,Series,Episode";

  private final MediaBrowserApi api;
  private final String userId;
  private final MediaBrowserSettings settings;
  private final String settingsPath;
  private final DiagnosticLog log;

  LibraryReader(
      MediaBrowserApi api,
      String userId,
      MediaBrowserSettings settings,
      String settingsPath,
      DiagnosticLog log) {
    this.api = api;
    this.userId = userId;
    this.settings = settings;
    this.settingsPath = settingsPath;
    this.log = log;
  }

  LibraryIndex read() throws ProviderException {
    if (settings.libraries().isEmpty()) {
      List<LibraryIndex.Row> rows = new ArrayList<>();
      api.readAll(query(null)).forEach(item -> rows.add(new LibraryIndex.Row(item, null)));
      return new LibraryIndex(api.dialect(), rows, Map.of());
    }
    Map<String, String> views = views();
    Map<Feature, Set<String>> scopes = new EnumMap<>(Feature.class);
    for (Map.Entry<Feature, List<String>> e : settings.libraries().entrySet()) {
      scopes.put(e.getKey(), resolve(e.getKey(), e.getValue(), views));
    }
    Set<String> toRead = new LinkedHashSet<>();
    if (scopes.size() < Feature.values().length) {
      toRead.addAll(views.keySet());
    } else {
      scopes.values().forEach(toRead::addAll);
    }
    List<LibraryIndex.Row> rows = new ArrayList<>();
    for (String viewId : toRead) {
      api.readAll(query(viewId)).forEach(item -> rows.add(new LibraryIndex.Row(item, viewId)));
    }
    return new LibraryIndex(api.dialect(), rows, scopes);
  }

  private ApiRequest query(String parentId) {
    ApiRequest r =
        api.dialect()
            .items(userId)
            .withQuery("Recursive", "true")
            .withQuery("IncludeItemTypes", TYPES)
            .withQuery("Fields", "ProviderIds,ProductionYear,UserData")
            .withQuery("EnableUserData", "true")
            .withQuery("EnableImages", "false")
            .withQuery("SortBy", "SortName")
            .withQuery("SortOrder", "Ascending");
    return parentId == null ? r : r.withQuery("ParentId", parentId);
  }

  /** The user's libraries: id (lower case) → name. */
  private Map<String, String> views() throws ProviderException {
    Map<String, String> views = new LinkedHashMap<>();
    for (JsonNode v : api.call(api.dialect().views(userId)).path("Items")) {
      String id = v.path("Id").asString("");
      if (!id.isEmpty()) {
        views.put(id.toLowerCase(Locale.ROOT), v.path("Name").asString(""));
      }
    }
    return views;
  }

  /** The view ids a feature's configured names or ids stand for; unknown ones are warned about. */
  private Set<String> resolve(Feature feature, List<String> wanted, Map<String, String> views)
      throws ProviderException {
    Set<String> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String w : wanted) {
      String lower = w.toLowerCase(Locale.ROOT);
      int before = ids.size();
      views.forEach(
          (id, name) -> {
            if (id.equals(lower) || name.equalsIgnoreCase(w)) {
              ids.add(id);
            }
          });
      if (ids.size() == before) {
        unknown.add(w);
      }
    }
    String at = settingsPath + "." + feature.key() + ".libraries";
    String known = String.join(", ", views.values());
    if (ids.isEmpty()) {
      // An empty snapshot could read as "everything removed": refuse instead.
      throw ProviderException.permanent(
          Kind.REJECTED,
          at + ": none of " + wanted + " is a library of this user (libraries: " + known + ")");
    }
    if (!unknown.isEmpty()) {
      log.warn(
          at + ": no library " + unknown + " on the server, ignored (libraries: " + known + ")");
    }
    return ids;
  }
}
