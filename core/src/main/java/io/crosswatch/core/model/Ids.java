package io.crosswatch.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable set of normalized identifiers, at most one per {@link IdKind}.
 *
 * <p>Values are stored normalized (numbers without leading zeros, imdb as {@code tt} + digits), so
 * two {@code Ids} that name the same id hold equal strings. The layout is two small parallel arrays
 * because planning holds millions of these at once.
 */
public final class Ids {
  private static final Ids EMPTY = new Ids(new byte[0], new String[0]);
  private static final IdKind[] KINDS = IdKind.values();

  private final byte[] kinds;
  private final String[] values;

  private Ids(byte[] kinds, String[] values) {
    this.kinds = kinds;
    this.values = values;
  }

  /** No ids at all. */
  public static Ids empty() {
    return EMPTY;
  }

  /**
   * Ids from raw values; values that are no id ("0", "", "null", "none", malformed) are dropped.
   */
  public static Ids of(Map<IdKind, ?> raw) {
    Object[] slots = new Object[KINDS.length];
    raw.forEach((kind, value) -> slots[kind.ordinal()] = value);
    return ofSlots(slots);
  }

  /** Ids holding one raw value (dropped when it is no id). */
  public static Ids of(IdKind kind, Object value) {
    return of(Map.of(kind, value == null ? "" : value));
  }

  /**
   * Ids from raw values indexed by {@link IdKind#ordinal()} ({@code null} for absent kinds); the
   * reader's fast path, with no map per item.
   */
  static Ids ofSlots(Object[] raw) {
    String[] normalized = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      normalized[i] = normalize(KINDS[i], raw[i]);
    }
    return packed(normalized);
  }

  /** Ids from normalized values indexed by {@link IdKind#ordinal()} ({@code null} when absent). */
  private static Ids packed(String[] normalized) {
    int count = 0;
    for (String n : normalized) {
      if (n != null) {
        count++;
      }
    }
    if (count == 0) {
      return EMPTY;
    }
    byte[] k = new byte[count];
    String[] v = new String[count];
    int j = 0;
    for (int i = 0; i < normalized.length; i++) {
      if (normalized[i] != null) {
        k[j] = (byte) i;
        v[j++] = normalized[i];
      }
    }
    return new Ids(k, v);
  }

  /** These ids' values indexed by {@link IdKind#ordinal()}, {@code null} for absent kinds. */
  private String[] slots() {
    String[] slots = new String[KINDS.length];
    for (int i = 0; i < kinds.length; i++) {
      slots[kinds[i]] = values[i];
    }
    return slots;
  }

  /**
   * The normalized form of a raw id value, or {@code null} when the value is no usable id.
   *
   * <p>Numeric kinds accept numbers or digit strings; {@code "0"}, {@code ""}, {@code "null"} and
   * {@code "none"} are no id. imdb ids are {@code tt} followed by digits.
   */
  public static String normalize(IdKind kind, Object raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toString().trim();
    if (s.isEmpty() || s.equalsIgnoreCase("null") || s.equalsIgnoreCase("none")) {
      return null;
    }
    if (kind.numeric()) {
      return normalizeNumber(raw, s);
    }
    switch (kind) {
      case IMDB:
        return normalizeImdb(s);
      case SLUG:
      case JELLYFIN:
        return s.toLowerCase(Locale.ROOT);
      default:
        return s.equals("0") ? null : s;
    }
  }

  private static String normalizeNumber(Object raw, String s) {
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (d != Math.rint(d) || d <= 0 || d > Long.MAX_VALUE) {
        return null;
      }
      return Long.toString((long) d);
    }
    if (s.length() > 18 || !allDigits(s, 0)) {
      return null;
    }
    if (s.charAt(0) != '0') {
      return s; // already canonical: keep the string instead of making a new one
    }
    long value = Long.parseLong(s);
    return value == 0 ? null : Long.toString(value);
  }

  private static String normalizeImdb(String s) {
    if (s.startsWith("tt")
        && s.length() > 2
        && s.length() <= 14
        && allDigits(s, 2)
        && !allZeros(s, 2)) {
      return s; // already canonical
    }
    String lower = s.toLowerCase(Locale.ROOT);
    String digits = lower.startsWith("tt") ? lower.substring(2) : lower;
    if (digits.isEmpty() || digits.length() > 12 || !allDigits(digits, 0)) {
      return null;
    }
    if (Long.parseLong(digits) == 0) {
      return null;
    }
    return "tt" + digits;
  }

  private static boolean allZeros(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String s, int from) {
    if (s.length() <= from) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The normalized value of one kind, if present. */
  public Optional<String> get(IdKind kind) {
    return Optional.ofNullable(value(kind));
  }

  /** The normalized value of one kind, or {@code null}. */
  public String value(IdKind kind) {
    byte ordinal = (byte) kind.ordinal();
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == ordinal) {
        return values[i];
      }
    }
    return null;
  }

  /** How many ids are present. */
  public int size() {
    return kinds.length;
  }

  /** Whether no id is present. */
  public boolean isEmpty() {
    return kinds.length == 0;
  }

  /** Whether at least one id of a cross-provider kind is present. */
  public boolean hasCrossProviderId() {
    for (byte k : kinds) {
      if (KINDS[k].crossProvider()) {
        return true;
      }
    }
    return false;
  }

  /** Visits the present ids in {@link IdKind} order. */
  public void forEach(BiConsumer<IdKind, String> action) {
    for (int i = 0; i < kinds.length; i++) {
      action.accept(KINDS[kinds[i]], values[i]);
    }
  }

  /** The kind at position {@code i} (0 ≤ i &lt; size), in {@link IdKind} order. */
  public IdKind kindAt(int i) {
    return KINDS[kinds[i]];
  }

  /** The value at position {@code i} (0 ≤ i &lt; size). */
  public String valueAt(int i) {
    return values[i];
  }

  /** Whether both hold the same value for at least one kind (local kinds included). */
  public boolean sharesAny(Ids other) {
    for (int i = 0; i < kinds.length; i++) {
      String theirs = other.value(KINDS[kinds[i]]);
      if (theirs != null && theirs.equals(values[i])) {
        return true;
      }
    }
    return false;
  }

  /** These ids plus the other's ids for kinds missing here (this side wins on conflicts). */
  public Ids merge(Ids other) {
    if (other.isEmpty() || other == this) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    String[] merged = other.slots();
    for (int i = 0; i < kinds.length; i++) {
      merged[kinds[i]] = values[i];
    }
    Ids result = packed(merged);
    return result.size() == size() ? this : result;
  }

  /** These ids with one more (or replaced) value; a value that is no id removes the kind. */
  public Ids with(IdKind kind, Object raw) {
    String[] copy = slots();
    copy[kind.ordinal()] = normalize(kind, raw);
    return packed(copy);
  }

  /** The ids as an ordered, unmodifiable map. */
  public Map<IdKind, String> asMap() {
    EnumMap<IdKind, String> map = new EnumMap<>(IdKind.class);
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ids
        && Arrays.equals(kinds, ((Ids) o).kinds)
        && Arrays.equals(values, ((Ids) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(kinds) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(KINDS[kinds[i]].key()).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
