package io.crosswatch.testkit.fake.mediabrowser;

import java.time.Instant;

/**
 * One user's data for one item, as the server keeps it: one played flag and one last played date
 * per title, not a history of plays.
 *
 * @param played whether the item is marked played
 * @param playCount how often it was marked played
 * @param lastPlayedDate the last played date, or {@code null}; kept when marked unplayed
 * @param favorite whether it is a favourite
 * @param rating the user's 0–10 rating, or {@code null}
 */
public record MbUserData(
    boolean played, int playCount, Instant lastPlayedDate, boolean favorite, Double rating) {

  /** No user data at all. */
  public static final MbUserData NONE = new MbUserData(false, 0, null, false, null);

  MbUserData withPlayed(Instant at) {
    return new MbUserData(true, playCount + 1, at, favorite, rating);
  }

  MbUserData withUnplayed() {
    // The server keeps the last played date when an item is marked unplayed.
    return new MbUserData(false, 0, lastPlayedDate, favorite, rating);
  }

  MbUserData withFavorite(boolean value) {
    return new MbUserData(played, playCount, lastPlayedDate, value, rating);
  }

  MbUserData withRating(Double value) {
    return new MbUserData(played, playCount, lastPlayedDate, favorite, value);
  }
}
