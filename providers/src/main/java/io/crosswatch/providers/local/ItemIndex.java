package io.crosswatch.providers.local;

import io.crosswatch.core.identity.MatchTokens;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entries of one feature of a local provider, in order, indexed by identity token so that
 * finding the entries matching an item takes constant time however large the library.
 *
 * <p>An entry matches an item when their types agree and they share a cross-provider id, or, for
 * items without ids, normalized title + year (episodes: show, season and number); history entries
 * also need the same play time to the second. Entries carry increasing ids that stay stable while
 * they live (the tracker database uses them as row keys). Not thread-safe.
 */
public final class ItemIndex {
  private final Feature feature;
  private final List<Entry> order;
  private final Map<String, Object> byToken; // an Entry, or an Entry[] when several share a token
  private int removed;
  private long nextId = 1;

  public ItemIndex(Feature feature) {
    this(feature, 16);
  }

  private ItemIndex(Feature feature, int expected) {
    this.feature = Objects.requireNonNull(feature, "feature");
    this.order = new ArrayList<>(expected);
    this.byToken = new HashMap<>(Math.max(16, expected * 4));
  }

  /** An index holding the given items in order, numbered from 1. */
  public static ItemIndex of(Feature feature, Collection<Item> items) {
    ItemIndex index = new ItemIndex(feature, items.size());
    for (Item item : items) {
      index.add(item);
    }
    return index;
  }

  public Feature feature() {
    return feature;
  }

  /** Appends an item under the next id. */
  public Entry add(Item item) {
    return add(nextId, item);
  }

  /**
   * Appends an item under a known id (e.g. a database row key).
   *
   * @throws IllegalArgumentException unless {@code id} is greater than every id used so far
   */
  public Entry add(long id, Item item) {
    Objects.requireNonNull(item, "item");
    if (id < nextId) {
      throw new IllegalArgumentException("entry id " + id + " must be at least " + nextId);
    }
    Entry entry = new Entry(this, id, item);
    order.add(entry);
    nextId = id + 1;
    index(entry);
    return entry;
  }

  /** The entries matching an item, each once, in no particular order. */
  public List<Entry> matches(Item probe) {
    List<Entry> found = new ArrayList<>(1);
    for (String token : MatchTokens.of(probe, feature)) {
      Object hit = byToken.get(token);
      if (hit instanceof Entry) {
        addOnce(found, (Entry) hit);
      } else if (hit != null) {
        for (Entry e : (Entry[]) hit) {
          addOnce(found, e);
        }
      }
    }
    return found;
  }

  private static void addOnce(List<Entry> found, Entry entry) {
    if (!found.contains(entry)) {
      found.add(entry);
    }
  }

  /** Removes a live entry of this index. */
  public void remove(Entry entry) {
    requireLive(entry);
    unindex(entry);
    entry.live = false;
    removed++;
    if (removed > 64 && removed > order.size() / 2) {
      order.removeIf(e -> !e.live);
      removed = 0;
    }
  }

  /** Replaces a live entry's item in place, keeping its id and position. */
  public void replace(Entry entry, Item item) {
    Objects.requireNonNull(item, "item");
    requireLive(entry);
    unindex(entry);
    entry.item = item;
    index(entry);
  }

  /** The items in order. */
  public List<Item> items() {
    List<Item> list = new ArrayList<>(size());
    for (Entry e : order) {
      if (e.live) {
        list.add(e.item);
      }
    }
    return list;
  }

  /** The live entries in order. */
  public List<Entry> entries() {
    List<Entry> list = new ArrayList<>(size());
    for (Entry e : order) {
      if (e.live) {
        list.add(e);
      }
    }
    return list;
  }

  public int size() {
    return order.size() - removed;
  }

  private void requireLive(Entry entry) {
    if (entry.owner != this || !entry.live) {
      throw new IllegalArgumentException(entry + " is not in this index");
    }
  }

  private void index(Entry entry) {
    entry.tokens = MatchTokens.of(entry.item, feature);
    for (String token : entry.tokens) {
      byToken.merge(token, entry, ItemIndex::join);
    }
  }

  private static Object join(Object held, Object added) {
    Entry entry = (Entry) added;
    if (held instanceof Entry) {
      return new Entry[] {(Entry) held, entry};
    }
    Entry[] old = (Entry[]) held;
    Entry[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = entry;
    return grown;
  }

  private void unindex(Entry entry) {
    for (String token : entry.tokens) {
      byToken.computeIfPresent(token, (t, held) -> without(held, entry));
    }
  }

  private static Object without(Object held, Entry entry) {
    if (held == entry) {
      return null;
    }
    if (!(held instanceof Entry[])) {
      return held;
    }
    Entry[] old = (Entry[]) held;
    List<Entry> rest = new ArrayList<>(old.length);
    for (Entry e : old) {
      if (e != entry) {
        rest.add(e);
      }
    }
    return rest.size() == 1 ? rest.get(0) : rest.toArray(new Entry[0]);
  }

  /** One entry: a stable id and the item it holds now. */
  public static final class Entry {
    private final ItemIndex owner;
    private final long id;
    private Item item;
    private List<String> tokens = List.of();
    private boolean live = true;

    private Entry(ItemIndex owner, long id, Item item) {
      this.owner = owner;
      this.id = id;
      this.item = item;
    }

    public long id() {
      return id;
    }

    public Item item() {
      return item;
    }

    @Override
    public String toString() {
      return "Entry[" + id + ": " + item.label() + "]";
    }
  }
}
