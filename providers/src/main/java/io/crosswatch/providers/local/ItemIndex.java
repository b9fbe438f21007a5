package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entries of one feature of a local provider, in order, indexed by identity token so that
 * finding the entries matching an item takes constant time however large the library.
 *
 * <p>An entry matches an item when their types agree and they share a cross-provider id, or, for
 * items without ids, normalized title + year (episodes: show, season and number); history entries
 * also need the same play time to the second. Not thread-safe.
 */
public final class ItemIndex {
  private final Feature feature;
  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  private final Map<String, List<Entry>> byToken = new HashMap<>();
  private long nextId = 1;

  public ItemIndex(Feature feature) {
    this.feature = Objects.requireNonNull(feature, "feature");
  }

  /** An index holding the given items in order, numbered from 1. */
  public static ItemIndex of(Feature feature, Collection<Item> items) {
    ItemIndex index = new ItemIndex(feature);
    for (Item item : items) {
      index.add(item);
    }
    return index;
  }

  public Feature feature() {
    return feature;
  }

  /** Appends an item under the next free id. */
  public Entry add(Item item) {
    return add(nextId, item);
  }

  /** Appends an item under a known id (e.g. a database row); the id must be unused. */
  public Entry add(long id, Item item) {
    Objects.requireNonNull(item, "item");
    Entry entry = new Entry(id, item);
    if (entries.putIfAbsent(id, entry) != null) {
      throw new IllegalArgumentException("entry id " + id + " is already used");
    }
    nextId = Math.max(nextId, id + 1);
    index(entry);
    return entry;
  }

  /** The entries matching an item, each once, in no particular order. */
  public List<Entry> matches(Item probe) {
    List<Entry> found = List.of();
    for (String token : MatchTokens.of(probe, feature)) {
      List<Entry> hits = byToken.get(token);
      if (hits == null) {
        continue;
      }
      for (Entry hit : hits) {
        if (!found.contains(hit)) {
          found = found.isEmpty() ? new ArrayList<>(2) : found;
          found.add(hit);
        }
      }
    }
    return found;
  }

  /** Removes an entry of this index. */
  public void remove(Entry entry) {
    if (entries.remove(entry.id) == entry) {
      unindex(entry);
    }
  }

  /** Replaces an entry's item in place, keeping its id and position. */
  public void replace(Entry entry, Item item) {
    Objects.requireNonNull(item, "item");
    if (entries.get(entry.id) != entry) {
      throw new IllegalArgumentException("entry " + entry.id + " is not in this index");
    }
    unindex(entry);
    entry.item = item;
    index(entry);
  }

  /** The items in order. */
  public List<Item> items() {
    List<Item> list = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      list.add(e.item);
    }
    return list;
  }

  /** The entries in order (a live, unmodifiable view). */
  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  private void index(Entry entry) {
    entry.tokens = MatchTokens.of(entry.item, feature);
    for (String token : entry.tokens) {
      byToken.computeIfAbsent(token, t -> new ArrayList<>(1)).add(entry);
    }
  }

  private void unindex(Entry entry) {
    for (String token : entry.tokens) {
      List<Entry> list = byToken.get(token);
      if (list != null) {
        list.remove(entry);
        if (list.isEmpty()) {
          byToken.remove(token);
        }
      }
    }
  }

  /** One entry: a stable id (its position key) and the item it holds now. */
  public static final class Entry {
    private final long id;
    private Item item;
    private List<String> tokens = List.of();

    private Entry(long id, Item item) {
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
