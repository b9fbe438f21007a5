package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * One-item writes to a server's view state: played, unplayed, rating. Each item is first found in
 * the library index by its external ids (episodes also by show, season and number); titles the
 * library lacks are NOT_FOUND with reason {@value #NOT_IN_LIBRARY}.
 *
 * <p>A server keeps one played flag and one last-viewed date per title, so a play added to a played
 * title is ALREADY_PRESENT and sends nothing; {@code /:/scrobble} sets the date to the server's
 * now, not the play's time. Scrobbles are sent as GET, as long-standing clients do (newer API
 * documents list PUT; servers accept both).
 */
final class PlexServerWrites {
  static final String IDENTIFIER = "com.plexapp.plugins.library";
  static final String NOT_IN_LIBRARY = "not_in_library";

  private final PlexServer server;
  private final Clock clock;

  PlexServerWrites(PlexServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Marks a movie or episode played (history add). */
  ItemOutcome markPlayed(PlexLibrary library, Set<String> sections, Item item)
      throws ProviderException {
    if (item.type() != MediaType.MOVIE && item.type() != MediaType.EPISODE) {
      return ItemOutcome.failed(
          item, "plex history holds movies and episodes, not " + item.type().key() + "s", false);
    }
    Optional<PlexEntry> entry = library.find(item, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    if (entry.get().played()) {
      return ItemOutcome.alreadyPresent(item);
    }
    return send(
        item, entry.get(), "/:/scrobble", null, library, e -> e.withPlayed(clock.instant()));
  }

  /** Marks a movie or episode unplayed (history remove). */
  ItemOutcome markUnplayed(PlexLibrary library, Set<String> sections, Item item)
      throws ProviderException {
    Optional<PlexEntry> entry = library.find(item, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    if (!entry.get().played()) {
      return ItemOutcome.notFound(item, "not_played");
    }
    return send(item, entry.get(), "/:/unscrobble", null, library, PlexEntry::withUnplayed);
  }

  /** Sets a movie's, show's or episode's rating (1–10, written as is on Plex's 0–10 scale). */
  ItemOutcome rate(PlexLibrary library, Set<String> sections, Item item) throws ProviderException {
    Integer rating = item.rating();
    if (rating == null || rating < 1 || rating > 10) {
      return ItemOutcome.failed(item, "rating must be 1–10, got " + rating, false);
    }
    Optional<PlexEntry> entry = library.find(item, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    if (rating.equals(entry.get().rating())) {
      return ItemOutcome.alreadyPresent(item);
    }
    double value = rating;
    return send(
        item, entry.get(), "/:/rate", rating, library, e -> e.withRating(value, clock.instant()));
  }

  /** Clears a rating (ratings remove); {@code rating=-1} is Plex's "no rating". */
  ItemOutcome clearRating(PlexLibrary library, Set<String> sections, Item item)
      throws ProviderException {
    Optional<PlexEntry> entry = library.find(item, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    if (entry.get().rating() == null) {
      return ItemOutcome.notFound(item, "not_rated");
    }
    return send(item, entry.get(), "/:/rate", -1, library, e -> e.withRating(null, null));
  }

  private ItemOutcome send(
      Item item,
      PlexEntry entry,
      String path,
      Integer rating,
      PlexLibrary library,
      java.util.function.UnaryOperator<PlexEntry> change)
      throws ProviderException {
    ApiRequest request =
        (rating == null ? ApiRequest.get(path) : ApiRequest.put(path, null))
            .withQuery("key", entry.ratingKey())
            .withQuery("identifier", IDENTIFIER);
    if (rating != null) {
      request = request.withQuery("rating", rating);
    }
    HttpAnswer answer = server.api().send(request);
    if (answer.status() == 404) {
      // Deleted from the library since the index was read.
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    if (!answer.isSuccess()) {
      throw server.api().failure(answer);
    }
    library.update(entry.ratingKey(), change);
    return ItemOutcome.confirmed(item);
  }
}
