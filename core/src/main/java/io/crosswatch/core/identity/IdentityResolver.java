package io.crosswatch.core.identity;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.MediaType;
import java.util.List;

/**
 * Decides which items, across any number of lists, name the same title.
 *
 * <p>Two items are the same title when their types agree and they share any cross-provider id of
 * the same kind. The relation is transitive over every list given at once: an item known only by
 * tmdb on one side and one known only by imdb on the other are the same title once any item in any
 * list (a side, a baseline, a tombstone) carries both ids. Episodes also match by show id + season
 * + number, seasons by show id + season. Items without any usable id match by normalized title +
 * year, and only other items without ids.
 *
 * <p>The result numbers the titles densely from 0: {@link Resolution#title(int, int)} gives the
 * title number of an item, equal numbers meaning the same title.
 */
public final class IdentityResolver {
  private static final int TAG_ID = 1;
  private static final int TAG_EPISODE_OF_SHOW = 2;
  private static final int TAG_SEASON_OF_SHOW = 3;
  private static final int TAG_TITLE = 4;
  private static final int TAG_EPISODE_BY_SHOW_TITLE = 5;

  private IdentityResolver() {}

  /** Resolves the titles of every item of every list. */
  public static Resolution resolve(List<? extends List<Item>> lists) {
    int total = 0;
    int[] offsets = new int[lists.size() + 1];
    for (int i = 0; i < lists.size(); i++) {
      offsets[i] = total;
      total += lists.get(i).size();
    }
    offsets[lists.size()] = total;

    UnionFind sets = new UnionFind(total);
    TokenTable tokens = new TokenTable(total * 3); // about three ids per item
    TokenHasher hasher = new TokenHasher();
    int index = 0;
    for (List<Item> list : lists) {
      for (Item item : list) {
        link(item, index++, sets, tokens, hasher);
      }
    }
    return new Resolution(sets.compact(), offsets);
  }

  private static void link(Item item, int index, UnionFind sets, TokenTable tokens, TokenHasher h) {
    int type = item.type().ordinal();
    if (item.hasUsableIds()) {
      Ids ids = item.ids();
      for (int i = 0; i < ids.size(); i++) {
        IdKind kind = ids.kindAt(i);
        if (kind.crossProvider()) {
          h.reset(TAG_ID).add(type).add(kind.ordinal()).add(ids.valueAt(i));
          join(index, h, sets, tokens);
        }
      }
      if (item.show() != null && item.season() != null) {
        linkByShowIds(item, index, sets, tokens, h);
      }
      return;
    }
    if (item.type() == MediaType.EPISODE || item.type() == MediaType.SEASON) {
      String show = item.show() == null ? "" : ItemKeys.normalizeTitle(item.show().title());
      h.reset(TAG_EPISODE_BY_SHOW_TITLE).add(type).add(show);
      h.add(item.season() == null ? -1 : item.season());
      h.add(item.number() == null ? -1 : item.number());
    } else {
      h.reset(TAG_TITLE).add(type).add(ItemKeys.normalizeTitle(item.title()));
      h.add(item.year() == null ? -1 : item.year());
    }
    join(index, h, sets, tokens);
  }

  private static void linkByShowIds(
      Item item, int index, UnionFind sets, TokenTable tokens, TokenHasher h) {
    boolean episode = item.type() == MediaType.EPISODE;
    if (episode && item.number() == null) {
      return;
    }
    Ids showIds = item.show().ids();
    for (int i = 0; i < showIds.size(); i++) {
      IdKind kind = showIds.kindAt(i);
      if (!kind.crossProvider()) {
        continue;
      }
      h.reset(episode ? TAG_EPISODE_OF_SHOW : TAG_SEASON_OF_SHOW)
          .add(item.type().ordinal())
          .add(kind.ordinal())
          .add(showIds.valueAt(i))
          .add(item.season());
      if (episode) {
        h.add(item.number());
      }
      join(index, h, sets, tokens);
    }
  }

  private static void join(int index, TokenHasher h, UnionFind sets, TokenTable tokens) {
    int existing = tokens.putIfAbsent(h.h1(), h.h2(), index);
    if (existing >= 0) {
      sets.union(existing, index);
    }
  }

  /** Title numbers of every item, by list and position. */
  public static final class Resolution {
    private final int[] titles;
    private final int[] offsets;
    private final int titleCount;

    Resolution(int[] titles, int[] offsets) {
      this.titles = titles;
      this.offsets = offsets;
      int max = -1;
      for (int t : titles) {
        max = Math.max(max, t);
      }
      this.titleCount = max + 1;
    }

    /** The title number of item {@code position} of list {@code list}. */
    public int title(int list, int position) {
      return titles[offsets[list] + position];
    }

    /** How many distinct titles there are; title numbers are below this. */
    public int titleCount() {
      return titleCount;
    }
  }
}
