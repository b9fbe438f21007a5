package io.crosswatch.testkit;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry-matching rule of the local providers, for the fakes: types agree and a cross-provider
 * id is shared (episodes: also show id + season + number), or, without ids, normalized title +
 * year; history also needs the same play time to the second. Two items match when their token lists
 * share a token.
 */
final class ItemMatching {
  private ItemMatching() {}

  static List<String> tokens(Item item, Feature feature) {
    String type = item.type().key() + "|";
    String at = "";
    if (feature == Feature.HISTORY) {
      at = item.watchedAt() == null ? "@-" : "@" + item.watchedAt().getEpochSecond();
    }
    List<String> tokens = new ArrayList<>(4);
    boolean ownIds = item.ids().hasCrossProviderId();
    addIds(tokens, type, item.ids(), "", at);
    boolean positioned =
        (item.type() == MediaType.EPISODE || item.type() == MediaType.SEASON)
            && item.show() != null
            && item.season() != null;
    if (positioned) {
      String pos = "|s" + item.season() + (item.number() == null ? "" : "e" + item.number());
      addIds(tokens, type + "show ", item.show().ids(), pos, at);
      if (!ownIds && !item.show().ids().hasCrossProviderId()) {
        tokens.add(
            type + "show title:" + title(item.show().title(), item.show().year()) + pos + at);
      }
    } else if (!ownIds) {
      tokens.add(type + "title:" + title(item.title(), item.year()) + at);
    }
    return tokens;
  }

  private static void addIds(List<String> tokens, String prefix, Ids ids, String pos, String at) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.kindAt(i).crossProvider()) {
        tokens.add(prefix + ids.kindAt(i).key() + ":" + ids.valueAt(i) + pos + at);
      }
    }
  }

  private static String title(String title, Integer year) {
    return ItemKeys.normalizeTitle(title) + "|" + (year == null ? "" : year);
  }
}
