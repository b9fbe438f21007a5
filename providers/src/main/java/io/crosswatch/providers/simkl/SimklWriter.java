package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SIMKL's writes, with the guards its library model needs: SIMKL holds each title in exactly one
 * list, and deleting a title from Plan to Watch or deleting a movie's play removes the whole
 * library entry, its rating included. See {@link SimklProvider} for the rules.
 */
final class SimklWriter {
  static final String NO_IDS = "no_ids";
  static final String NOT_LISTABLE = "not_listable";
  static final String NOT_RATABLE = "not_ratable";
  static final String NOT_ON_WATCHLIST = "not_on_watchlist";

  /** Plays match when their times differ by no more than this (SIMKL keeps seconds). */
  private static final Duration PLAY_TOLERANCE = Duration.ofSeconds(1);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SimklApi api;
  private final SimklReader reader;
  private final Runnable changing;

  /**
   * @param changing told before every write, so that what the write may change is read again
   */
  SimklWriter(SimklApi api, SimklReader reader, Runnable changing) {
    this.api = api;
    this.reader = reader;
    this.changing = changing;
  }

  WriteResult watchlistAdd(List<Item> items) throws ProviderException {
    SimklLibrary library = reader.library();
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch batch = new SimklBatch();
    for (Item item : items) {
      if (!isTitle(item)) {
        out.add(ItemOutcome.notFound(item, NOT_LISTABLE));
        continue;
      }
      Optional<SimklEntry> entry = library.find(item);
      if (entry.isPresent() && entry.get().onWatchlist()) {
        out.add(ItemOutcome.alreadyPresent(item));
      } else if (entry.isPresent() && (entry.get().hasPlays() || entry.get().isRated())) {
        out.add(ItemOutcome.failed(item, inOtherList(entry.get()), false));
      } else if (entry.isPresent()) {
        batch.add(
            item, entry.get().group().writeKey(), entry.get().title().ids(), to("plantowatch"));
      } else if (SimklItems.hasSimklIds(item.ids())) {
        batch.add(item, groupKey(item), item.ids(), to("plantowatch"));
      } else {
        out.add(ItemOutcome.notFound(item, NO_IDS));
      }
    }
    out.addAll(send("/sync/add-to-list", batch, true));
    return new WriteResult(out);
  }

  /**
   * Takes titles off Plan to Watch without losing anything else: a title with plays is moved to the
   * list its plays put it in; a rated title without plays is refused; only a title with neither is
   * deleted.
   */
  WriteResult watchlistRemove(List<Item> items) throws ProviderException {
    SimklLibrary library = reader.library();
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch deletes = new SimklBatch();
    SimklBatch moves = new SimklBatch();
    for (Item item : items) {
      Optional<SimklEntry> found = isTitle(item) ? library.find(item) : Optional.empty();
      if (!isTitle(item)) {
        out.add(ItemOutcome.notFound(item, NOT_LISTABLE));
      } else if (found.isEmpty() || !found.get().onWatchlist()) {
        out.add(ItemOutcome.notFound(item, NOT_ON_WATCHLIST));
      } else if (found.get().hasPlays()) {
        SimklEntry e = found.get();
        moves.add(item, e.group().writeKey(), e.title().ids(), to(moveTarget(e)));
      } else if (found.get().isRated()) {
        out.add(ItemOutcome.failed(item, ratedOnWatchlist(found.get()), false));
      } else {
        SimklEntry e = found.get();
        deletes.add(item, e.group().writeKey(), e.title().ids(), NODES.objectNode());
      }
    }
    out.addAll(send("/sync/add-to-list", moves, true));
    out.addAll(send("/sync/history/remove", deletes, true));
    return new WriteResult(out);
  }

  WriteResult historyAdd(List<Item> items) throws ProviderException {
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch batch = new SimklBatch();
    for (Item item : items) {
      ObjectNode fields = NODES.objectNode();
      if (item.watchedAt() != null) {
        fields.put("watched_at", SimklItems.time(item.watchedAt()));
      }
      if (item.type() == MediaType.MOVIE && SimklItems.hasSimklIds(item.ids())) {
        batch.add(item, "movies", item.ids(), fields);
      } else if (item.type() == MediaType.EPISODE && nestable(item)) {
        batch.addEpisode(item, item.show().ids(), fields);
      } else if (item.type() == MediaType.MOVIE || item.type() == MediaType.EPISODE) {
        out.add(ItemOutcome.notFound(item, NO_IDS));
      } else {
        out.add(ItemOutcome.failed(item, notAPlay(item), false));
      }
    }
    // A history add is not sent twice after an unclear failure: it could record a second play.
    out.addAll(send("/sync/history", batch, false));
    return new WriteResult(out);
  }

