package io.crosswatch.providers.local;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.ItemOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Playlist member writes of a local provider, keeping each playlist's positions 0..n-1.
 *
 * <ul>
 *   <li>add: a member already in its playlist is {@code ALREADY_PRESENT}; otherwise it is inserted
 *       at its {@code position} (appended when absent or past the end), the playlist created when
 *       missing;
 *   <li>remove: the member leaves its playlist (the playlist stays, also when empty);
 *   <li>update: the member moves to its {@code position} (a missing member is inserted there).
 * </ul>
 */
final class PlaylistWrites {
  private final ItemIndex index;
  private final PlaylistBook book;
  private final LocalWrites.Changes changes;
  private final Map<String, List<ItemIndex.Entry>> byPlaylist = new HashMap<>();
  private final Set<ItemIndex.Entry> touched = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<ItemIndex.Entry> added = Collections.newSetFromMap(new IdentityHashMap<>());

  PlaylistWrites(ItemIndex index, PlaylistBook book, LocalWrites.Changes changes) {
    this.index = index;
    this.book = book;
    this.changes = changes;
    for (ItemIndex.Entry e : index.entries()) {
      byPlaylist.computeIfAbsent(e.item().playlist().key(), k -> new ArrayList<>()).add(e);
    }
    for (List<ItemIndex.Entry> members : byPlaylist.values()) {
      members.sort(Comparator.comparingInt(e -> e.item().playlist().position()));
    }
  }

  ItemOutcome apply(LocalWrites.Op op, Item item) {
    if (item.playlist() == null) {
      return ItemOutcome.failed(item, "playlist_missing: a member needs its playlist", false);
    }
    List<ItemIndex.Entry> matches = index.matches(item);
    ItemIndex.Entry held = matches.isEmpty() ? null : matches.get(0);
    switch (op) {
      case REMOVE:
        if (held == null) {
          return ItemOutcome.notFound(item, LocalWrites.NOT_FOUND);
        }
        for (ItemIndex.Entry e : matches) {
          detach(e);
          index.remove(e);
          changes.removed().add(e);
          touched.remove(e);
          if (added.remove(e)) {
            changes.added().remove(e);
          }
        }
        return ItemOutcome.confirmed(item);
      case UPDATE:
        if (held == null) {
          insert(item);
          return ItemOutcome.confirmed(item);
        }
        return move(held, item.playlist().position())
            ? ItemOutcome.confirmed(item)
            : ItemOutcome.alreadyPresent(item);
      default:
        if (held != null) {
          return ItemOutcome.alreadyPresent(item);
        }
        insert(item);
        return ItemOutcome.confirmed(item);
    }
  }

  /** The entries whose positions changed, for persisting (removed ones excluded). */
  void finish() {
    for (ItemIndex.Entry e : touched) {
      if (!added.contains(e)) {
        changes.replaced().add(e);
      }
    }
  }

  private void insert(Item item) {
    PlaylistRef ref = item.playlist();
    PlaylistRef created = book.ensure(ref);
    if (created != null) {
      changes.createdPlaylists().add(created);
    }
    PlaylistRef kept = book.get(ref.key());
    List<ItemIndex.Entry> members = members(ref.key());
    int at = clamp(ref.position(), members.size());
    ItemIndex.Entry entry =
        index.add(
            item.withPlaylist(new PlaylistRef(kept.name(), kept.description(), at, null, false)));
    members.add(at, entry);
    changes.added().add(entry);
    added.add(entry);
    renumber(members, at + 1);
  }

  private boolean move(ItemIndex.Entry entry, Integer wanted) {
    List<ItemIndex.Entry> members = members(entry.item().playlist().key());
    int from = members.indexOf(entry);
    int to = clamp(wanted, members.size() - 1);
    if (wanted == null || from == to) {
      return false;
    }
    members.remove(from);
    members.add(to, entry);
    renumber(members, Math.min(from, to));
    return true;
  }

  private void detach(ItemIndex.Entry entry) {
    List<ItemIndex.Entry> members = members(entry.item().playlist().key());
    int at = members.indexOf(entry);
    if (at >= 0) {
      members.remove(at);
      renumber(members, at);
    }
  }

  /** Gives members from {@code from} on their list index as position. */
  private void renumber(List<ItemIndex.Entry> members, int from) {
    for (int i = from; i < members.size(); i++) {
      ItemIndex.Entry e = members.get(i);
      PlaylistRef ref = e.item().playlist();
      if (ref.position() == null || ref.position() != i) {
        index.replace(e, e.item().withPlaylist(ref.withPosition(i)));
        touched.add(e);
      }
    }
  }

  private List<ItemIndex.Entry> members(String key) {
    return byPlaylist.computeIfAbsent(key, k -> new ArrayList<>());
  }

  private static int clamp(Integer position, int size) {
    if (position == null || position > size) {
      return Math.max(size, 0);
    }
    return Math.max(position, 0);
  }
}
