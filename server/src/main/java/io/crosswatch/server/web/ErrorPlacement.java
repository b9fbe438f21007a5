package io.crosswatch.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts each config error at the input its JSON path names (its message as {@code cw validate} words
 * it), else at the nearest box holding that path (then with its path); errors of the file as a
 * whole stay unplaced.
 *
 * @param byAnchor messages by the input or box they are shown at
 * @param unplaced {@code path: message} of errors no input or box holds
 */
record ErrorPlacement(Map<String, List<String>> byAnchor, List<String> unplaced) {

  /** A config error: where, and what is wrong (as {@code cw validate} words it). */
  record Problem(String path, String message) {
    @Override
    public String toString() {
      return path.isEmpty() ? message : path + ": " + message;
    }
  }

  static ErrorPlacement place(Set<String> anchors, List<Problem> problems) {
    Map<String, List<String>> byAnchor = new LinkedHashMap<>();
    List<String> unplaced = new ArrayList<>();
    for (Problem p : problems) {
      JsonPath path = JsonPath.parse(p.path());
      while (!path.isRoot() && !anchors.contains(path.toString())) {
        path = path.parent();
      }
      if (path.isRoot()) {
        unplaced.add(p.toString());
      } else {
        String shown = path.toString().equals(p.path()) ? p.message() : p.toString();
        byAnchor.computeIfAbsent(path.toString(), k -> new ArrayList<>()).add(shown);
      }
    }
    return new ErrorPlacement(byAnchor, unplaced);
  }
}
