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
 * The writes of one item to a user's data: played state (history), favourites (watchlist), ratings
 * and resume points (progress, {@code PlaybackPositionTicks}). Each resolves the item through the
 * library index first; titles the library lacks are {@code not_in_library}, not errors. Writes that
 * would change nothing are not sent.
 */
final class UserDataWrites {
  /** Reason of items the server's library does not hold. */
  static final String NOT_IN_LIBRARY = "not_in_library";

  /** A play to remove matches the server's last played date within this window. */
  static final Duration SAME_PLAY = Duration.ofSeconds(60);

  /** {@code PlaybackPositionTicks} and {@code RunTimeTicks} count 100 ns. */
  static final long TICKS_PER_MS = 10_000L;

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
    Set<MediaType> types =
        feature == Feature.HISTORY || feature == Feature.PROGRESS ? PLAYABLE : TITLES;
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
      case PROGRESS:
        return resume(index, entry, state, item, add);
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
    UserState wanted = s.withRating(rating.doubleValue());
    ApiRequest request = api.dialect().userData(userId, entry.id(), userData(s, wanted));
    return send(index, entry, item, request, wanted);
  }

  /**
   * Sets ({@code add}) or clears a resume point: {@code PlaybackPositionTicks} is 10,000 ticks per
   * millisecond. The pause time goes to {@code LastPlayedDate} only on a title not marked played,
   * whose date would otherwise move the title's one play.
   */
  private ItemOutcome resume(
      LibraryIndex index, LibraryEntry entry, UserState s, Item item, boolean add)
      throws ProviderException {
    if (add && (item.progressMs() == null || item.progressMs() < 0)) {
      return ItemOutcome.failed(item, "a resume point needs progress_ms", false);
    }
    long ticks = add ? item.progressMs() * TICKS_PER_MS : 0;
    if (!add && s.positionTicks() == 0) {
      return ItemOutcome.alreadyPresent(item);
    }
    if (add && s.positionTicks() == ticks) {
      return ItemOutcome.alreadyPresent(item);
    }
    Instant at = add && !s.played() ? item.pausedAt() : null;
    UserState wanted = s.withPosition(ticks, at);
    ApiRequest request = api.dialect().userData(userId, entry.id(), userData(s, wanted));
    return send(index, entry, item, request, wanted);
  }

  /**
   * The body of a user data write: Jellyfin changes the fields sent (the ones that differ); Emby
   * takes the posted user data as a whole, so every field is sent.
   */
  private String userData(UserState was, UserState wanted) {
    boolean whole = api.dialect() == Dialect.EMBY;
    ObjectNode body = MediaBrowserApi.MAPPER.createObjectNode();
    if (wanted.rating() != null && (whole || !wanted.rating().equals(was.rating()))) {
      body.put("Rating", wanted.rating());
    }
    if (whole || wanted.positionTicks() != was.positionTicks()) {
      body.put("PlaybackPositionTicks", wanted.positionTicks());
    }
    if (wanted.lastPlayed() != null && (whole || !wanted.lastPlayed().equals(was.lastPlayed()))) {
      body.put("LastPlayedDate", wanted.lastPlayed().toString());
    }
    if (whole) {
      body.put("Played", wanted.played());
      body.put("PlayCount", wanted.playCount());
      body.put("IsFavorite", wanted.favorite());
    }
    return body.toString();
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
