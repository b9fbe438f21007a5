package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Rows of the in-memory store grouped by scope (pair, feature and, where it applies, side) and
 * ordered by storage key, like the SQLite tables' primary keys.
 */
final class MemoryTable<V> {
  /** Pair, feature and side ({@code null} for per-feature tables such as tombstones). */
  record Scope(String pairId, Feature feature, Side side) {
    Scope {
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(feature, "feature");
    }
  }

  private static final Comparator<Scope> ORDER =
      Comparator.comparing(Scope::pairId)
          .thenComparing(s -> s.feature().key())
          .thenComparing(s -> s.side() == null ? "" : s.side().key());

  private final Map<Scope, TreeMap<String, V>> rows = new HashMap<>();
  private final UndoLog undo;

  MemoryTable(UndoLog undo) {
    this.undo = undo;
  }

  List<V> in(Scope scope) {
    TreeMap<String, V> inner = rows.get(scope);
    return inner == null ? List.of() : List.copyOf(inner.values());
  }

  V get(Scope scope, String key) {
    TreeMap<String, V> inner = rows.get(scope);
    return inner == null ? null : inner.get(key);
  }

  void put(Scope scope, String key, V value) {
    TreeMap<String, V> inner = rows.get(scope);
    if (inner == null) {
      inner = new TreeMap<>();
      undo.put(rows, scope, inner);
    }
    undo.put(inner, key, value);
  }

  boolean remove(Scope scope, String key) {
    TreeMap<String, V> inner = rows.get(scope);
    return inner != null && undo.remove(inner, key);
  }

  /** Rows of one pair ({@code null}: every pair), ordered by scope and key. */
  List<V> all(String pairId) {
    List<V> out = new ArrayList<>();
    rows.keySet().stream()
        .filter(s -> pairId == null || s.pairId().equals(pairId))
        .sorted(ORDER)
        .forEach(s -> out.addAll(rows.get(s).values()));
    return out;
  }

  /** Removes rows of one pair ({@code null}: every pair) that match; returns how many. */
  int removeIf(String pairId, BiPredicate<Scope, String> match) {
    int removed = 0;
    for (Map.Entry<Scope, TreeMap<String, V>> e : rows.entrySet()) {
      if (pairId == null || e.getKey().pairId().equals(pairId)) {
        for (String key : List.copyOf(e.getValue().keySet())) {
          if (match.test(e.getKey(), key) && undo.remove(e.getValue(), key)) {
            removed++;
          }
        }
      }
    }
    return removed;
  }
}
