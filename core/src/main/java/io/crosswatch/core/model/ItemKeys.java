package io.crosswatch.core.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Deterministic string keys for items, used to store baselines, tombstones and journals.
 *
 * <p>A key names the title by its most stable id (imdb, then tmdb, tvdb, …); an episode without ids
 * of its own is named by its show and number; an item without ids by normalized title and year.
 * History keys add the play time, so each play has its own key; playlist keys add the playlist.
 * Keys are for storage only: matching titles across providers is the identity resolver's job.
 */
public final class ItemKeys {
  private ItemKeys() {}

  /** The key of the title an item refers to (ignoring feature fields). */
  public static String titleKey(Item item) {
    StringBuilder sb = new StringBuilder(48).append(item.type().key()).append('|');
    String id = preferredId(item.ids());
    if (id != null) {
      return sb.append(id).toString();
    }
    if (item.show() != null && item.season() != null) {
      String showId = preferredId(item.show().ids());
      sb.append("show:")
          .append(showId != null ? showId : normalizeTitle(item.show().title()))
          .append("|s")
          .append(item.season());
      if (item.number() != null) {
        sb.append('e').append(item.number());
      }
      return sb.toString();
    }
    return sb.append("title:")
        .append(normalizeTitle(item.title()))
        .append('|')
        .append(item.year() == null ? "" : item.year())
        .toString();
  }

  /**
   * The storage key of an item within a feature: history adds the play time, a playlist member
   * starts with its playlist's identity ({@code playlist:<name key>|<title key>}); a resume point
   * is keyed by its title (one per title).
   */
  public static String key(Item item, Feature feature) {
    String title = titleKey(item);
    if (feature == Feature.HISTORY && item.watchedAt() != null) {
      return title + "@" + item.watchedAt().getEpochSecond();
    }
    if (feature == Feature.PLAYLISTS && item.playlist() != null) {
      return "playlist:" + item.playlist().key() + "|" + title;
    }
    return title;
  }

  /** The first id, or {@code null}: ids are ordered by IdKind, which lists stable kinds first. */
  private static String preferredId(Ids ids) {
    return ids.isEmpty() ? null : ids.kindAt(0).key() + ":" + ids.valueAt(0);
  }

  /** Lower case, accents and punctuation removed, whitespace folded. */
  public static String normalizeTitle(String title) {
    if (title == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
        space = false;
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        space = true;
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
