package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import java.util.Optional;

/**
 * The movie or episode a Jellyfin or Emby playback report names, built from the fields both
 * servers' webhooks and sessions carry; other item types (audio, trailers, TV channels) are none.
 */
record PlayedItem(Item item) {

  static Optional<PlayedItem> of(
      String type,
      String name,
      Integer year,
      Ids ids,
      String seriesName,
      Integer season,
      Integer number) {
    if ("Movie".equals(type)) {
      return Optional.of(new PlayedItem(Item.movie(name, year, ids)));
    }
    if (!"Episode".equals(type)) {
      return Optional.empty();
    }
    return Optional.of(
        new PlayedItem(
            new Item(
                MediaType.EPISODE,
                name,
                null,
                ids,
                new ShowRef(seriesName, null, Ids.empty()),
                season,
                number,
                null,
                null,
                null,
                null)));
  }
}
