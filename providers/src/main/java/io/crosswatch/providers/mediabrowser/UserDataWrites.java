package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writes of one item to a user's data: played state (history), favourites (watchlist) and
 * ratings. Each resolves the item through the library index first; titles the library lacks are
 * {@code not_in_library}, not errors. Writes that would change nothing are not sent.
 */
final class UserDataWrites {
  /** Reason of items the server's library does not hold. */
  static final String NOT_IN_LIBRARY = "not_in_library";

  /** A play to remove matches the server's last played date within this window. */
  static final Duration SAME_PLAY = Duration.ofSeconds(60);

  private static final Set<MediaType> PLAYABLE = Set.of(MediaType.MOVIE, MediaType.EPISODE);
  private static final Set<MediaType> TITLES =
      Set.of(MediaType.MOVIE, MediaType.SHOW, MediaType.EPISODE);

  private final MediaBrowserApi api;
  private final String userId;

  UserDataWrites(MediaBrowserApi api, String userId) {
    this.api = api;
    this.userId = userId;
  }

  /** Writes one item of a feature; throws only for failures of the whole call (auth). */
  ItemOutcome write(LibraryIndex index, Feature feature, boolean add, Item item)
      throws ProviderException {
    Set<MediaType> types = feature == Feature.HISTORY ? PLAYABLE : TITLES;
    if (!types.contains(item.type())) {
      return ItemOutcome.failed(item, unsupported(feature, item), false);
    }
    Integer rating = item.rating();
    if (feature == Feature.RATINGS && add && (rating == null || rating < 1 || rating > 10)) {
      return ItemOutcome.failed(item, "rating must be 1–10, got " + rating, false);
    }
    Optional<LibraryEntry> found =
        index.resolve(item).filter(entry -> index.inScope(entry, feature));
    if (found.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    LibraryEntry entry = found.get();
    UserState state = index.state(entry);
    switch (feature) {
      case HISTORY:
        return add ? addPlay(index, entry, state, item) : removePlay(index, entry, state, item);
      case WATCHLIST:
        return favorite(index, entry, state, item, add);
      default:
        return add ? rate(index, entry, state, item) : unrate(index, entry, state, item);
    }
  }

  /**
   * A server keeps one played flag and one date per title: a title already played at the same time
   * or later holds this play already, and its date is never moved back.
   */
  private ItemOutcome addPlay(LibraryIndex index, LibraryEntry entry, UserState s, Item item)
      throws ProviderException {
    Instant at = item.watchedAt();
    if (s.played() && (at == null || (s.lastPlayed() != null && !s.lastPlayed().isBefore(at)))) {
      return ItemOutcome.alreadyPresent(item);
    }
    ApiRequest request = api.dialect().played(userId, entry.id(), at, true);
    return send(index, entry, item, request, s.withPlayed(true, at));
  }

  private ItemOutcome removePlay(LibraryIndex index, LibraryEntry entry, UserState s, Item item)
      throws ProviderException {
    Instant at = item.watchedAt();
    boolean otherViewing =
        at != null
            && s.lastPlayed() != null
            && Duration.between(at, s.lastPlayed()).abs().compareTo(SAME_PLAY) > 0;
    if (!s.played() || otherViewing) {
      return ItemOutcome.notFound(item, "not_played");
    }
    ApiRequest request = api.dialect().played(userId, entry.id(), null, false);
    return send(index, entry, item, request, s.withPlayed(false, null));
  }

  private ItemOutcome favorite(
      LibraryIndex index, LibraryEntry entry, UserState s, Item item, boolean add)
      throws ProviderException {
    if (s.favorite() == add) {
      return add ? ItemOutcome.alreadyPresent(item) : ItemOutcome.notFound(item, "not_listed");
    }
    ApiRequest request = api.dialect().favorite(userId, entry.id(), add);
    return send(index, entry, item, request, s.withFavorite(add));
  }

  private ItemOutcome rate(LibraryIndex index, LibraryEntry entry, UserState s, Item item)
      throws ProviderException {
    Integer rating = item.rating();
    if (rating.equals(s.crosswatchRating())) {
      return ItemOutcome.alreadyPresent(item);
    }
    ObjectNode body = MediaBrowserApi.MAPPER.createObjectNode();
    body.put("Rating", rating.doubleValue());
    if (api.dialect() == Dialect.EMBY) {
      // Emby takes the posted user data as a whole: send what must stay as it is.
      body.put("Played", s.played());
      body.put("PlayCount", s.playCount());
      body.put("IsFavorite", s.favorite());
      if (s.lastPlayed() != null) {
        body.put("LastPlayedDate", s.lastPlayed().toString());
      }
    }
    ApiRequest request = api.dialect().userData(userId, entry.id(), body.toString());
    return send(index, entry, item, request, s.withRating(rating.doubleValue()));
  }

  private ItemOutcome unrate(LibraryIndex index, LibraryEntry entry, UserState s, Item item)
      throws ProviderException {
    if (s.crosswatchRating() == null) {
      return ItemOutcome.notFound(item, "not_rated");
    }
    ApiRequest request = api.dialect().clearRating(userId, entry.id());
    return send(index, entry, item, request, s.withRating(null));
  }

  /** Sends one write; on 2xx records the user data the server answered (or the wanted one). */
  private ItemOutcome send(
      LibraryIndex index, LibraryEntry entry, Item item, ApiRequest request, UserState wanted)
      throws ProviderException {
    return send(api, item, request, answer -> index.update(entry, answered(answer, wanted)));
  }

  /**
   * Sends the write of one item: 2xx confirms it (after {@code onSuccess}); 404 means the item left
   * the library; auth failures are thrown, as they concern every item; other failures are the
   * item's outcome, retriable when the server or network failed.
   */
  static ItemOutcome send(
      MediaBrowserApi api, Item item, ApiRequest request, Consumer<HttpAnswer> onSuccess)
      throws ProviderException {
    HttpAnswer answer;
    try {
      answer = api.send(request);
    } catch (ProviderException e) {
      if (e.kind() == Kind.AUTH || Thread.currentThread().isInterrupted()) {
        throw e;
      }
      return ItemOutcome.failed(item, e.getMessage(), e.retriable());
    }
    if (answer.isSuccess()) {
      onSuccess.accept(answer);
      return ItemOutcome.confirmed(item);
    }
    if (answer.status() == 404) {
      return ItemOutcome.notFound(item, NOT_IN_LIBRARY);
    }
    ProviderException failure = api.failure(answer);
    if (failure.kind() == Kind.AUTH) {
      throw failure;
    }
    return ItemOutcome.failed(item, failure.getMessage(), failure.retriable());
  }

  private UserState answered(HttpAnswer answer, UserState wanted) {
    try {
      JsonNode body = api.json(answer);
      return body.has("Played") ? UserState.from(body) : wanted;
    } catch (ProviderException e) {
      return wanted;
    }
  }

  static String unsupported(Feature feature, Item item) {
    return feature == Feature.HISTORY
        ? "server history holds plays of movies and episodes, not " + item.type().key() + "s"
        : item.type().key() + "s are not supported by media servers";
  }
}
