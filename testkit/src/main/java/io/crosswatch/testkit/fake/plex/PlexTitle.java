package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import java.util.List;
import java.util.Objects;

/**
 * A title the fake Plex knows: a library movie, show or episode (with {@code ratingKey} and {@code
 * section}), or a Discover-only movie or show (both {@code null}).
 *
 * @param ratingKey the server's key, or {@code null} for Discover-only titles
 * @param section the library section key, or {@code null} for Discover-only titles
 * @param type movie, show or episode
 * @param title the title
 * @param year the year (movies and shows), or {@code null}
 * @param guid the item's own guid: {@code plex://movie/<hex>} (new agents) or a legacy agent guid
 * @param externalGuids the {@code Guid} children, e.g. {@code imdb://tt0133093}; empty for legacy
 *     agents
 * @param show for episodes, their show
 * @param season for episodes, the season number
 * @param number for episodes, the episode number
 */
public record PlexTitle(
    String ratingKey,
    String section,
    MediaType type,
    String title,
    Integer year,
    String guid,
    List<String> externalGuids,
    PlexTitle show,
    Integer season,
    Integer number) {

  public PlexTitle {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(guid, "guid");
    externalGuids = List.copyOf(externalGuids);
    if (type == MediaType.EPISODE && show == null) {
      throw new IllegalArgumentException("an episode needs its show");
    }
  }

  /** The Discover key (hex of a {@code plex://} guid), or {@code null} for legacy titles. */
  public String discoverKey() {
    if (!guid.startsWith("plex://")) {
      return null;
    }
    return guid.substring(guid.lastIndexOf('/') + 1);
  }

  /** A short label for messages, e.g. {@code "Show 1 S01E02"}. */
  @Override
  public String toString() {
    if (type == MediaType.EPISODE) {
      return String.format("%s S%02dE%02d", show.title, season, number);
    }
    return title + " (" + year + ")";
  }
}