  /**
   * Removes plays. An episode's play is unmarked alone; a movie's only play can be removed only by
   * deleting the movie from the library, so a rated movie's play is refused (the rating would go
   * with it).
   */
  WriteResult historyRemove(List<Item> items) throws ProviderException {
    SimklLibrary library = reader.library();
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch batch = new SimklBatch();
    for (Item item : items) {
      Optional<SimklEntry> found = library.find(item);
      if (item.type() != MediaType.MOVIE && item.type() != MediaType.EPISODE) {
        out.add(ItemOutcome.failed(item, notAPlay(item), false));
      } else if (found.isEmpty() || !holdsPlay(found.get(), item)) {
        out.add(ItemOutcome.notFound(item, SimklBatch.NOT_FOUND));
      } else if (item.type() == MediaType.EPISODE) {
        batch.addEpisode(item, found.get().title().ids(), NODES.objectNode());
      } else if (found.get().isRated()) {
        out.add(ItemOutcome.failed(item, ratedMoviePlay(found.get()), false));
      } else {
        batch.add(item, "movies", found.get().title().ids(), NODES.objectNode());
      }
    }
    out.addAll(send("/sync/history/remove", batch, true));
    return new WriteResult(out);
  }

  WriteResult ratingsAdd(List<Item> items) throws ProviderException {
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch batch = new SimklBatch();
    for (Item item : items) {
      if (!isTitle(item)) {
        out.add(ItemOutcome.notFound(item, NOT_RATABLE));
      } else if (item.rating() == null || item.rating() < 1 || item.rating() > 10) {
        out.add(ItemOutcome.failed(item, "rating must be 1–10, got " + item.rating(), false));
      } else if (!SimklItems.hasSimklIds(item.ids())) {
        out.add(ItemOutcome.notFound(item, NO_IDS));
      } else {
        ObjectNode fields = NODES.objectNode().put("rating", item.rating());
        if (item.ratedAt() != null) {
          fields.put("rated_at", SimklItems.time(item.ratedAt()));
        }
        batch.add(item, groupKey(item), item.ids(), fields);
      }
    }
    out.addAll(send("/sync/ratings", batch, true));
    return new WriteResult(out);
  }

  WriteResult ratingsRemove(List<Item> items) throws ProviderException {
    List<ItemOutcome> out = new ArrayList<>();
    SimklBatch batch = new SimklBatch();
    for (Item item : items) {
      if (!isTitle(item)) {
        out.add(ItemOutcome.notFound(item, NOT_RATABLE));
      } else if (!SimklItems.hasSimklIds(item.ids())) {
        out.add(ItemOutcome.notFound(item, NO_IDS));
      } else {
        batch.add(item, groupKey(item), item.ids(), NODES.objectNode());
      }
    }
    out.addAll(send("/sync/ratings/remove", batch, true));
    return new WriteResult(out);
  }

  private List<ItemOutcome> send(String path, SimklBatch batch, boolean repeatable)
      throws ProviderException {
    if (batch.isEmpty()) {
      return List.of();
    }
    ApiRequest request = ApiRequest.post(path, batch.body());
    changing.run();
    return batch.outcomes(api.call(repeatable ? request : request.notRepeatable()));
  }

  private static boolean holdsPlay(SimklEntry e, Item play) {
    if (play.type() == MediaType.MOVIE) {
      return e.lastWatchedAt() != null && sameTime(e.lastWatchedAt(), play.watchedAt());
    }
    if (play.season() == null || play.number() == null) {
      return false;
    }
    for (SimklEntry.EpisodePlay p : e.episodes()) {
      if (p.season() == play.season()
          && p.number() == play.number()
          && (p.watchedAt() == null || sameTime(p.watchedAt(), play.watchedAt()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameTime(Instant held, Instant asked) {
    return asked == null || Duration.between(held, asked).abs().compareTo(PLAY_TOLERANCE) <= 0;
  }

  /** Where a watched title goes when it leaves Plan to Watch. */
  private static String moveTarget(SimklEntry e) {
    if (e.group() == SimklGroup.MOVIES || e.allAiredWatched()) {
      return "completed";
    }
    return "watching";
  }

  private static boolean isTitle(Item item) {
    return item.type() == MediaType.MOVIE || item.type() == MediaType.SHOW;
  }

  private static boolean nestable(Item item) {
    return item.show() != null
        && SimklItems.hasSimklIds(item.show().ids())
        && item.season() != null
        && item.number() != null;
  }

  private static String groupKey(Item item) {
    return item.type() == MediaType.MOVIE ? "movies" : "shows";
  }

  private static ObjectNode to(String list) {
    return NODES.objectNode().put("to", list);
  }

  private static String notAPlay(Item item) {
    return "simkl history holds plays of movies and episodes, not " + item.type().key() + "s";
  }

  private static String inOtherList(SimklEntry e) {
    return "already in the SIMKL library under \""
        + e.status()
        + "\" with plays or a rating; SIMKL keeps a title in one list only, so moving it to"
        + " Plan to Watch could lose them. Move it on simkl.com if you want it there";
  }

  private static String ratedOnWatchlist(SimklEntry e) {
    return "rated on SIMKL (rating "
        + e.rating()
        + "): SIMKL can take a title off Plan to Watch only by deleting it with its rating."
        + " Remove it on simkl.com, or remove the rating first";
  }

  private static String ratedMoviePlay(SimklEntry e) {
    return "rated on SIMKL (rating "
        + e.rating()
        + "): SIMKL removes a movie's play only by deleting the movie with its rating."
        + " Remove it on simkl.com, or remove the rating first";
  }
}
