package io.crosswatch.testkit.fake.mediabrowser;

import java.time.Instant;

/**
 * One user's data for one item, as the server keeps it: one played flag and one last played date
 * per title, not a history of plays, and one resume position.
 *
 * @param played whether the item is marked played
 * @param playCount how often it was marked played
 * @param lastPlayedDate the last played date, or {@code null}; kept when marked unplayed
 * @param favorite whether it is a favourite
 * @param rating the user's 0–10 rating, or {@code null}
 * @param playbackPositionTicks the resume position in ticks of 100 ns; 0 when none
 */
public record MbUserData(
    boolean played,
    int playCount,
    Instant lastPlayedDate,
    boolean favorite,
    Double rating,
    long playbackPositionTicks) {

  /** No user data at all. */
  public static final MbUserData NONE = new MbUserData(false, 0, null, false, null, 0);

  /** User data without a resume position. */
  public MbUserData(
      boolean played, int playCount, Instant lastPlayedDate, boolean favorite, Double rating) {
    this(played, playCount, lastPlayedDate, favorite, rating, 0);
  }

  MbUserData withPlayed(Instant at) {
    // Marking an item played clears its resume position, as both servers do.
    return new MbUserData(true, playCount + 1, at, favorite, rating, 0);
  }

  MbUserData withUnplayed() {
    // The server keeps the last played date when an item is marked unplayed.
    return new MbUserData(false, 0, lastPlayedDate, favorite, rating, 0);
  }

  MbUserData withFavorite(boolean value) {
    return new MbUserData(played, playCount, lastPlayedDate, value, rating, playbackPositionTicks);
  }

  MbUserData withRating(Double value) {
    return new MbUserData(
        played, playCount, lastPlayedDate, favorite, value, playbackPositionTicks);
  }

  /** This data with a resume position (and, when given, the date it was reached). */
  MbUserData withPosition(long ticks, Instant at) {
    return new MbUserData(
        played, playCount, at == null ? lastPlayedDate : at, favorite, rating, ticks);
  }
}
