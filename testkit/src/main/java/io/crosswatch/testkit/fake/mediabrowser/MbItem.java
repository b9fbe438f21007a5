package io.crosswatch.testkit.fake.mediabrowser;

import java.util.Map;
import java.util.Objects;

/**
 * One library item of the fake server: a movie, series or episode.
 *
 * @param id the server's item id (a GUID without dashes on Jellyfin, digits on Emby)
 * @param kind what it is
 * @param name its title
 * @param year the production year, or {@code null}
 * @param providerIds external ids by provider name ({@code Imdb}, {@code Tmdb}, {@code Tvdb})
 * @param viewId the library (user view) it belongs to
 * @param seriesId for episodes, their series' id
 * @param season for episodes, the season number ({@code ParentIndexNumber})
 * @param number for episodes, the episode number ({@code IndexNumber})
 */
public record MbItem(
    String id,
    Kind kind,
    String name,
    Integer year,
    Map<String, String> providerIds,
    String viewId,
    String seriesId,
    Integer season,
    Integer number) {

  /** Item types the fake serves, with their API names. */
  public enum Kind {
    MOVIE("Movie"),
    SERIES("Series"),
    EPISODE("Episode");

    private final String apiName;

    Kind(String apiName) {
      this.apiName = apiName;
    }

    /** The {@code Type} value, as used in {@code IncludeItemTypes}. */
    public String apiName() {
      return apiName;
    }
  }

  public MbItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    providerIds = Map.copyOf(providerIds);
    if (kind == Kind.EPISODE && (seriesId == null || season == null || number == null)) {
      throw new IllegalArgumentException("an episode needs its series, season and number");
    }
  }
}
