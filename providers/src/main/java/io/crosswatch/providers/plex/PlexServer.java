package io.crosswatch.providers.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads of one Plex Media Server: identity, library sections, and the library index of movie and
 * show sections in one paged pass ({@code includeGuids=1}), read once per instance and reused.
 *
 * <p>The pass reads every title in full rather than with an {@code updatedAt>>=} or {@code
 * lastViewedAt>>=} filter: no such filter has been shown to see unplays and rating changes, and a
 * missed change would look like a removal downstream.
 */
final class PlexServer {
  /** Titles asked for per page. */
  static final int PAGE_SIZE = 500;

  private static final String PLEX_TYPE_MOVIE = "1";
  private static final String PLEX_TYPE_SHOW = "2";
  private static final String PLEX_TYPE_EPISODE = "4";

  /** One library section. */
  record Section(String key, String type, String title, String uuid) {
    boolean holdsVideo() {
      return type.equals("movie") || type.equals("show");
    }

    boolean matches(String wanted) {
      return wanted.equals(key)
          || wanted.equalsIgnoreCase(title == null ? "" : title)
          || wanted.equals(uuid);
    }
  }

  /** What {@code /identity} says. */
  record Identity(String machineIdentifier, String version) {}

  private final PlexApi api;
  private final String label;
  private final DiagnosticLog log;
  private List<Section> sections;
  private PlexLibrary library;

  PlexServer(PlexApi api, String label, DiagnosticLog log) {
    this.api = api;
    this.label = label;
    this.log = log;
  }

  PlexApi api() {
    return api;
  }

  /** {@code GET /identity} (answered without a token). */
  Identity identity() throws ProviderException {
    JsonNode c = api.container(ApiRequest.get("/identity"));
    return new Identity(PlexEntries.text(c, "machineIdentifier"), PlexEntries.text(c, "version"));
  }

  /** The library sections, read once. */
  synchronized List<Section> sections() throws ProviderException {
    if (sections == null) {
      List<Section> found = new ArrayList<>();
      for (JsonNode d : api.container(ApiRequest.get("/library/sections")).path("Directory")) {
        String key = PlexEntries.key(d.get("key"));
        if (key != null) {
          found.add(
              new Section(
                  key,
                  d.path("type").asString("").toLowerCase(Locale.ROOT),
                  PlexEntries.text(d, "title"),
                  PlexEntries.text(d, "uuid")));
        }
      }
      sections = List.copyOf(found);
    }
    return sections;
  }

  /**
   * The keys of the movie and show sections a feature uses: all of them when {@code wanted} is
   * empty, else those named by key, title or uuid. Names matching no section are warned about.
   */
  Set<String> sectionKeys(List<String> wanted, String configPath) throws ProviderException {
    Set<String> keys = new LinkedHashSet<>();
    for (Section s : sections()) {
      if (s.holdsVideo() && (wanted.isEmpty() || wanted.stream().anyMatch(s::matches))) {
        keys.add(s.key());
      }
    }
    for (String w : wanted) {
      if (sections.stream().noneMatch(s -> s.holdsVideo() && s.matches(w))) {
        log.warn(
            label
                + ": "
                + configPath
                + " names \""
                + w
                + "\", which is no movie or show section of this server; it is skipped");
      }
    }
    return keys;
  }

  /** The library index of the given sections, read on first use and reused afterwards. */
  synchronized PlexLibrary library(Set<String> sectionKeys) throws ProviderException {
    if (library == null) {
      library = read(sectionKeys);
    }
    return library;
  }

  private PlexLibrary read(Set<String> sectionKeys) throws ProviderException {
    List<PlexEntry> entries = new ArrayList<>();
    for (Section s : sections()) {
      if (!sectionKeys.contains(s.key())) {
        continue;
      }
      if (s.type().equals("movie")) {
        for (JsonNode m : list(s, PLEX_TYPE_MOVIE)) {
          entries.add(parse(s, () -> PlexEntries.title(m, s.key(), MediaType.MOVIE)));
        }
      } else {
        readShowSection(s, entries);
      }
    }
    return new PlexLibrary(entries);
  }

  /** Shows first (their ids are what episodes are matched by), then every episode. */
  private void readShowSection(Section s, List<PlexEntry> entries) throws ProviderException {
    Map<String, PlexEntry> shows = new HashMap<>();
    for (JsonNode m : list(s, PLEX_TYPE_SHOW)) {
      PlexEntry show = parse(s, () -> PlexEntries.title(m, s.key(), MediaType.SHOW));
      shows.put(show.ratingKey(), show);
      entries.add(show);
    }
    for (JsonNode m : list(s, PLEX_TYPE_EPISODE)) {
      entries.add(parse(s, () -> PlexEntries.episode(m, s.key(), shows)));
    }
  }

  private List<JsonNode> list(Section s, String plexType) throws ProviderException {
    ApiRequest request =
        ApiRequest.get("/library/sections/" + s.key() + "/all")
            .withQuery("type", plexType)
            .withQuery("includeGuids", 1);
    return api.readAll(request, PAGE_SIZE);
  }

  private PlexEntry parse(Section s, Supplier<PlexEntry> parse) throws ProviderException {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      // A snapshot missing rows could look like removals downstream, so fail it as a whole.
      throw new ProviderException(
          Kind.UNAVAILABLE,
          label + " section \"" + s.title() + "\": malformed entry: " + e.getMessage(),
          false,
          null,
          e);
    }
  }
}
