package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.MediaType;
import java.util.Objects;
import java.util.Set;

/**
 * One movie, series or episode read from the server's library.
 *
 * @param id the server's item id, as the server spelled it
 * @param type movie, show or episode
 * @param title the item's name
 * @param year the production year, or {@code null}
 * @param ids external ids ({@code ProviderIds}) plus the server-local id
 * @param seriesId for episodes, the series' item id
 * @param season for episodes, the season number, or {@code null}
 * @param number for episodes, the episode number, or {@code null}
 * @param viewIds the libraries (views) the item was read from; empty when read without views
 * @param runTimeTicks the running time in ticks of 100 ns ({@code RunTimeTicks}), or {@code null}
 *     when the server does not know it
 */
record LibraryEntry(
    String id,
    MediaType type,
    String title,
    Integer year,
    Ids ids,
    String seriesId,
    Integer season,
    Integer number,
    Set<String> viewIds,
    Long runTimeTicks) {

  LibraryEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ids, "ids");
    viewIds = Set.copyOf(viewIds);
  }
}
