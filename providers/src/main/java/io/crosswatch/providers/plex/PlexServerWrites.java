package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One-item writes to a server's view state: played, unplayed, rating. Each item is first found in
 * the library index by its external ids (episodes also by show, season and number); titles the
 * library lacks are NOT_FOUND with reason {@value #NOT_IN_LIBRARY}.
 *
 * <p>A server keeps one played flag and one last-viewed date per title, so a play added to a title
 * played at that time or later is ALREADY_PRESENT and sends nothing. {@code /:/scrobble} sets the
 * date to the server's now, not the play's time: the play's time is kept in {@link PlexPlayDates}
 * with what the server shows right after (read back from {@code /library/metadata/{key}}), so that
 * the title's play keeps its own time. Scrobbles are sent as GET, as long-standing clients do
 * (newer API documents list PUT; servers accept both).
 */
final class PlexServerWrites {
  static final String IDENTIFIER = "com.plexapp.plugins.library";
  static final String NOT_IN_LIBRARY = "not_in_library";

  /** A play this close to the title's last viewing is that viewing. */
  static final Duration SAME_PLAY = Duration.ofSeconds(60);

  private final PlexServer server;
  private final PlexPlayDates playDates;
  private final Clock clock;

  PlexServerWrites(PlexServer server, PlexPlayDates playDates, Clock clock) {
    this.server = server;
    this.playDates = playDates;
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
    if (entry.get().played() && holds(entry.get(), item.watchedAt())) {
      return ItemOutcome.alreadyPresent(item);
    }
    ItemOutcome outcome =
        send(item, entry.get(), "/:/scrobble", null, library, e -> e.withPlayed(clock.instant()));
    if (outcome.succeeded() && item.watchedAt() != null) {
      remember(library, entry.get().ratingKey(), item.watchedAt());
    }
    return outcome;
  }

  /** Whether a played title holds a play at {@code at}: one that late or later, or no time. */
  private boolean holds(PlexEntry entry, Instant at) {
    Instant last = playDates.watchedAt(entry);
    return at == null || last == null || !last.plus(SAME_PLAY).isBefore(at);
  }

  /**
   * Reads back what the server shows after a scrobble and keeps the play's time with it; when that
   * read fails the title shows the server's date (the write itself succeeded).
   */
  private void remember(PlexLibrary library, String ratingKey, Instant play) {
    try {
      JsonNode m =
          server
              .api()
              .container(ApiRequest.get("/library/metadata/" + ratingKey))
              .path("Metadata")
              .path(0);
      Long count = PlexEntries.whole(m.get("viewCount"));
      Instant viewed = PlexEntries.epoch(m.get("lastViewedAt"));
      if (count != null && count > 0 && viewed != null) {
        library.update(
            ratingKey, e -> e.withViewState((int) Math.min(Integer.MAX_VALUE, count), viewed));
        playDates.record(ratingKey, play, count, viewed);
      }
    } catch (ProviderException e) {
      // The play shows at the server's date; the next run sees it as a newer viewing at worst.
    }
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
        (rating == null ? ApiRequest.get(path).asWrite() : ApiRequest.put(path, null))
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
