package io.crosswatch.core.identity;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The identity tokens of an item inside one provider's list: two items are the same entry when
 * their token lists share a token.
 *
 * <p>Unlike {@link IdentityResolver}, which links titles transitively across every list of a run,
 * this is the direct rule a single list uses to find the entries an incoming item names: the local
 * providers' indexes and the in-memory test provider.
 *
 * <p>Tokens carry the type, so types must agree. Each cross-provider id gives one token; episodes
 * and seasons also get one token per show id with their position (season, number). Items without
 * any cross-provider id get a normalized title + year token (for episodes: show title + year +
 * position), which only other id-less items produce. History tokens end with the play time to the
 * second, so a play matches only a play at the same time; playlist tokens end with the playlist's
 * identity, so a member matches only a member of the same playlist.
 */
public final class MatchTokens {
  private MatchTokens() {}

  /** The tokens of {@code item} as an entry of {@code feature}'s list; never empty. */
  public static List<String> of(Item item, Feature feature) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(feature, "feature");
    String type = item.type().key();
    String suffix =
        feature == Feature.HISTORY
            ? playSuffix(item)
            : feature == Feature.PLAYLISTS ? playlistSuffix(item) : "";
    List<String> tokens = new ArrayList<>(4);
    boolean ownIds = item.ids().hasCrossProviderId();
    addIdTokens(tokens, type + "|", item.ids(), "", suffix);
    if (hasPosition(item)) {
      String position = "|s" + item.season() + (item.number() == null ? "" : "e" + item.number());
      Ids showIds = item.show().ids();
      addIdTokens(tokens, type + "|show ", showIds, position, suffix);
      if (!ownIds && !showIds.hasCrossProviderId()) {
        tokens.add(
            titleToken(type + "|show title:", item.show().title(), item.show().year())
                + position
                + suffix);
      }
    } else if (!ownIds) {
      tokens.add(titleToken(type + "|title:", item.title(), item.year()) + suffix);
    }
    return tokens;
  }

  private static boolean hasPosition(Item item) {
    return (item.type() == MediaType.EPISODE || item.type() == MediaType.SEASON)
        && item.show() != null
        && item.season() != null;
  }

  private static void addIdTokens(
      List<String> tokens, String prefix, Ids ids, String position, String suffix) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.kindAt(i).crossProvider()) {
        tokens.add(prefix + ids.kindAt(i).key() + ':' + ids.valueAt(i) + position + suffix);
      }
    }
  }

  private static String titleToken(String prefix, String title, Integer year) {
    return prefix + ItemKeys.normalizeTitle(title) + '|' + (year == null ? "" : year);
  }

  private static String playlistSuffix(Item item) {
    return item.playlist() == null ? "#-" : "#" + item.playlist().key();
  }

  private static String playSuffix(Item item) {
    return item.watchedAt() == null ? "@-" : "@" + item.watchedAt().getEpochSecond();
  }
}
