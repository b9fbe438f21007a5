package io.crosswatch.server.web;

/**
 * A pair's outcome in one run: changes applied to either side, and items left unresolved or
 * blocked.
 */
public record PairResult(
    String runId,
    String finishedAt,
    String status,
    boolean dryRun,
    long added,
    long removed,
    long updated,
    long unresolved,
    long blocked) {

  /** {@code ok}, {@code warn} or {@code bad}: the colour of the status badge. */
  public String tone() {
    if ("failed".equals(status)) {
      return "bad";
    }
    return unresolved > 0 || blocked > 0 || !"ok".equals(status) ? "warn" : "ok";
  }
}
