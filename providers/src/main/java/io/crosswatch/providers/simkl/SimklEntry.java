package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One title of the user's SIMKL library: a movie, show or anime in exactly one list (SIMKL calls
 * them statuses), with its plays and rating.
 *
 * @param group where SIMKL files it ({@code movies}, {@code shows} or {@code anime})
 * @param status the list: {@code plantowatch}, {@code watching}, {@code completed}, {@code hold} or
 *     {@code dropped}
 * @param title the movie or show (no feature fields)
 * @param addedAt when it was put on the list ({@code added_to_watchlist_at}), or {@code null}
 * @param lastWatchedAt a movie's play time ({@code last_watched_at}), or {@code null}
 * @param rating the user's rating 1–10, or {@code null}
 * @param ratedAt when it was rated, or {@code null}
 * @param episodes the watched episodes of a show or anime, with their times
 * @param watchedCount {@code watched_episodes_count}
 * @param airedCount episodes aired so far ({@code total_episodes_count} minus {@code
 *     not_aired_episodes_count}); 0 when unknown
 */
record SimklEntry(
    SimklGroup group,
    String status,
    Item title,
    Instant addedAt,
    Instant lastWatchedAt,
    Integer rating,
    Instant ratedAt,
    List<EpisodePlay> episodes,
    int watchedCount,
    int airedCount) {

  static final String PLAN_TO_WATCH = "plantowatch";

  /** One watched episode; {@code watchedAt} is {@code null} when SIMKL keeps no time. */
  record EpisodePlay(int season, int number, Instant watchedAt) {}

  SimklEntry {
    episodes = List.copyOf(episodes);
  }

  /** Parses one row of {@code /sync/all-items}; throws IllegalArgumentException when malformed. */
  static SimklEntry parse(SimklGroup group, JsonNode row) {
    JsonNode media = row.get(group.mediaKey());
    if ((media == null || !media.isObject()) && group == SimklGroup.ANIME) {
      // Assumed: anime rows carry their media under "show" (documented); accept "anime" too.
      media = row.get("anime");
    }
    Item title = SimklItems.media(group.type(), media);
    Integer rating = SimklItems.integer(row.get("user_rating"));
    int total = intOr(row.get("total_episodes_count"));
    int notAired = intOr(row.get("not_aired_episodes_count"));
    return new SimklEntry(
        group,
        row.path("status").asString(""),
        title,
        SimklItems.parseTime(row, "added_to_watchlist_at"),
        group == SimklGroup.MOVIES ? SimklItems.parseTime(row, "last_watched_at") : null,
        rating != null && rating >= 1 && rating <= 10 ? rating : null,
        SimklItems.parseTime(row, "user_rated_at"),
        episodes(row),
        intOr(row.get("watched_episodes_count")),
        Math.max(0, total - notAired));
  }

  private static List<EpisodePlay> episodes(JsonNode row) {
    List<EpisodePlay> plays = new ArrayList<>();
    for (JsonNode season : row.path("seasons")) {
      Integer number = SimklItems.integer(season.get("number"));
      collect(season.path("episodes"), number == null ? 1 : number, plays);
    }
    // Assumed: anime may list episodes flat (numbered across the whole run); they count as season
    // 1.
    collect(row.path("episodes"), 1, plays);
    return plays;
  }

  private static void collect(JsonNode episodes, int season, List<EpisodePlay> into) {
    for (JsonNode e : episodes) {
      Integer number = SimklItems.integer(e.get("number"));
      if (number != null) {
        into.add(new EpisodePlay(season, number, SimklItems.parseTime(e, "watched_at")));
      }
    }
  }

  private static int intOr(JsonNode v) {
    Integer i = SimklItems.integer(v);
    return i == null ? 0 : i;
  }

  /** Whether it is on the watchlist (Plan to Watch). */
  boolean onWatchlist() {
    return PLAN_TO_WATCH.equals(status);
  }

  /** Whether SIMKL records any play of it (a movie's watch time, or a watched episode). */
  boolean hasPlays() {
    return lastWatchedAt != null || !episodes.isEmpty() || watchedCount > 0;
  }

  /** Whether the user rated it. */
  boolean isRated() {
    return rating != null;
  }

  /** The show reference its episodes carry. */
  ShowRef showRef() {
    return new ShowRef(title.title(), title.year(), title.ids());
  }

  /** Whether every aired episode is watched (so the show belongs under completed). */
  boolean allAiredWatched() {
    return airedCount > 0 && watchedCount >= airedCount;
  }
}
