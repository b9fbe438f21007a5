package io.crosswatch.core.apply;

import io.crosswatch.core.provider.ItemOutcome;
import java.util.List;

/**
 * What one operation (e.g. adds of history to one provider) achieved.
 *
 * @param chunks chunks attempted
 * @param outcomes settled outcomes of every attempted item
 * @param failure why the operation stopped early, or {@code null} when every chunk was attempted
 * @param notAttempted how many items were left unattempted because of {@code failure}
 */
public record ApplyResult(
    int chunks, List<ItemOutcome> outcomes, String failure, int notAttempted) {
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }
}
