package io.crosswatch.testkit.fake.trakt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One account's personal lists on the fake Trakt with the free account's caps: how many lists it
 * may hold and how many items each list may hold (a VIP account has higher caps). Tests seed and
 * inspect them directly; the list endpoints change them the same way. Guarded by the owning user's
 * lock.
 */
public final class TraktLists {

  /** One entry of a list; {@code id} is the list item id that reordering refers to. */
  public record Entry(long id, TraktTitle title, Instant listedAt) {}

  /** One personal list; its entries are in rank order. */
  public static final class PersonalList {
    private final long traktId;
    private final String name;
    private final String slug;
    private final String description;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<Entry> entries = new ArrayList<>();

    PersonalList(long traktId, String name, String description, Instant at) {
      this.traktId = traktId;
      this.name = name;
      this.slug = slugOf(name);
      this.description = description;
      this.createdAt = at;
      this.updatedAt = at;
    }

    public long traktId() {
      return traktId;
    }

    public String name() {
      return name;
    }

    public String slug() {
      return slug;
    }

    public String description() {
      return description;
    }

    public Instant createdAt() {
      return createdAt;
    }

    public Instant updatedAt() {
      return updatedAt;
    }

    /** The entries in rank order. */
    public List<Entry> entries() {
      return List.copyOf(entries);
    }

    /** The titles in rank order. */
    public List<TraktTitle> titles() {
      return entries.stream().map(Entry::title).toList();
    }

    boolean contains(TraktTitle title) {
      return entries.stream().anyMatch(e -> e.title().key().equals(title.key()));
    }
  }

  private final Map<Long, PersonalList> lists = new LinkedHashMap<>();
  private final LongSupplier ids;
  private int listLimit;
  private int itemLimit;

  TraktLists(LongSupplier ids, int listLimit, int itemLimit) {
    this.ids = Objects.requireNonNull(ids, "ids");
    this.listLimit = listLimit;
    this.itemLimit = itemLimit;
  }

  /** The most personal lists the account may hold; creating one more answers 420. */
  public int listLimit() {
    return listLimit;
  }

  /** The most items one list may hold; adds beyond it answer 420. */
  public int itemLimit() {
    return itemLimit;
  }

  /** Sets both caps (e.g. to model a VIP account or a changed plan). */
  public void setLimits(int lists, int itemsPerList) {
    this.listLimit = lists;
    this.itemLimit = itemsPerList;
  }

  /** Every personal list, oldest first. */
  public List<PersonalList> all() {
    return List.copyOf(lists.values());
  }

  /** A list by name (exact), if any. */
  public Optional<PersonalList> named(String name) {
    return lists.values().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** A list by Trakt id or slug, as the endpoints address it. */
  public Optional<PersonalList> byIdOrSlug(String idOrSlug) {
    for (PersonalList l : lists.values()) {
      if (Long.toString(l.traktId()).equals(idOrSlug) || l.slug().equals(idOrSlug)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** Creates a list whatever the cap (the endpoint checks it); returns it. */
  public PersonalList create(String name, String description, Instant at) {
    PersonalList l = new PersonalList(ids.getAsLong(), name, description, at);
    lists.put(l.traktId(), l);
    return l;
  }

  /** Appends a title unless present; false when it was there already. */
  public boolean add(PersonalList list, TraktTitle title, Instant at) {
    if (list.contains(title)) {
      return false;
    }
    list.entries.add(new Entry(ids.getAsLong(), title, at));
    list.updatedAt = at;
    return true;
  }

  /** Removes a title; false when it was not there. */
  public boolean remove(PersonalList list, TraktTitle title, Instant at) {
    boolean gone = list.entries.removeIf(e -> e.title().key().equals(title.key()));
    if (gone) {
      list.updatedAt = at;
    }
    return gone;
  }

  /**
   * Puts the entries with the given list item ids first, in that order; the others keep their
   * relative order after them. Returns how many ids were applied; unknown ids are skipped.
   */
  public List<Long> reorder(PersonalList list, List<Long> rank, Instant at) {
    List<Entry> ordered = new ArrayList<>();
    List<Long> skipped = new ArrayList<>();
    for (Long id : rank) {
      Optional<Entry> e = list.entries.stream().filter(x -> x.id() == id).findFirst();
      if (e.isPresent() && !ordered.contains(e.get())) {
        ordered.add(e.get());
      } else {
        skipped.add(id);
      }
    }
    for (Entry e : list.entries) {
      if (!ordered.contains(e)) {
        ordered.add(e);
      }
    }
    list.entries.clear();
    list.entries.addAll(ordered);
    list.updatedAt = at;
    return skipped;
  }

  private static String slugOf(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
