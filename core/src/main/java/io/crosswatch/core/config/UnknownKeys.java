package io.crosswatch.core.config;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a config's warnings into the lines a person reads: the keys crosswatch does not use are
 * summarized, one line per top-level block ({@code trakt: 19 keys crosswatch does not use,
 * ignored}) and one line for all unknown top-level blocks; every other warning (a CrossWatch key
 * crosswatch does not follow, a missing pair) keeps its own line.
 *
 * <p>A config written for CrossWatch carries a hundred or more keys crosswatch has no use for;
 * listed one per line they would bury the few warnings that matter. {@link #each} lists them all.
 */
public final class UnknownKeys {
  /** The message of a key nobody reads. */
  public static final String UNKNOWN_KEY = "unknown key, ignored";

  private static final String NOT_IN_BUILD = "is not available in this build; ignored";
  private static final String TOP_LEVEL = "";

  private UnknownKeys() {}

  /** Whether a warning is about a key crosswatch does not use. */
  public static boolean isUnused(ConfigIssue issue) {
    return !issue.isError()
        && (issue.message().equals(UNKNOWN_KEY) || issue.message().endsWith(NOT_IN_BUILD));
  }

  /** How many warnings are about keys crosswatch does not use. */
  public static long countUnused(List<ConfigIssue> warnings) {
    return warnings.stream().filter(UnknownKeys::isUnused).count();
  }

  /** Every warning on a line of its own ({@code path: message}), in the order found. */
  public static List<String> each(List<ConfigIssue> warnings) {
    return warnings.stream().map(ConfigIssue::toString).toList();
  }

  /**
   * The warnings with unused keys summarized: at most one line per block for them, placed where the
   * block's first one was found; other warnings unchanged and in order.
   */
  public static List<String> summarize(List<ConfigIssue> warnings) {
    Objects.requireNonNull(warnings, "warnings");
    Map<String, List<ConfigIssue>> byBlock = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (ConfigIssue w : warnings) {
      if (!isUnused(w)) {
        order.add(w.toString());
        continue;
      }
      String block = blockOf(w.path());
      if (!byBlock.containsKey(block)) {
        byBlock.put(block, new ArrayList<>());
        order.add(new Group(block));
      }
      byBlock.get(block).add(w);
    }
    List<String> lines = new ArrayList<>(order.size());
    for (Object entry : order) {
      if (entry instanceof Group group) {
        lines.add(line(group.block(), byBlock.get(group.block())));
      } else {
        lines.add((String) entry);
      }
    }
    return lines;
  }

  private record Group(String block) {}

  private static String line(String block, List<ConfigIssue> unused) {
    if (unused.size() == 1) {
      return unused.get(0).toString();
    }
    if (block.equals(TOP_LEVEL)) {
      List<String> names = unused.stream().map(ConfigIssue::path).toList();
      return unused.size()
          + " top-level blocks crosswatch does not use, ignored: "
          + String.join(", ", names);
    }
    return block + ": " + unused.size() + " keys crosswatch does not use, ignored";
  }

  /** The top-level key a path is under; {@code ""} for a top-level key itself. */
  private static String blockOf(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        return path.substring(0, i);
      }
    }
    return TOP_LEVEL;
  }
}
