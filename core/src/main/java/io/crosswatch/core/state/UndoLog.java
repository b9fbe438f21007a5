package io.crosswatch.core.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Mutates maps and lists while remembering how to undo each change, so a failed transaction of the
 * in-memory store can be rolled back. Outside a transaction nothing is remembered.
 */
final class UndoLog {
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean recording;

  boolean active() {
    return recording;
  }

  void begin() {
    undo.clear();
    recording = true;
  }

  void commit() {
    undo.clear();
    recording = false;
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    recording = false;
  }

  <K, V> void put(Map<K, V> map, K key, V value) {
    boolean had = map.containsKey(key);
    V old = map.put(key, value);
    if (recording) {
      undo.push(had ? () -> map.put(key, old) : () -> map.remove(key));
    }
  }

  <K, V> boolean remove(Map<K, V> map, K key) {
    if (!map.containsKey(key)) {
      return false;
    }
    V old = map.remove(key);
    if (recording) {
      undo.push(() -> map.put(key, old));
    }
    return true;
  }

  <T> void add(List<T> list, T value) {
    list.add(value);
    if (recording) {
      undo.push(() -> list.remove(list.size() - 1));
    }
  }
}
